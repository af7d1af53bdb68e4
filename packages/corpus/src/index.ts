export { seededRandom, weighted } from "./random.ts";
export { type GenerateOptions, generateCorpus } from "./write.ts";
