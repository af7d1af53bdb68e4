import type { ParticipantFilter } from "./search.ts";

export { PARTICIPANT_PARAM } from "./facets.ts";

/**
 * The `p` value of one `participants` entry: `<actor ID>:MEDIATOR,HOST`, or the actor ID alone for
 * any role. Free of zod at run time, so browser code can import it alone
 * (`@parley/schema/participant-param`) without the whole vocabulary.
 */
export function participantParam({ actorId, roles }: ParticipantFilter): string {
  return roles?.length ? `${actorId}:${roles.join(",")}` : actorId;
}
