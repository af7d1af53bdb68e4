import { actorSnapshot, type PrismaClient } from "@parley/db";
import { defined, nameKeys, normalizeName } from "@parley/schema";
import type pg from "pg";
import type { RevisionLog } from "./revision-log.ts";
import type { DatasetActor } from "./types.ts";

interface KnownActor {
  id: number;
  key: string | null;
  name: string;
  kind: string;
  externalIds: Record<string, string>;
  aliases: { name: string; kind: string; normalized: string }[];
  version: number;
}

export interface ActorMatch {
  datasetName: string;
  actorId: number;
  actorName: string;
  actorKey: string | null;
  via: string;
}

/**
 * Other spellings of a dataset's actor name worth looking up: without a period in parentheses
 * ("Police Forces of Kenya (2013-)"), an acronym in parentheses ("… Pakistan (TTP)") and both
 * halves of "ODM: Orange Democratic Movement". A country in parentheses stays: "Civilians (Kenya)"
 * is not the same actor as someone's "Civilians".
 */
export function nameCandidates(name: string): string[] {
  const out = [name];
  const bare = name.replace(/\s*\([^)]*\d[^)]*\)/g, "").trim();
  if (bare) out.push(bare);
  for (const [, inner] of name.matchAll(/\(([^)]*)\)/g))
    if (/^[A-Z][A-Z0-9-]{1,9}$/.test(defined(inner).trim())) out.push(defined(inner).trim());
  const colon = /^([^:]{2,20}):\s*(.+)$/.exec(bare);
  if (colon) out.push(defined(colon[1]).trim(), defined(colon[2]).trim());
  return [...new Set(out.filter((n) => normalizeName(n).length > 0))];
}

/**
 * Finds the Parley actor for each dataset actor: by its dataset key, by its dataset ID in
 * `externalIds`, then by exact normalised name among actor names and aliases; creates it only when
 * none matches. Outlets are matched only among media outlets, other actors never among them.
 * Holds every actor's names in memory (bounded by the actor table, not by the file).
 */
export class ActorMatcher {
  readonly matches: ActorMatch[] = [];
  readonly tally = { created: 0, updated: 0 };
  private readonly byKey = new Map<string, KnownActor>();
  private readonly byExternal = new Map<string, KnownActor>();
  private readonly byName = new Map<string, Set<KnownActor>>();

  static async load(db: PrismaClient): Promise<ActorMatcher> {
    const matcher = new ActorMatcher();
    const actors = await db.actor.findMany({
      select: {
        id: true,
        key: true,
        name: true,
        kind: true,
        externalIds: true,
        version: true,
        aliases: { select: { name: true, kind: true, normalized: true } },
      },
    });
    for (const a of actors) matcher.remember({ ...a, externalIds: (a.externalIds ?? {}) as Record<string, string> });
    return matcher;
  }

  private remember(actor: KnownActor) {
    if (actor.key) this.byKey.set(actor.key, actor);
    for (const [system, id] of Object.entries(actor.externalIds)) this.byExternal.set(`${system}:${id}`, actor);
    for (const n of [normalizeName(actor.name), ...actor.aliases.map((a) => a.normalized)]) {
      this.byName.set(n, (this.byName.get(n) ?? new Set()).add(actor));
    }
  }

  private find(incoming: DatasetActor): { actor: KnownActor; via: string } | null {
    const byKey = this.byKey.get(incoming.key);
    if (byKey) return { actor: byKey, via: "key" };
    const ext = incoming.externalId;
    const byExternal = ext && this.byExternal.get(`${ext.system}:${ext.id}`);
    if (byExternal) return { actor: byExternal, via: "id" };
    const outlet = incoming.kind === "MEDIA_OUTLET";
    for (const candidate of nameCandidates(incoming.name)) {
      const found = [...(this.byName.get(normalizeName(candidate)) ?? [])].filter(
        (a) =>
          (a.kind === "MEDIA_OUTLET") === outlet &&
          !(ext && a.externalIds[ext.system] && a.externalIds[ext.system] !== ext.id),
      );
      if (found.length === 1)
        return { actor: defined(found[0]), via: candidate === incoming.name ? "name" : `name "${candidate}"` };
    }
    return null;
  }

