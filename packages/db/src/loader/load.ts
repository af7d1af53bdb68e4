import { createHash } from "node:crypto";
import {
  type ActorRecord,
  type ClaimRecord,
  type DataFile,
  dateOfDay,
  nameKeys,
  normalizeName,
  uniqueBy,
} from "@parley/schema";
import type { PrismaClient, Tx } from "../client.ts";
import { diffSnapshots, type EntityType, recordRevision, type Snapshot } from "../revisions.ts";
import {
  actorSnapshot,
  claimSnapshot,
  eventSnapshot,
  placeSnapshot,
  positionSnapshot,
  processSnapshot,
  sourceSnapshot,
} from "../snapshots.ts";
import { DataFileError, type DataFileProblem, type ParsedFile, readDataFiles } from "./read.ts";
import {
  actorFromFile,
  type ClaimTarget,
  claimFromFile,
  eventFromFile,
  type IdOf,
  placeFromFile,
  positionFromFile,
  processFromFile,
  scalars,
  sourceFromFile,
  startOf,
} from "./snapshots.ts";

type Kind = "actor" | "place" | "process" | "source" | "event" | "position" | "claim";
const SECTIONS = {
  actor: "actors",
  place: "places",
  process: "processes",
  source: "sources",
  event: "events",
  position: "positions",
} as const;
const ENTITY: Record<Kind, EntityType> = {
  actor: "Actor",
  place: "Place",
  process: "Process",
  source: "Source",
  event: "Event",
  position: "Position",
  claim: "Claim",
};

export interface LoadSummary {
  created: number;
  updated: number;
  unchanged: number;
  byKind: Record<Kind, { created: number; updated: number; unchanged: number }>;
}

interface Definition<T> {
  file: string;
  path: string;
  record: T;
}

interface ClaimDefinition {
  key: string;
  file: string;
  path: string;
  claim: ClaimRecord;
  source: string;
  target: ClaimTarget;
}

type Definitions = { [K in keyof typeof SECTIONS]: Map<string, Definition<DataFile[(typeof SECTIONS)[K]][number]>> };

function collect(files: ParsedFile[]): { defs: Definitions; claims: ClaimDefinition[]; problems: DataFileProblem[] } {
  const problems: DataFileProblem[] = [];
  const defs = {
    actor: new Map(),
    place: new Map(),
    process: new Map(),
    source: new Map(),
    event: new Map(),
    position: new Map(),
  } as Definitions;
  for (const { file, data } of files) {
    for (const [kind, section] of Object.entries(SECTIONS) as [
      keyof typeof SECTIONS,
      (typeof SECTIONS)[keyof typeof SECTIONS],
    ][]) {
      data[section].forEach((record, index) => {
        const map = defs[kind] as Map<string, Definition<unknown>>;
        const existing = map.get(record.key);
        const path = `${section}[${index}] (key ${record.key})`;
        if (existing)
          problems.push({
            file,
            path,
            message: `key "${record.key}" is also defined in ${existing.file} ${existing.path}`,
          });
        else map.set(record.key, { file, path, record });
      });
    }
  }
  const claims: ClaimDefinition[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    const only = data.sources.length === 1 ? data.sources[0]?.key : undefined;
    const add = (claim: ClaimRecord, path: string, target: ClaimTarget) => {
      const source = claim.source ?? only;
      if (!source) {
        problems.push({
          file,
          path: `${path}.source`,
          message: "name the claim's source: this file does not hold exactly one source",
        });
        return;
      }
      // Claims about positions add the position to the hashed fields; event and actor claims keep their keys.
      const identity = [
        source,
        target.event ?? null,
        target.actor ?? null,
        claim.quote,
        ...(target.position ? [target.position] : []),
      ];
      const key = `claim:${createHash("sha1").update(JSON.stringify(identity)).digest("hex").slice(0, 20)}`;
      const twin = seen.get(key);
      if (twin)
        problems.push({ file, path, message: `the same quote from the same source is already a claim at ${twin}` });
      seen.set(key, `${file} ${path}`);
      claims.push({ key, file, path, claim, source, target });
    };
    for (const [i, e] of data.events.entries()) {
      for (const [j, c] of e.claims.entries()) add(c, `events[${i}] (key ${e.key}).claims[${j}]`, { event: e.key });
    }
    for (const [i, a] of data.actors.entries()) {
      for (const [j, c] of a.claims.entries()) add(c, `actors[${i}] (key ${a.key}).claims[${j}]`, { actor: a.key });
    }
    for (const [i, p] of data.positions.entries()) {
      for (const [j, c] of p.claims.entries())
        add(c, `positions[${i}] (key ${p.key}).claims[${j}]`, { position: p.key });
    }
  }
  problems.push(...positionLinkProblems(defs));
  return { defs, claims, problems };
}

