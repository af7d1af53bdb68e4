import type pg from "pg";

/**
 * Tables that are not data, never backed up or restored: the migration history, the search index's
 * change log and state, and the markers by which lost COMMITs are resolved (needed for seconds).
 */
export const NON_DATA_TABLES = ["_prisma_migrations", "search_change", "search_state", "commit_marker"];

export interface TableInfo {
  name: string;
  columns: string[];
}

/**
 * The data tables of the public schema with their stored (not generated) columns, in an order in
 * which every table comes after the tables its foreign keys point to.
 */
export async function dataTables(db: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await db.query<{ name: string; columns: string[]; refs: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS columns,
            array(SELECT DISTINCT r.relname::text FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS refs
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL($1::text[])
      ORDER BY c.relname`,
    [NON_DATA_TABLES],
  );
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length) {
    // References to tables outside the backup (the non-data tables) do not order anything.
    const ready = pending.filter((t) => t.refs.every((r) => placed.has(r) || !rows.some((x) => x.name === r)));
    if (!ready.length) throw new Error(`Foreign keys form a cycle among ${pending.map((t) => t.name).join(", ")}`);
    for (const t of ready) {
      ordered.push({ name: t.name, columns: t.columns });
      placed.add(t.name);
    }
    pending = pending.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The newest migration applied to the database. */
export async function migrationVersion(db: pg.ClientBase): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? null;
}
