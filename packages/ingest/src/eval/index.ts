export { demoKnowledge } from "./knowledge.ts";
export { type EvalResult, formatResult, type ReportRun, runEval } from "./run.ts";
export { type EvalReport, readEvalSet, type Split, splitOf } from "./set.ts";
