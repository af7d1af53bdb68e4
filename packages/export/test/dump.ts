import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@parley/db";
import { csvFile, sharedDataFile } from "@parley/testkit/datasets";
import { parse } from "csv-parse/sync";

/** Every fact an ACLED import owns of an event, in a form two databases can be compared in. */
export async function dumpEvents(db: PrismaClient, where: { key?: { startsWith: string } } = {}) {
  const events = await db.event.findMany({
    where,
    orderBy: { key: "asc" },
    include: {
      participants: { include: { actor: true } },
      places: { include: { place: true } },
      claims: { include: { source: { include: { outlet: true } } } },
    },
  });
  return events.map((e) => ({
    key: e.key,
    type: e.type,
    title: e.title,
    summary: e.summary,
    dates: [e.startDate.toISOString().slice(0, 10), e.endDate?.toISOString().slice(0, 10) ?? null, e.datePrecision],
    fatalities: [e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh],
    participants: e.participants.map((p) => `${p.role} ${p.actor.name}`).sort(),
    places: e.places
      .map((p) => `${p.place.name}|${p.place.kind}|${p.place.country}|${p.place.lat},${p.place.lon}`)
      .sort(),
    claims: e.claims.map((c) => `${c.key}|${c.source.title}|${c.source.outlet?.name}|${c.quote}|${c.note}`).sort(),
  }));
}

/** Each actor's kind, by name. */
export async function actorKinds(db: PrismaClient): Promise<Map<string, string>> {
  return new Map((await db.actor.findMany({ select: { name: true, kind: true } })).map((a) => [a.name, a.kind]));
}

/** The shared ACLED sample, first `rows` rows, as a file of its own; null (with a notice) when absent. */
export function acledSample(rows: number): string | null {
  const file = sharedDataFile("acled_kenya_2019_hdxformat.csv");
  if (!file) return null;
  const records = parse(readFileSync(file, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  return csvFile(Object.keys(records[0] ?? {}), records.slice(0, rows), "acled_sample.csv");
}

export function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-export-")), name);
  writeFileSync(file, text);
  return file;
}
