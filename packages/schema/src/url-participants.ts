import { PARTICIPANT_PARAM } from "./facets.ts";
import { decodeGlobalId } from "./ids.ts";
import type { ParamIssues } from "./param-issues.ts";
import { participantParam } from "./participant-param.ts";
import { MAX_PARTICIPANT_FILTERS, type ParticipantFilter } from "./search.ts";
import { PARTICIPANT_ROLES, type ParticipantRole } from "./vocabulary.ts";

const isRole = (code: string): code is ParticipantRole => (PARTICIPANT_ROLES.codes as readonly string[]).includes(code);

/**
 * One `p` value: `<actor ID>` (any role) or `<actor ID>:MEDIATOR,HOST`. Global IDs are base64, which
 * has no colon. Null with the reason when the ID or a role cannot be read: the whole entry is left
 * out, since without its unknown role it would ask for more than the link meant.
 */
function readEntry(value: string): ParticipantFilter | string {
  const colon = value.indexOf(":");
  const actorId = colon === -1 ? value : value.slice(0, colon);
  const roles =
    colon === -1
      ? []
      : value
          .slice(colon + 1)
          .split(",")
          .filter((r) => r !== "");
  if (decodeGlobalId(actorId, "Actor") === null) return `${JSON.stringify(actorId)} is not the ID of an actor`;
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0)
    return `${unknown.map((r) => JSON.stringify(r)).join(", ")} ${unknown.length === 1 ? "is not a role" : "are not roles"} (use ${PARTICIPANT_ROLES.codes.join(", ")})`;
  const known = [...new Set(roles as ParticipantRole[])];
  return known.length > 0 ? { actorId, roles: known } : { actorId };
}

/** The `participants` entries of `p` values, each that cannot be read reported to `found` and left out. */
export function participantsFromParams(values: string[], found: ParamIssues): ParticipantFilter[] {
  const entries: ParticipantFilter[] = [];
  for (const value of values) {
    if (value === "") continue;
    const entry = readEntry(value);
    if (typeof entry === "string") found.add(PARTICIPANT_PARAM, value, entry);
    else if (entries.length >= MAX_PARTICIPANT_FILTERS)
      found.add(
        PARTICIPANT_PARAM,
        value,
        `is one more than the ${MAX_PARTICIPANT_FILTERS} participants a search may name`,
      );
    else entries.push(entry);
  }
  return entries;
}

/** `p` values for the entries, in their order. */
export function participantsToParams(entries: readonly ParticipantFilter[] | undefined): string[] {
  return (entries ?? []).map(participantParam);
}
