import type { EntityType } from "@parley/db";
import { copyRows } from "@parley/db";
import type pg from "pg";

type Action = "CREATE" | "UPDATE" | "DELETE";

/** The revisions of one batch, copied into the revision table at the end of its transaction. */
export class RevisionLog {
  private rows: [EntityType, number, Action, number | null, string][] = [];

  constructor(private readonly author: string) {}

  get size(): number {
    return this.rows.length;
  }

  add(entityType: EntityType, entityId: number, action: Action, version: number | null, changes: unknown) {
    this.rows.push([entityType, entityId, action, version, JSON.stringify(changes ?? {})]);
  }

  async flush(client: pg.ClientBase): Promise<void> {
    if (this.rows.length === 0) return;
    const author = this.author;
    await copyRows(
      client,
      "revision (entity_type, entity_id, action, version, author, changes)",
      this.rows.map(([t, id, action, version, changes]) => [t, id, action, version, author, changes]),
    );
    this.rows = [];
  }
}