/** A position answers another actor's position and replaces one of its own holder's. */
function positionLinkProblems(defs: Definitions): DataFileProblem[] {
  const problems: DataFileProblem[] = [];
  for (const { file, path, record } of defs.position.values()) {
    const answered = record.respondsTo ? defs.position.get(record.respondsTo)?.record : undefined;
    if (answered && answered.holder === record.holder) {
      problems.push({
        file,
        path: `${path}.respondsTo`,
        message: `"${record.respondsTo}" is held by ${record.holder} too: a position responds to another actor's`,
      });
    }
    const replaced = record.supersedes ? defs.position.get(record.supersedes)?.record : undefined;
    if (replaced && replaced.holder !== record.holder) {
      problems.push({
        file,
        path: `${path}.supersedes`,
        message: `"${record.supersedes}" is held by ${replaced.holder}, not ${record.holder}: a position supersedes one of its own holder's`,
      });
    }
  }
  return problems;
}

interface Reference {
  kind: Kind;
  key: string;
  file: string;
  path: string;
}

function references(defs: Definitions, claims: ClaimDefinition[]): Reference[] {
  const refs: Reference[] = [];
  const ref = (kind: Kind, key: string | undefined, file: string, path: string) => {
    if (key) refs.push({ kind, key, file, path });
  };
  for (const { file, path, record } of defs.actor.values()) {
    for (const [i, f] of record.affiliations.entries())
      ref("actor", f.organisation, file, `${path}.affiliations[${i}].organisation`);
  }
  for (const { file, path, record } of defs.place.values()) ref("place", record.within, file, `${path}.within`);
  for (const { file, path, record } of defs.source.values()) {
    ref("actor", record.outlet, file, `${path}.outlet`);
    for (const [i, k] of record.cites.entries()) ref("actor", k, file, `${path}.cites[${i}]`);
  }
  for (const { file, path, record } of defs.event.values()) {
    ref("process", record.process, file, `${path}.process`);
    for (const [i, k] of record.places.entries()) ref("place", k, file, `${path}.places[${i}]`);
    for (const [i, p] of record.participants.entries()) ref("actor", p.actor, file, `${path}.participants[${i}].actor`);
    for (const [i, l] of record.links.entries()) ref("event", l.event, file, `${path}.links[${i}].event`);
  }
  for (const { file, path, record } of defs.position.values()) {
    ref("actor", record.holder, file, `${path}.holder`);
    ref("process", record.process, file, `${path}.process`);
    ref("event", record.event, file, `${path}.event`);
    ref("position", record.respondsTo, file, `${path}.respondsTo`);
    ref("position", record.supersedes, file, `${path}.supersedes`);
  }
  for (const c of claims) {
    ref("source", c.source, c.file, `${c.path}.source`);
    ref("actor", c.claim.speaker, c.file, `${c.path}.speaker`);
  }
  return refs;
}

async function existingIds(tx: Tx, kind: Exclude<Kind, "claim">, keys: string[]): Promise<Map<string, number>> {
  const where = { key: { in: keys } };
  const select = { id: true, key: true };
  const rows: { id: number; key: string | null }[] =
    kind === "actor"
      ? await tx.actor.findMany({ where, select })
      : kind === "place"
        ? await tx.place.findMany({ where, select })
        : kind === "process"
          ? await tx.process.findMany({ where, select })
          : kind === "source"
            ? await tx.source.findMany({ where, select })
            : kind === "position"
              ? await tx.position.findMany({ where, select })
              : await tx.event.findMany({ where, select });
  return new Map(rows.flatMap((r) => (r.key === null ? [] : [[r.key, r.id] as const])));
}

