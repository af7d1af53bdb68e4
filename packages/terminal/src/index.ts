export { progressLine } from "./progress-line.ts";
