import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";

/** Writes data files into a fresh temporary folder and returns their paths. */
export function dataFiles(files: Record<string, unknown>): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-data-"));
  return Object.entries(files).map(([name, content]) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === "string" ? content : stringify(content));
    return file;
  });
}

/** A small, valid data file: one outlet, one source, two actors, a place and a contested event. */
export function smallDataset() {
  return {
    actors: [
      { key: "outlet-a", name: "Outlet A", kind: "MEDIA_OUTLET" },
      {
        key: "ttp",
        name: "Tehrik-i-Taliban Pakistan",
        kind: "ARMED_GROUP",
        country: "PK",
        aliases: [
          { name: "TTP", kind: "ACRONYM" },
          { name: "Tehreek-e-Taliban Pakistan", kind: "TRANSLITERATION" },
        ],
      },
      {
        key: "pakistan",
        name: "Government of Pakistan",
        kind: "GOVERNMENT",
        country: "PK",
        aliases: [{ name: "Islamabad", kind: "INFORMAL_NAME" }],
      },
    ],
    places: [{ key: "kabul", name: "Kabul", country: "AF", lat: 34.53, lon: 69.17 }],
    sources: [{ key: "src-a", title: "A report", outlet: "outlet-a", publishedAt: "2022-05-18" }],
    events: [
      {
        key: "release",
        type: "PRISONER_RELEASE",
        title: "Release of prisoners",
        start: "2022-05",
        places: ["kabul"],
        participants: [
          { actor: "pakistan", role: "RELEASING" },
          { actor: "ttp", role: "RELEASED" },
        ],
        claims: [
          { quote: "dozens of prisoners were freed", stance: "ASSERTS", speakerLabel: "an official" },
          { quote: "no prisoner was freed", stance: "DENIES", speaker: "ttp" },
        ],
      },
    ],
  };
}
