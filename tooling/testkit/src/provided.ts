// What the test run's global setup hands to every test file.
declare module "vitest" {
  export interface ProvidedContext {
    parleyServerUrl: string;
    parleyTemplate: string;
    /** The template with the demo dataset loaded as well. */
    parleyDemoTemplate: string;
  }
}

export {};
