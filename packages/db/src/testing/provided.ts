// What the test run's global setup hands to every test file.
declare module "vitest" {
  export interface ProvidedContext {
    parleyServerUrl: string;
    parleyTemplate: string;
  }
}

export {};
