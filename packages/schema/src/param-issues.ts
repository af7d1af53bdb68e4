/** A URL value that was left out, by its URL key (`type`, `from`). */
export interface SearchParamIssue {
  key: string;
  value: string | null;
  message: string;
}

/** The problems of one read, in both forms `searchStateFromParams` reports them. */
export class ParamIssues {
  readonly problems: string[] = [];
  readonly issues: SearchParamIssue[] = [];

  add(
    key: string,
    value: string | null,
    message: string,
    problem = `ignored ${key}${value === null ? "" : `=${value}`}`,
  ) {
    this.problems.push(problem);
    this.issues.push({ key, value, message });
  }
}

/**
 * The problem a link with both `after` and `before` is reported by (the search
 * page and the list pages read the same link). Here, in a module without zod, so that the web app's
 * browser code can import it: zod's start-up check of eval() breaks the pages' Content-Security-Policy.
 */
export const ONE_WAY_PROBLEM = "ignored before: a link pages one way, and this one has after";
