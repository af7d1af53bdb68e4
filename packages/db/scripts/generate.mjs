// `prisma generate` without network: the CLI insists on a schema-engine binary it cannot download
// here, although generation never runs it. Point it at a stub that only exists for this process.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const stub = path.join(mkdtempSync(path.join(tmpdir(), "parley-prisma-")), "schema-engine");
writeFileSync(
  stub,
  "#!/bin/sh\necho 'schema-engine stub: Parley applies migrations itself (pnpm db:migrate)' >&2\nexit 1\n",
);
chmodSync(stub, 0o755);

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  // biome-ignore lint/style/noProcessEnv: a build script handing its own environment on to prisma
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  shell: false,
});
process.exit(result.status ?? 1);
