import { describe, expect, it } from "vitest";
import { highlightPieces } from "./highlights.ts";

describe("highlightPieces", () => {
  it("cuts a highlight into its plain and marked stretches", () => {
    expect(highlightPieces("Talks with <mark>Tehreek</mark>-e-Taliban <mark>resumed</mark>")).toEqual([
      { at: 0, text: "Talks with ", marked: false },
      { at: 17, text: "Tehreek", marked: true },
      { at: 31, text: "-e-Taliban ", marked: false },
      { at: 48, text: "resumed", marked: true },
    ]);
  });

  it("gives back the characters the API escaped, and shows tags in the text as text", () => {
    const pieces = highlightPieces("&lt;b&gt;&quot;Q&amp;A&quot; &#39;<mark>TTP</mark>&#39;");
    expect(pieces.map((p) => p.text)).toEqual(['<b>"Q&A" \'', "TTP", "'"]);
  });

  it("reads what the browser would read from the same HTML", () => {
    const html = "A &amp;amp; B: <mark>Kabul</mark> &lt;mark&gt;";
    expect(
      highlightPieces(html)
        .map((p) => p.text)
        .join(""),
    ).toBe("A &amp; B: Kabul <mark>");
  });
});
