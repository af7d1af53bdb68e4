import path from "node:path";
import { defineConfig } from "prisma/config";
import { dbEnv } from "./src/env.ts";

// Prisma 7 reads no .env; the URL is only needed by CLI commands that talk to a database.
export default defineConfig({
  schema: path.join(import.meta.dirname, "prisma", "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "prisma", "migrations") },
  datasource: { url: dbEnv().DATABASE_URL ?? "postgresql://localhost:5432/parley" },
});
