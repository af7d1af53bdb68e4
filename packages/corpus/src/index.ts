export { generateCorpus, type GenerateOptions } from "./write.ts";
export { seededRandom } from "./random.ts";
