export { type AcledFileOptions, writeAcledFile } from "./acled-file.ts";
export { seededRandom, weighted } from "./random.ts";
export { type GenerateOptions, generateCorpus } from "./write.ts";
