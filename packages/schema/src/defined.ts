/**
 * The value where the code around it has made sure there is one (a key it has just set, an entry of
 * a code it has checked, a group its pattern always has). Undefined or null there is a bug: better
 * an error saying so at once than an `undefined` travelling on. `what` names the value in that error
 * (tests name what they expected to find: `defined(edge, "event ev_1 in the results")`).
 */
export function defined<T>(value: T | null | undefined, what?: string): T {
  if (value === undefined || value === null) {
    throw new Error(
      what === undefined ? "internal: a value the code relies on is missing" : `missing: ${what} (got ${value})`,
    );
  }
  return value;
}
