export * from "./vocabulary.ts";
export * from "./dates.ts";
export * from "./names.ts";
export * from "./records.ts";
export * from "./search.ts";
export * from "./url.ts";
export * from "./dataset.ts";
export * from "./inputs.ts";
