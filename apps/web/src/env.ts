import { z } from "zod";

const envSchema = z.object({
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  PARLEY_API_URL: z.url().optional(),
  /** Where readers reach the API (and its GraphiQL) when that differs from where this server does. */
  PARLEY_PUBLIC_API_URL: z.url().optional(),
  /** Set by Next.js: "development" under `next dev`. */
  NODE_ENV: z.string().optional(),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Parley's web app has an invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  const { API_PORT, PARLEY_API_URL, PARLEY_PUBLIC_API_URL, NODE_ENV } = parsed.data;
  // Without PARLEY_API_URL, follow the API that `pnpm start` runs on this machine.
  const apiUrl = PARLEY_API_URL ?? `http://localhost:${API_PORT}/graphql`;
  return {
    PARLEY_API_URL: apiUrl,
    PARLEY_PUBLIC_API_URL: PARLEY_PUBLIC_API_URL ?? apiUrl,
    DEVELOPMENT: NODE_ENV === "development",
  };
}

export const env = readEnv();
