import { FACET_FIELDS, FACET_FILTERS, type FacetField, PARTICIPANT_ROLES } from "@parley/schema";
import Link from "next/link";
import { ActorFilter } from "./ActorFilter.tsx";
import { ActorRoleMenu, type RoleChoice } from "./ActorRoleMenu.tsx";
import { DyadPicker } from "./DyadPicker.tsx";
import { FacetGroup } from "./FacetGroup.tsx";
import type { SearchData } from "./load.ts";

type Facet = SearchData["facets"][number];

const ROLES: RoleChoice[] = PARTICIPANT_ROLES.codes.map((code) => ({ code, label: PARTICIPANT_ROLES.labels[code] }));

const more = <Link href="/about#actors-and-roles">How they combine</Link>;

/** How the role facet combines with the actor facet: they bind ("the TTP as mediator"). */
function RoleNote({ actors }: { actors: string[] }) {
  if (actors.length === 0) {
    return (
      <p className="facet-note">
        A role means any participant in it. Tick an actor too, or use an actor&rsquo;s &ldquo;as…&rdquo;, for that actor
        in the role. {more}
      </p>
    );
  }
  if (actors.length === 1) {
    return (
      <p className="facet-note">
        Bound to the actor ticked: Mediator here means &ldquo;{actors[0]} as Mediator&rdquo;, and each count is its
        events in that role. {more}
      </p>
    );
  }
  return (
    <p className="facet-note">
      Bound to the actors ticked: Mediator here means one of them as Mediator (&ldquo;{actors[0]} as Mediator&rdquo;),
      and each count says so. {more}
    </p>
  );
}

/** Every facet of the search, in the vocabulary's order; `context` is the search's URL params, for the actor finders' counts. */
export function Facets({ facets, context }: { facets: Facet[]; context: string }) {
  const order = FACET_FIELDS.codes;
  const sorted = [...facets].sort(
    (a, b) => order.indexOf(a.field as FacetField) - order.indexOf(b.field as FacetField),
  );
  const chosenActors =
    facets
      .find((f) => f.field === "ACTOR")
      ?.values.filter((v) => v.selected)
      .map((v) => v.label) ?? [];
  return (
    <>
      {sorted.map((facet) => {
        const field = facet.field as FacetField;
        const group = (
          <FacetGroup
            key={field}
            name={FACET_FILTERS[field].param}
            legend={FACET_FIELDS.labels[field]}
            values={facet.values}
            extra={
              field === "ACTOR" ? (v) => <ActorRoleMenu actorId={v.value} name={v.label} roles={ROLES} /> : undefined
            }
          >
            {field === "ACTOR" && <ActorFilter context={context} />}
            {field === "ROLE" && <RoleNote actors={chosenActors} />}
          </FacetGroup>
        );
        return field === "ACTOR" ? [group, <DyadPicker key="dyad" context={context} roles={ROLES} />] : group;
      })}
    </>
  );
}
