export { demoKnowledge } from "./knowledge.ts";
export { formatResult, runEval, type EvalResult, type ReportRun } from "./run.ts";
export { readEvalSet, splitOf, type EvalReport, type Split } from "./set.ts";
