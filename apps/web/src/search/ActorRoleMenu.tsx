"use client";

import type { ParticipantRole } from "@parley/schema";
// Not the package's index: that brings zod and the whole vocabulary into the browser.
import { PARTICIPANT_PARAM, participantParam } from "@parley/schema/participant-param";

export interface RoleChoice {
  code: ParticipantRole;
  label: string;
}

/**
 * "as…" beside an actor: one submit button per role, each adding the `participants` entry "this
 * actor in this role" (`p=<actor ID>:MEDIATOR`). A disclosure of plain submit buttons, so it works
 * without JavaScript and with the keyboard alike. A client component only so that the page's
 * payload carries each actor's ID and name once, not every button of every actor twice.
 */
export function ActorRoleMenu({ actorId, name, roles }: { actorId: string; name: string; roles: RoleChoice[] }) {
  return (
    <details className="role-menu">
      <summary>
        as…<span className="visually-hidden"> {name} in one role</span>
      </summary>
      <ul>
        {roles.map((role) => (
          <li key={role.code}>
            <button type="submit" name={PARTICIPANT_PARAM} value={participantParam({ actorId, roles: [role.code] })}>
              <span className="visually-hidden">{name} </span>as {role.label}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
