import { applyMigrations, createPrismaClient, openDatabase, type PrismaClient, type RunningDatabase } from "@parley/db";

import { say } from "./output.ts";

/** Opens the database (starting the embedded one if needed), migrates it, runs `work`, and cleans up. */
export async function withDb<T>(work: (db: PrismaClient, database: RunningDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(say);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const db = createPrismaClient(database.url, { max: 4 });
    try {
      return await work(db, database);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
}
