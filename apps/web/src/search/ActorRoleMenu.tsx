import { PARTICIPANT_PARAM, PARTICIPANT_ROLES, participantParam } from "@parley/schema";

/**
 * "as…" beside an actor: one submit button per role, each adding the `participants` entry "this
 * actor in this role" (`p=<actor ID>:MEDIATOR`). A disclosure of plain submit buttons, so it works
 * without JavaScript and with the keyboard alike.
 */
export function ActorRoleMenu({ actorId, name }: { actorId: string; name: string }) {
  return (
    <details className="role-menu">
      <summary>
        as…<span className="visually-hidden"> {name} in one role</span>
      </summary>
      <ul>
        {PARTICIPANT_ROLES.codes.map((role) => (
          <li key={role}>
            <button type="submit" name={PARTICIPANT_PARAM} value={participantParam({ actorId, roles: [role] })}>
              <span className="visually-hidden">{name} </span>as {PARTICIPANT_ROLES.labels[role]}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