  /**
   * Resolves the actors of one batch inside its transaction: adds the dataset's names and IDs to
   * matched actors, and creates the others with one statement. Actors are looked up one after the
   * other, so one created earlier in the batch is found by a later name just as in a later batch.
   */
  async resolve(
    tx: pg.ClientBase,
    incoming: DatasetActor[],
    revisions: RevisionLog,
  ): Promise<Map<string, { id: number }>> {
    const byKey = new Map<string, KnownActor>();
    const created: { known: KnownActor; actor: DatasetActor }[] = [];
    const adopted: { known: KnownActor; actor: DatasetActor; via: string }[] = [];
    for (const actor of incoming) {
      if (byKey.has(actor.key)) continue;
      const hit = this.find(actor);
      if (hit) {
        adopted.push({ known: hit.actor, actor, via: hit.via });
        byKey.set(actor.key, hit.actor);
        continue;
      }
      const externalIds = actor.externalId ? { [actor.externalId.system]: actor.externalId.id } : {};
      const known: KnownActor = {
        id: 0,
        key: actor.key,
        name: actor.name,
        kind: actor.kind,
        externalIds,
        aliases: [],
        version: 1,
      };
      this.remember(known);
      created.push({ known, actor });
      byKey.set(actor.key, known);
    }
    await this.create(tx, created, revisions);
    for (const { known, actor, via } of adopted) await this.adopt(tx, known, actor, via, revisions);
    return new Map([...byKey].map(([key, known]) => [key, { id: known.id }]));
  }

  private async create(
    tx: pg.ClientBase,
    created: { known: KnownActor; actor: DatasetActor }[],
    revisions: RevisionLog,
  ) {
    if (created.length === 0) return;
    const { rows } = await tx.query<{ id: number; key: string }>(
      `INSERT INTO actor (key, name, kind, external_ids, updated_at)
       SELECT k, n, kind::"ActorKind", x::jsonb, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(k, n, kind, x)
       RETURNING id, key`,
      [
        created.map((c) => c.known.key),
        created.map((c) => c.known.name),
        created.map((c) => c.known.kind),
        created.map((c) => JSON.stringify(c.known.externalIds)),
      ],
    );
    const ids = new Map(rows.map((r) => [r.key, r.id]));
    for (const { known } of created) {
      known.id = defined(ids.get(defined(known.key)));
      revisions.add(
        "Actor",
        known.id,
        "CREATE",
        1,
        actorSnapshot({
          name: known.name,
          kind: known.kind,
          description: null,
          country: null,
          externalIds: known.externalIds,
          aliases: [],
          affiliations: [],
        }),
      );
    }
    this.tally.created += created.length;
  }

  /** Records on a matched actor what the next import needs to find it: the dataset's name and ID. */
  private async adopt(
    tx: pg.ClientBase,
    known: KnownActor,
    actor: DatasetActor,
    via: string,
    revisions: RevisionLog,
  ): Promise<KnownActor> {
    const normalized = normalizeName(actor.name);
    const newName = normalizeName(known.name) !== normalized && !known.aliases.some((a) => a.normalized === normalized);
    const ext = actor.externalId;
    const newId = ext !== undefined && known.externalIds[ext.system] !== ext.id;
    if (via.startsWith("name") && !this.matches.some((m) => m.actorId === known.id && m.datasetName === actor.name))
      this.matches.push({
        datasetName: actor.name,
        actorId: known.id,
        actorName: known.name,
        actorKey: known.key,
        via,
      });
    if (!newName && !newId) return known;

    const aliasesBefore = known.aliases.map((a) => `${a.kind}:${a.name}`).sort();
    const idsBefore = { ...known.externalIds };
    if (newName) {
      const keys = nameKeys(actor.name);
      await tx.query(
        `INSERT INTO actor_alias (actor_id, name, kind, normalized, translit_key) VALUES ($1, $2, 'DATASET_NAME', $3, $4)`,
        [known.id, actor.name, keys.normalized, keys.translitKey],
      );
      known.aliases.push({ name: actor.name, kind: "DATASET_NAME", normalized });
    }
    if (newId) known.externalIds = { ...known.externalIds, [ext.system]: ext.id };
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE actor SET external_ids = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
      [known.id, JSON.stringify(known.externalIds)],
    );
    const row = defined(rows[0]);
    known.version = row.version;
    this.remember(known);
    this.tally.updated++;
    const changes: Record<string, [unknown, unknown]> = {};
    if (newName) changes.aliases = [aliasesBefore, known.aliases.map((a) => `${a.kind}:${a.name}`).sort()];
    if (newId) changes.externalIds = [idsBefore, known.externalIds];
    revisions.add("Actor", known.id, "UPDATE", row.version, changes);
    return known;
  }
}
