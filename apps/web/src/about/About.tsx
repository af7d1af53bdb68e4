import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { actorKindLabel, eventTypeLabel, roleLabel } from "../shared/labels.ts";
import type { AboutPageQuery } from "./about.query.ts";
import { Codebook } from "./Codebook.tsx";

type About = ResultOf<typeof AboutPageQuery>;
// gql.tada types introspection fields (`__type`) as empty objects; this is their shape.
type EnumDoc = { enumValues: { name: string; description: string | null }[] | null } | null;
const valuesOf = (doc: unknown) => (doc as EnumDoc)?.enumValues ?? [];

const count = new Intl.NumberFormat("en-GB");

export function AboutParley({ data, apiUrl }: { data: About; apiUrl: string }) {
  return (
    <article className="record about" aria-labelledby="record-title">
      <h1 id="record-title">About Parley</h1>
      <p className="lead">
        Parley turns news reports on conflicts and peace processes into <strong>events</strong>, <strong>actors</strong>{" "}
        and <strong>sources</strong>. Every fact carries the quote it rests on: who said it, in which report, and
        whether it was asserted or denied. When one side asserts what another denies, the event is marked{" "}
        <em>contested</em>.
      </p>

      <h2>What the data is</h2>
      <p>
        This Parley holds {count.format(data.events.totalCount)} events, {count.format(data.actors.totalCount)} actors,{" "}
        {count.format(data.sources.totalCount)} sources and {count.format(data.processes.totalCount)} processes.
      </p>
      <ul>
        <li>
          An <strong>event</strong> is something that happened on a day or over days (talks, a ceasefire, an airstrike)
          at one or more places. Its type follows ACLED&apos;s event types where they overlap; deaths are recorded as
          UCDP does, a low, best and high estimate, and unknown is not zero.
        </li>
        <li>
          An <strong>actor</strong> takes part in an event in a <em>role</em>: the Tehrik-i-Taliban Pakistan as a party,
          Qatar as a mediator. One actor may hold several roles in one event, so an actor can have more appearances than
          events. Actors are found by any spelling: every alias and transliteration is searched.
        </li>
        <li>
          A <strong>source</strong> is a report by an outlet; a <strong>claim</strong> is a short verbatim quote from it
          about an event, an actor or a negotiating <strong>position</strong>.
        </li>
        <li id="actors-and-roles">
          In the search, values within one facet are alternatives (either country) and facets narrow each other. An
          actor and a role ticked together <strong>bind</strong>: the Tehrik-i-Taliban Pakistan and Mediator mean the
          TTP as mediator, not the TTP&apos;s events that someone else mediated, as ACLED and UCDP read them; the role
          counts then are the ticked actors&apos; events in each role. An actor&apos;s &ldquo;as…&rdquo; menu asks for
          it in one role beside other actors in theirs, and &ldquo;Two actors together&rdquo; (with … and …) asks for
          events where both took part (a dyad), each in any role or in the one chosen.
        </li>
      </ul>

      <h2>Where the demo data comes from</h2>
      <p>
        The demo dataset was built by hand from five public reports on the Pakistan–TTP talks hosted by the Afghan
        Taliban in Kabul (2021–2022), the ceasefires, prisoner releases, airstrikes and attacks around them, and the
        2025 Doha and Istanbul talks mediated by Qatar and Turkey. Summaries are Parley&apos;s own words; quotes are
        short and verbatim. The reports are listed under <Link href="/sources">Sources</Link>. Places are drawn on maps
        from Natural Earth&apos;s borders (world-atlas), bundled with this site.
      </p>
      <p>
        Everything shown here comes from Parley&apos;s GraphQL API; try it in <a href={apiUrl}>GraphiQL</a>.
      </p>

      <h2>Codebook</h2>
      <Codebook id="codebook-types" title="Event types" entries={valuesOf(data.eventTypes)} label={eventTypeLabel} />
      <Codebook id="codebook-roles" title="Roles in an event" entries={valuesOf(data.roles)} label={roleLabel} />
      <Codebook id="codebook-kinds" title="Kinds of actor" entries={valuesOf(data.actorKinds)} label={actorKindLabel} />
    </article>
  );
}