/**
 * Loads data files as one transaction: every file is validated and every key reference resolved
 * before anything is written, records are upserted by key, and only real changes are written and
 * recorded in the revision history. Loading the same files twice changes nothing.
 */
export async function loadDataFiles(
  db: PrismaClient,
  files: string[],
  options: { author?: string } = {},
): Promise<LoadSummary> {
  const parsed = readDataFiles(files);
  const { defs, claims, problems } = collect(parsed);
  if (problems.length > 0) throw new DataFileError(problems);
  const author = options.author ?? "parley load";

  return db.$transaction(
    async (tx) => {
      const ids = {} as Record<Exclude<Kind, "claim">, Map<string, number>>;
      const refs = references(defs, claims);
      for (const kind of Object.keys(SECTIONS) as Exclude<Kind, "claim">[]) {
        const keys = new Set([...defs[kind].keys(), ...refs.filter((r) => r.kind === kind).map((r) => r.key)]);
        ids[kind] = await existingIds(tx, kind, [...keys]);
      }
      const missing = refs.filter(
        (r) =>
          r.kind !== "claim" &&
          !defs[r.kind as keyof Definitions].has(r.key) &&
          !ids[r.kind as keyof Definitions].has(r.key),
      );
      if (missing.length > 0) {
        throw new DataFileError(
          missing.map((r) => ({ file: r.file, path: r.path, message: `no ${r.kind} has the key "${r.key}"` })),
        );
      }
      return new Loader(tx, ids, author).run(defs, claims);
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** Each definition with the row that holds it: every one has a row by now, `ensure` made the new ones. */
function withRows<R, T extends { key: string | null }>(defs: Map<string, Definition<R>>, rows: T[]) {
  const byKey = new Map(rows.flatMap((row) => (row.key === null ? [] : [[row.key, row] as const])));
  return [...defs].map(([key, { record }]) => {
    const row = byKey.get(key);
    if (!row) throw new Error(`internal: ${key} has no row`);
    return { key, record, row };
  });
}

class Loader {
  readonly summary: LoadSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    byKind: Object.fromEntries(
      ["actor", "place", "process", "source", "event", "position", "claim"].map((k) => [
        k,
        { created: 0, updated: 0, unchanged: 0 },
      ]),
    ) as LoadSummary["byKind"],
  };
  private readonly created = new Set<string>();

  constructor(
    private readonly tx: Tx,
    private readonly ids: Record<Exclude<Kind, "claim">, Map<string, number>>,
    private readonly author: string,
  ) {}

  private id(kind: Exclude<Kind, "claim">, key: string): number {
    const id = this.ids[kind].get(key);
    if (id === undefined) throw new Error(`internal: ${kind} ${key} has no id yet`);
    return id;
  }

  private readonly idOf: IdOf = (kind, key) => this.id(kind, key);

  private async settle(
    kind: Kind,
    entityId: number | (() => number),
    before: Snapshot | null,
    after: Snapshot,
    version: number | null,
    write: (changed: Set<string>) => Promise<void>,
  ) {
    const changes = before ? diffSnapshots(before, after) : null;
    const changed = new Set(changes ? Object.keys(changes) : Object.keys(after));
    const tally = this.summary.byKind[kind];
    if (changes && changed.size === 0) {
      tally.unchanged++;
      this.summary.unchanged++;
      return;
    }
    await write(changed);
    const action = before ? "UPDATE" : "CREATE";
    const id = typeof entityId === "function" ? entityId() : entityId;
    await recordRevision(this.tx, {
      entityType: ENTITY[kind],
      entityId: id,
      action,
      author: this.author,
      version,
      changes: changes ?? after,
    });
    if (before) {
      tally.updated++;
      this.summary.updated++;
    } else {
      tally.created++;
      this.summary.created++;
    }
  }

  async run(defs: Definitions, claims: ClaimDefinition[]): Promise<LoadSummary> {
    await this.actors(defs);
    await this.places(defs);
    await this.processes(defs);
    await this.sources(defs);
    await this.events(defs);
    await this.positions(defs);
    await this.claims(claims);
    await this.removeVanishedClaims(defs, claims);
    return this.summary;
  }

  /** Creates the rows that do not exist yet with their scalar fields, so that later records can refer to them. */
  private async ensure<K extends Exclude<Kind, "claim">, R>(
    kind: K,
    defs: Map<string, Definition<R>>,
    create: (key: string, record: R) => Promise<number>,
  ) {
    for (const [key, { record }] of defs) {
      if (this.ids[kind].has(key)) continue;
      this.ids[kind].set(key, await create(key, record));
      this.created.add(`${kind}:${key}`);
    }
  }

  private isNew(kind: Kind, key: string) {
    return this.created.has(`${kind}:${key}`);
  }

  private async actors(defs: Definitions) {
    await this.ensure("actor", defs.actor, async (key, record) => {
      return (await this.tx.actor.create({ data: { key, name: record.name, kind: record.kind }, select: { id: true } }))
        .id;
    });
    const rows = await this.tx.actor.findMany({
      where: { key: { in: [...defs.actor.keys()] } },
      include: { aliases: true, affiliations: { include: { organisation: { select: { key: true } } } } },
    });
    for (const { key, record: stated, row } of withRows(defs.actor, rows)) {
      const record = this.isNew("actor", key) ? stated : keepImportedIdentity(stated, row);
      const after = actorFromFile(record);
      const before = this.isNew("actor", key) ? null : actorSnapshot(row);
      await this.settle("actor", row.id, before, after, before ? row.version + 1 : 1, async (changed) => {
        await this.tx.actor.update({
          where: { id: row.id },
          data: {
            name: record.name,
            kind: record.kind,
            description: record.description ?? null,
            country: record.country ?? null,
            externalIds: record.externalIds ?? {},
            ...(before ? { version: { increment: 1 } } : {}),
          },
        });
        if (changed.has("aliases")) {
          await this.tx.actorAlias.deleteMany({ where: { actorId: row.id } });
          const canonical = normalizeName(record.name);
          const aliases = uniqueBy(
            record.aliases.filter((x) => normalizeName(x.name) !== canonical),
            (x) => normalizeName(x.name),
          );
          await this.tx.actorAlias.createMany({
            data: aliases.map((x) => ({ actorId: row.id, name: x.name, kind: x.kind, ...nameKeys(x.name) })),
          });
        }
        if (changed.has("affiliations")) {
          await this.tx.affiliation.deleteMany({ where: { actorId: row.id } });
          await this.tx.affiliation.createMany({
            data: record.affiliations.map((f) => ({
              actorId: row.id,
              organisationId: f.organisation ? this.id("actor", f.organisation) : null,
              title: f.title,
              startDate: dateOfDay(f.start?.date),
              startPrecision: f.start?.precision ?? null,
              endDate: dateOfDay(f.end?.date),
              endPrecision: f.end?.precision ?? null,
            })),
          });
        }
      });
    }
  }

  private async places(defs: Definitions) {
    await this.ensure("place", defs.place, async (key, record) => {
      return (
        await this.tx.place.create({ data: { key, name: record.name, country: record.country }, select: { id: true } })
      ).id;
    });
    const rows = await this.tx.place.findMany({ where: { key: { in: [...defs.place.keys()] } } });
    for (const { key, record, row } of withRows(defs.place, rows)) {
      const after = placeFromFile(record, this.idOf);
      const before = this.isNew("place", key) ? null : placeSnapshot(row);
      await this.settle("place", row.id, before, after, null, async () => {
        await this.tx.place.update({
          where: { id: row.id },
          data: {
            ...scalars(after, ["within"]),
            parentId: record.within ? this.id("place", record.within) : null,
          } as never,
        });
      });
    }
  }

  private async processes(defs: Definitions) {
    await this.ensure("process", defs.process, async (key, record) => {
      return (await this.tx.process.create({ data: { key, name: record.name }, select: { id: true } })).id;
    });
    const rows = await this.tx.process.findMany({ where: { key: { in: [...defs.process.keys()] } } });
    for (const { key, record, row } of withRows(defs.process, rows)) {
      const after = processFromFile(record);
      const before = this.isNew("process", key) ? null : processSnapshot(row);
      await this.settle("process", row.id, before, after, before ? row.version + 1 : 1, async () => {
        await this.tx.process.update({
          where: { id: row.id },
          data: {
            ...after,
            startDate: dateOfDay(after.startDate as string),
            endDate: dateOfDay(after.endDate as string),
            ...(before ? { version: { increment: 1 } } : {}),
          } as never,
        });
      });
    }
  }

  private async sources(defs: Definitions) {
    await this.ensure("source", defs.source, async (key, record) => {
      return (await this.tx.source.create({ data: { key, title: record.title }, select: { id: true } })).id;
    });
    const rows = await this.tx.source.findMany({
      where: { key: { in: [...defs.source.keys()] } },
      include: { cites: true },
    });
    for (const { key, record, row } of withRows(defs.source, rows)) {
      const after = sourceFromFile(record, this.idOf);
      const before = this.isNew("source", key) ? null : sourceSnapshot(row);
      await this.settle("source", row.id, before, after, before ? row.version + 1 : 1, async (changed) => {
        await this.tx.source.update({
          where: { id: row.id },
          data: {
            ...scalars(after, ["outlet", "cites"]),
            publishedAt: dateOfDay(after.publishedAt as string),
            outletId: record.outlet ? this.id("actor", record.outlet) : null,
            ...(before ? { version: { increment: 1 } } : {}),
          } as never,
        });
        if (changed.has("cites")) {
          await this.tx.sourceCitation.deleteMany({ where: { sourceId: row.id } });
          await this.tx.sourceCitation.createMany({
            data: [...new Set(record.cites)].map((k) => ({ sourceId: row.id, outletId: this.id("actor", k) })),
          });
        }
      });
    }
  }

  private async events(defs: Definitions) {
    await this.ensure("event", defs.event, async (key, record) => {
      const e = record;
      return (
        await this.tx.event.create({
          data: { key, type: e.type, title: e.title, startDate: dateOfDay(startOf(e).date) },
          select: { id: true },
        })
      ).id;
    });
    const rows = await this.tx.event.findMany({
      where: { key: { in: [...defs.event.keys()] } },
      include: { places: true, participants: true, linksOut: true },
    });
    for (const { key, record, row } of withRows(defs.event, rows)) {
      const after = eventFromFile(record, this.idOf);
      const before = this.isNew("event", key) ? null : eventSnapshot(row);
      await this.settle("event", row.id, before, after, before ? row.version + 1 : 1, async (changed) => {
        await this.tx.event.update({
          where: { id: row.id },
          data: {
            ...scalars(after, ["process", "places", "participants", "links"]),
            startDate: dateOfDay(after.startDate as string),
            endDate: dateOfDay(after.endDate as string),
            processId: record.process ? this.id("process", record.process) : null,
            ...(before ? { version: { increment: 1 } } : {}),
          } as never,
        });
        if (changed.has("places")) {
          await this.tx.eventPlace.deleteMany({ where: { eventId: row.id } });
          await this.tx.eventPlace.createMany({
            data: [...new Set(record.places)].map((k) => ({ eventId: row.id, placeId: this.id("place", k) })),
          });
        }
        if (changed.has("participants")) {
          await this.tx.participant.deleteMany({ where: { eventId: row.id } });
          await this.tx.participant.createMany({
            data: record.participants.map((p) => ({
              eventId: row.id,
              actorId: this.id("actor", p.actor),
              role: p.role,
              note: p.note ?? null,
            })),
            skipDuplicates: true,
          });
        }
        if (changed.has("links")) {
          await this.tx.eventLink.deleteMany({ where: { fromId: row.id } });
          await this.tx.eventLink.createMany({
            data: record.links.map((l) => ({ fromId: row.id, toId: this.id("event", l.event), kind: l.kind })),
            skipDuplicates: true,
          });
        }
      });
    }
  }

  private async positions(defs: Definitions) {
    await this.ensure("position", defs.position, async (key, record) => {
      const p = record;
      const data = {
        key,
        actorId: this.id("actor", p.holder),
        kind: p.kind,
        issue: p.issue,
        summary: p.summary,
        startDate: dateOfDay(startOf(p).date),
      };
      return (await this.tx.position.create({ data, select: { id: true } })).id;
    });
    const rows = await this.tx.position.findMany({
      where: { key: { in: [...defs.position.keys()] } },
    });
    for (const { key, record, row } of withRows(defs.position, rows)) {
      const after = positionFromFile(record, this.idOf);
      const before = this.isNew("position", key) ? null : positionSnapshot(row);
      await this.settle("position", row.id, before, after, before ? row.version + 1 : 1, async () => {
        const key = (kind: "process" | "event" | "position", k: string | undefined) => (k ? this.id(kind, k) : null);
        await this.tx.position.update({
          where: { id: row.id },
          data: {
            ...scalars(after, ["holder", "process", "event", "respondsTo", "supersedes"]),
            startDate: dateOfDay(after.startDate as string),
            endDate: dateOfDay(after.endDate as string),
            actorId: this.id("actor", record.holder),
            processId: key("process", record.process),
            eventId: key("event", record.event),
            respondsToId: key("position", record.respondsTo),
            supersedesId: key("position", record.supersedes),
            ...(before ? { version: { increment: 1 } } : {}),
          } as never,
        });
      });
    }
  }

  private async claims(claims: ClaimDefinition[]) {
    const existing = await this.tx.claim.findMany({ where: { key: { in: claims.map((c) => c.key) } } });
    const byKey = new Map(existing.map((c) => [c.key, c]));
    for (const c of claims) {
      const row = byKey.get(c.key);
      const before = row ? claimSnapshot(row) : null;
      const after = claimFromFile(c.claim, c.source, c.target, this.idOf);
      const data = {
        quote: c.claim.quote,
        stance: c.claim.stance,
        speakerLabel: c.claim.speakerLabel ?? null,
        note: c.claim.note ?? null,
        sourceId: this.id("source", c.source),
        eventId: c.target.event ? this.id("event", c.target.event) : null,
        actorId: c.target.actor ? this.id("actor", c.target.actor) : null,
        positionId: c.target.position ? this.id("position", c.target.position) : null,
        speakerId: c.claim.speaker ? this.id("actor", c.claim.speaker) : null,
      };
      let id = row?.id ?? 0;
      await this.settle(
        "claim",
        () => id,
        before,
        after,
        row ? row.version + 1 : 1,
        async () => {
          if (row) await this.tx.claim.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
          else id = (await this.tx.claim.create({ data: { ...data, key: c.key }, select: { id: true } })).id;
        },
      );
    }
  }

  /** Claims a data file used to state about its records and no longer does. App-made claims (no key) stay. */
  private async removeVanishedClaims(defs: Definitions, claims: ClaimDefinition[]) {
    const eventIds = [...defs.event.keys()].map((k) => this.id("event", k));
    const actorIds = [...defs.actor.keys()].map((k) => this.id("actor", k));
    const positionIds = [...defs.position.keys()].map((k) => this.id("position", k));
    const keep = claims.map((c) => c.key);
    const stale = await this.tx.claim.findMany({
      where: {
        key: { not: null, notIn: keep },
        OR: [{ eventId: { in: eventIds } }, { actorId: { in: actorIds } }, { positionId: { in: positionIds } }],
      },
    });
    for (const claim of stale) {
      await this.tx.claim.delete({ where: { id: claim.id } });
      await recordRevision(this.tx, {
        entityType: "Claim",
        entityId: claim.id,
        action: "DELETE",
        author: this.author,
        version: claim.version,
        changes: claimSnapshot(claim),
      });
      this.summary.byKind.claim.updated++;
      this.summary.updated++;
    }
  }
}

/**
 * A data file owns the names and IDs it states; dataset IDs and dataset names that importers
 * attached to the same actor (UCDP's "TTP" on the demo's Tehrik-i-Taliban Pakistan) stay.
 */
function keepImportedIdentity(
  record: ActorRecord,
  row: { externalIds: unknown; aliases: { name: string; kind: string }[] },
): ActorRecord {
  const stated = new Set([record.name, ...record.aliases.map((x) => x.name)].map(normalizeName));
  const imported = row.aliases.filter((x) => x.kind === "DATASET_NAME" && !stated.has(normalizeName(x.name)));
  return {
    ...record,
    externalIds: { ...((row.externalIds ?? {}) as Record<string, string>), ...(record.externalIds ?? {}) },
    aliases: [...record.aliases, ...imported.map((x) => ({ name: x.name, kind: "DATASET_NAME" as const }))],
  };
}
