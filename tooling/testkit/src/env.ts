import { z } from "zod";

const schema = z.object({
  /** A PostgreSQL server to test against instead of a throwaway embedded one. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  /** The Chromium the browser tests and the web bench drive (never a downloaded one). */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** The HAProxy the cluster test puts in front of the API processes (Debian's: apt-get install haproxy). */
  HAPROXY_PATH: z.string().default("/usr/sbin/haproxy"),
  /** Set to see the output of the stack's API and web processes. */
  E2E_VERBOSE: z.string().optional(),
});

/** The test tools' settings, read once. Nothing else in the testkit reads process.env. */
export function testEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new Error(`Environment variable ${String(issue?.path[0])} ${issue?.message}`);
  }
  return parsed.data;
}

/** The environment a process started for a test inherits. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return process.env;
}
