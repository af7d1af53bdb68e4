import type { EntityType, Tx } from "@parley/db";

type Action = "CREATE" | "UPDATE" | "DELETE";

/** The revisions of one batch, written with a single statement at the end of its transaction. */
export class RevisionLog {
  private readonly rows: {
    entityType: EntityType;
    entityId: number;
    action: Action;
    version: number | null;
    changes: string;
  }[] = [];

  constructor(private readonly author: string) {}

  add(entityType: EntityType, entityId: number, action: Action, version: number | null, changes: unknown) {
    this.rows.push({ entityType, entityId, action, version, changes: JSON.stringify(changes ?? {}) });
  }

  async flush(tx: Tx): Promise<void> {
    if (this.rows.length === 0) return;
    const column = <K extends keyof (typeof this.rows)[number]>(k: K) => this.rows.map((r) => r[k]);
    await tx.$executeRawUnsafe(
      `INSERT INTO revision (entity_type, entity_id, action, version, author, changes)
       SELECT t, i, a::"RevisionAction", v, $5, c::jsonb FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $6::text[]) AS r(t, i, a, v, c)`,
      column("entityType"),
      column("entityId"),
      column("action"),
      column("version"),
      this.author,
      column("changes"),
    );
    this.rows.length = 0;
  }
}
