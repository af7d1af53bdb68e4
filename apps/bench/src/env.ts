import { z } from "zod";

const schema = z.object({
  /** The bench's options, as the environment may give them instead of flags. */
  BENCH_EVENTS: z.string().optional(),
  BENCH_SEED: z.string().optional(),
  BENCH_ITERATIONS: z.string().optional(),
});

/** The bench's settings from the environment, read once. Nothing else in the bench reads process.env. */
export function benchEnv() {
  return schema.parse(process.env);
}
