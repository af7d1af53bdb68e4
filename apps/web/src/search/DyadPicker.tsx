"use client";

import type { ParticipantRole } from "@parley/schema";
import { defined } from "@parley/schema/defined";
// Not the package's index: that brings zod and the whole vocabulary into the browser.
import { PARTICIPANT_PARAM, participantParam } from "@parley/schema/participant-param";
import { useState } from "react";
import { ActorCombobox, type ActorMatch } from "../actors/ActorCombobox.tsx";
import type { RoleChoice } from "./ActorRoleMenu.tsx";
import { useSearchSubmit } from "./SearchForm.tsx";

interface Side {
  actor: ActorMatch | null;
  role: ParticipantRole | "";
}

const EMPTY: Side = { actor: null, role: "" };

/**
 * "with … and …": two actors, each in any role or in one, that must both have taken part. Adds two
 * `participants` entries (which combine with AND) to the search.
 */
export function DyadPicker({ context, roles }: { context: string; roles: RoleChoice[] }) {
  const submit = useSearchSubmit();
  const [sides, setSides] = useState<[Side, Side]>([EMPTY, EMPTY]);
  const set = (i: 0 | 1, side: Partial<Side>) =>
    setSides((s) => (i === 0 ? [{ ...s[0], ...side }, s[1]] : [s[0], { ...s[1], ...side }]));
  const ready = sides.every((s) => s.actor !== null);

  const side = (i: 0 | 1, word: string, which: string) => {
    const { actor, role } = sides[i];
    return (
      <div className="dyad-side">
        <span className="dyad-word" aria-hidden="true">
          {word}
        </span>
        {actor ? (
          <span className="dyad-actor">
            {actor.name}
            <button type="button" className="dyad-change" onClick={() => set(i, { actor: null })}>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">
                Change the {which} actor, {actor.name}
              </span>
            </button>
          </span>
        ) : (
          <ActorCombobox
            label={`The ${which} actor of the pair`}
            placeholder="an actor…"
            context={context}
            onPick={(m) => set(i, { actor: m })}
          />
        )}
        <select
          aria-label={`Role of the ${which} actor`}
          value={role}
          data-no-autosubmit=""
          onChange={(e) => set(i, { role: e.target.value as Side["role"] })}
        >
          <option value="">in any role</option>
          {roles.map((r) => (
            <option key={r.code} value={r.code}>
              as {r.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <fieldset className="facet dyad" aria-labelledby="facet-dyad">
      <legend id="facet-dyad">Two actors together</legend>
      <p className="facet-note">Events where both took part (a dyad), each in any role or in the one you choose.</p>
      {side(0, "with", "first")}
      {side(1, "and", "second")}
      <button
        type="button"
        className="secondary"
        disabled={!ready}
        onClick={() => {
          // Enabled only once both actors are chosen.
          const entries = sides.map(
            ({ actor, role }) =>
              [PARTICIPANT_PARAM, participantParam({ actorId: defined(actor).id, roles: role ? [role] : [] })] as [
                string,
                string,
              ],
          );
          setSides([EMPTY, EMPTY]);
          submit(entries);
        }}
      >
        Show events with both
      </button>
    </fieldset>
  );
}
