/**
 * Relay global IDs as the API hands them out: base64 of "<Type>:<database ID>" ("QWN0b3I6MQ==" is
 * Actor 1). For code that names records outside GraphQL (exports, the CLI) the same way the API does.
 */
export function encodeGlobalId(typename: string, id: number): string {
  return btoa(`${typename}:${id}`);
}

/** The type and database ID behind a global ID, or null when the text is not one. */
export function parseGlobalId(globalId: string): { typename: string; id: number } | null {
  let text: string;
  try {
    text = atob(globalId);
  } catch {
    return null;
  }
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[2]);
  return id <= 2_147_483_647 ? { typename: match[1], id } : null;
}

/** The database ID behind a global ID of the given type, or null when it is not one. */
export function decodeGlobalId(globalId: string, typename: string): number | null {
  const parsed = parseGlobalId(globalId);
  return parsed?.typename === typename ? parsed.id : null;
}
