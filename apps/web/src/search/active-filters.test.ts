import { encodeGlobalId, searchStateFromParams } from "@parley/schema";
import { defined } from "@parley/schema/defined";
import { describe, expect, it } from "vitest";
import { activeFilterChips } from "./active-filters.ts";
import { applyEdits } from "./edits.ts";

const ttp = encodeGlobalId("Actor", 12);
const pakistan = encodeGlobalId("Actor", 3);
const gone = encodeGlobalId("Actor", 999);

describe("active filter chips", () => {
  const params = new URLSearchParams([
    ["q", "talks"],
    ["actor", ttp],
    ["p", `${ttp}:MEDIATOR,HOST`],
    ["p", pakistan],
    ["p", gone],
    ["contested", "1"],
  ]);
  const { state } = searchStateFromParams(params);
  const facets = [{ field: "ACTOR", values: [{ value: ttp, label: "Tehrik-i-Taliban Pakistan", selected: true }] }];
  const chips = activeFilterChips(
    state,
    facets,
    new Map([
      [ttp, "Tehrik-i-Taliban Pakistan"],
      [pakistan, "Pakistan"],
    ]),
  );

  it("names each participant entry with its actor and roles, after the facet values", () => {
    expect(chips.map((c) => c.text)).toEqual([
      "Words: “talks”",
      "Actor: Tehrik-i-Taliban Pakistan",
      "Taking part: Tehrik-i-Taliban Pakistan as Mediator or Host",
      "Taking part: Pakistan",
      "Taking part: an actor not found",
      "Contested only",
    ]);
  });

  it("removes exactly its own entry from the search's params", () => {
    const chip = defined(
      chips.find((c) => c.text === "Taking part: Pakistan"),
      'chips.find((c) => c.text === "Taking part: Pakistan")',
    );
    const edited = defined(
      applyEdits(new URLSearchParams([...params, ["remove", chip.remove]])),
      'applyEdits(new URLSearchParams([...params, ["remove", chip.remove]]))',
    );
    expect(edited.getAll("p")).toEqual([`${ttp}:MEDIATOR,HOST`, gone]);
    expect(edited.getAll("actor")).toEqual([ttp]);
  });
});
