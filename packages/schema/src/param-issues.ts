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
