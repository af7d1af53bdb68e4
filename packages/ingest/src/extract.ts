import { defined, type EventType, normalizeName, type ParticipantRole, uniqueBy } from "@parley/schema";
import { ActorFinder, type ActorMention, isHeadline, STOPWORDS } from "./actors.ts";
import {
  type ActorCandidate,
  actorKey,
  type CiteCandidate,
  type DateCandidate,
  type EventActor,
  type EventCandidate,
  type Extraction,
  type PlaceCandidate,
} from "./candidates.ts";
import { CiteFinder } from "./cites.ts";
import { type DateMention, findDates } from "./dates.ts";
import { DescribedActors } from "./described.ts";
import { dateOfEvent, EVENT_PATTERNS, eventTypesOf } from "./events.ts";
import { BareGovernments } from "./government.ts";
import type { Knowledge } from "./knowledge.ts";
import { mergeEvents } from "./merge.ts";
import { findGovernments, type GovernmentMention } from "./metonymy.ts";
import { analyse } from "./nlp.ts";
import { PlaceFinder, type PlaceMention, placeKey, range, within } from "./places.ts";
import { LASTING_ROLES, rolesOf } from "./roles.ts";
import { governmentName, stateByName } from "./states.ts";
import type { Token } from "./tokens.ts";

const actorOut = ({ actorId, text, name, kind }: ActorMention): ActorCandidate => ({ actorId, text, name, kind });
const placeOut = ({ from: _from, to: _to, ...place }: PlaceMention): PlaceCandidate => place;
const dateOut = ({ index: _index, ...date }: DateMention): DateCandidate => date;

/** The candidates in a report's text, given what the database knows and the publication date (YYYY-MM-DD). */
export function extractCandidates(text: string, published: string | null, knowledge: Knowledge): Extraction {
  const sentences = analyse(text);
  const placeFinder = new PlaceFinder(
    knowledge,
    STOPWORDS,
    new Set(knowledge.actors.flatMap((a) => a.names.map(normalizeName))),
  );
  const bareGovernments = new BareGovernments(knowledge);
  const describedActors = new DescribedActors(knowledge);
  for (const s of sentences) {
    placeFinder.noteCountries(s.text, s.tokens);
    bareGovernments.note(s.tokens);
    describedActors.note(s.text);
  }
  const actorFinder = new ActorFinder(knowledge);
  const citeFinder = new CiteFinder(knowledge);
  const placeNames = new Set(knowledge.places.map((p) => normalizeName(p.name)));

  const actors = new Map<string, ActorCandidate>();
  const places = new Map<string, PlaceCandidate>();
  const dates = new Map<string, DateCandidate>();
  const events: EventCandidate[] = [];
  const cites = new Map<string, CiteCandidate>();
  const seenQuotes = new Set<string>();

  const governments = governmentsOf(knowledge);
  const sides = new Set<string>();
  for (const s of sentences) {
    const headline = isHeadline(s.text, s.tokens);
    // Known names first, so that "Pakistan" in "Tehrik-i-Taliban Pakistan" is neither a place nor a government;
    // a longer government phrase wins ("Qatar's Ministry of Foreign Affairs" is not Pakistan's).
    const everyToken = new Set(range(0, s.tokens.length));
    const known = actorFinder.find(s.text, s.tokens, everyToken);
    const metonyms = findGovernments(s.text, s.tokens).filter((m) =>
      known.every(
        (k) => k.to <= m.from || k.from >= m.to || (m.from <= k.from && k.to <= m.to && m.to - m.from > k.to - k.from),
      ),
    );
    metonyms.push(
      ...bareGovernments.find(
        s.text,
        s.tokens,
        new Set([...metonyms, ...known].flatMap((m) => range(m.from, m.to))),
        known.flatMap((k) => (k.actorId === null ? [] : [k.actorId])),
      ),
    );
    const metonymTokens = new Set(metonyms.flatMap((m) => range(m.from, m.to)));
    // A known government named like its country ("Qatar") still names the place.
    const knownTokens = new Set(
      known
        .filter(
          (k) => !range(k.from, k.to).some((i) => metonymTokens.has(i)) && !stateByName.has(normalizeName(k.text)),
        )
        .flatMap((a) => range(a.from, a.to)),
    );
    const notPlaces = new Set([
      ...knownTokens,
      ...metonyms.filter((m) => m.notPlace).flatMap((m) => range(m.from, m.to)),
    ]);
    const sentencePlaces = placeFinder.find(s.text, s.tokens, headline, notPlaces);
    const placeTokens = new Set(sentencePlaces.flatMap((p) => range(p.from, p.to)));
    const described = describedActors.find(
      s.text,
      s.tokens,
      sentencePlaces,
      new Set([...metonymTokens, ...known.flatMap((k) => range(k.from, k.to))]),
    );
    const describedTokens = described.flatMap((d) => range(d.from, d.to));
    const sentenceActors = [
      ...metonyms.map((m) => governments(m)),
      ...described,
      ...actorFinder
        .find(s.text, s.tokens, placeTokens, new Set([...metonymTokens, ...describedTokens]))
        .filter((a) => !namesPlace(s.text, s.tokens, a)),
    ].sort((a, b) => a.from - b.from);
    const sentenceDates = findDates(s.text, published, s.durations);
    const sentenceCites = citeFinder.find(s.text, placeNames);
    for (const key of sidesOf(s.text, s.tokens, sentenceActors)) sides.add(key);
    for (const a of sentenceActors) {
      const key = actorKey(a);
      if (!actors.has(key)) actors.set(key, actorOut(a));
    }
    for (const p of sentencePlaces) if (!places.has(placeKey(p))) places.set(placeKey(p), placeOut(p));
    for (const d of sentenceDates) dates.set(`${d.text}|${d.date}`, dateOut(d));
    for (const c of sentenceCites) cites.set(c.actorId !== null ? `id:${c.actorId}` : normalizeName(c.name), c);

    // A caption repeated by the page is one sentence.
    if (seenQuotes.has(s.text)) continue;
    seenQuotes.add(s.text);
    const citedOutlets = new Set(sentenceCites.map((c) => normalizeName(c.text)));
    const mentioned = sentenceActors.filter(
      (a) => a.kind !== "MEDIA_OUTLET" && !citedOutlets.has(normalizeName(a.text)),
    );
    for (const type of eventTypesOf(s.text)) {
      const place = eventPlace(s.text, s.tokens, sentencePlaces, type);
      const date = dateOfEvent(s.text, type, sentenceDates);
      const roundsIn =
        type === "NEGOTIATION" && place ? [place, ...placesJoinedTo(s.text, s.tokens, sentencePlaces, place)] : [place];
      const actors = dedupe(rolesOf(s.text, s.tokens, mentioned, type).map((a) => ({ ...actorOut(a), role: a.role })));
      for (const at of roundsIn)
        events.push({
          type,
          date: date?.date ?? null,
          precision: date?.precision ?? null,
          endDate: date?.endDate ?? null,
          place: at ? placeOut(at) : null,
          // Each round its own actors: later steps set roles on them one event at a time.
          actors: actors.map((a) => ({ ...a })),
          quote: s.text,
          quotes: [s.text],
          ...(date && date.date === null ? { unresolvedDate: date.text } : {}),
        });
    }
  }
  // "TPLF" in a headline, before the text spells it out: the one actor, by its full name.
  for (const [acronym, named] of actorFinder.spelledAcronyms()) {
    const alone = actorKey({ actorId: null, name: acronym });
    if (alone !== actorKey(named)) actors.delete(alone);
  }
  events.splice(0, events.length, ...mergeEvents(events, published));
  keepThirdParties(events);
  thirdPartiesBesideSides(events, sides);
  const unresolved = [...dates.values()].filter((d) => d.date === null);
  const warnings =
    published === null
      ? [
          `No publication date: ${unresolved.length} date${unresolved.length === 1 ? "" : "s"} that need${unresolved.length === 1 ? "s" : ""} one ${unresolved.length === 1 ? "is" : "are"} left unresolved${
            unresolved.length
              ? ` (${unresolved
                  .slice(0, 4)
                  .map((d) => `"${d.text}"`)
                  .join(", ")})`
              : ""
          }; give --date to resolve them.`,
        ]
      : [];
  return {
    actors: [...actors.values()],
    places: [...places.values()],
    dates: [...dates.values()],
    events,
    cites: [...cites.values()],
    warnings,
  };
}

/**
 * Where a sentence's events happened: a place it puts them in ("in Pretoria", "at Dolmabahçe"), or
 * else its first town or region that is not a dateline ("ISTANBUL - …"), an origin ("forces from
 * Tigray") or a word describing someone ("Tigray forces"). A country counts only with "in".
 */
function eventPlace(text: string, tokens: Token[], places: PlaceMention[], type: EventType): PlaceMention | undefined {
  const before = (p: PlaceMention) => text.slice(0, defined(tokens[p.from]).start).replace(DIRECTION, "");
  const after = (p: PlaceMention) => text.slice(defined(tokens[p.to - 1]).end);
  // "in Afghanistan's Paktika province" is in Paktika, "in northern Shan State" in Shan State; "Doha talks",
  // "Qatar mediation" name no place of the event, and "the rebel authorities in Tigray" say who, not where.
  // "at the Dolmabahçe Palace in Istanbul": the town, which has a map point, before the site.
  const ordered = [...places.filter((p) => p.kind !== "SITE"), ...places.filter((p) => p.kind === "SITE")];
  const located = ordered.find(
    (p) =>
      (/\b(?:in|at|inside|across|into|near)\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:(?:[\w'’-]+\s+){0,2}(?:capital|city|town|port|village),?\s+(?:of\s+)?)?$/i.test(
        before(p),
      ) ||
        (type === "PRISONER_RELEASE" && /\b(?:freed|released|returned) from\s+(?:the\s+)?$/i.test(before(p))) ||
        // "Trump will visit Malaysia": a visit's place is what is visited, a country too.
        (type === "VISIT" &&
          /\b(?:visit(?:ed|s|ing)?|visit to|trip to|travel(?:l?ed)? to|arrived in)\s+(?:the\s+)?$/i.test(before(p)))) &&
      !DESCRIBED_BY_PLACE.test(before(p)) &&
      !(type !== "AGREEMENT" && type !== "CEASEFIRE" && AGREEMENT_SIGNED_IN.test(before(p))) &&
      !/^['’]s\s/.test(after(p)) &&
      !/^\s+(?:talks|mediation|negotiations|meetings?|process|agreement|deal|ceasefire|truce)\b/i.test(after(p)),
  );
  if (located) return located;
  // A place named far from the event's words is about something else: "the talks stalled over demands that … Khyber Pakhtunkhwa".
  const pattern = EVENT_PATTERNS.find(([t]) => t === type)?.[1];
  const keywords = pattern ? [...text.matchAll(new RegExp(pattern.source, "gi"))] : [];
  const near = (p: PlaceMention) => {
    const [start, end] = [defined(tokens[p.from]).start, defined(tokens[p.to - 1]).end];
    return keywords.some((m) => Math.max(m.index - end, start - (m.index + m[0].length)) <= PLACE_REACH);
  };
  return places.find(
    (p) =>
      p.kind !== "COUNTRY" &&
      near(p) &&
      !(type !== "AGREEMENT" && type !== "CEASEFIRE" && AGREEMENT_SIGNED_IN.test(before(p))) &&
      !(p.from === 0 && /^\s*[-–—:]/.test(after(p))) &&
      !/\b(?:from|of|for)\s+(?:the\s+)?$/i.test(before(p)) &&
      !/^['’]?s?\s+(?:forces|rebels|government|authorities|officials|fighters|militants|delegation|side|leaders?|troops|army|regional)\b/i.test(
        after(p),
      ),
  );
}

/**
 * "Earlier rounds in Venezuela and Mexico", "talks in Doha, Istanbul and Riyadh": the places joined
 * to an event's place by "and" (a list of them by commas, its last by "and"), each the place of
 * talks of its own. "In Doha, Qatar" names one place, not two.
 */
function placesJoinedTo(text: string, tokens: Token[], places: PlaceMention[], place: PlaceMention): PlaceMention[] {
  const joined: PlaceMention[] = [];
  let last = place;
  let and = false;
  for (const next of places.filter((p) => p.from >= place.to).sort((a, b) => a.from - b.from)) {
    const between = text.slice(defined(tokens[last.to - 1]).end, defined(tokens[next.from]).start);
    const join = /^\s*(,|,?\s*and)\s+(?:the\s+)?$/i.exec(between);
    if (!join || within(next, last) || within(last, next)) break;
    and ||= /and/i.test(defined(join[1]));
    joined.push(next);
    last = next;
    if (and) break;
  }
  return and ? joined : [];
}

/** How many characters from the event's words an unintroduced place may stand. */
const PLACE_REACH = 60;
const DIRECTION =
  /\b(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+$/i;
/** "Negotiations in Turkey", "left for Qatar": a known government named like its country is the place there. */
const PLACE_BEFORE = /\b(?:in|at|to|for|near|into|inside|across|via|towards?)\s+(?:the\s+)?$/i;
function namesPlace(text: string, tokens: Token[], a: ActorMention): boolean {
  return (
    a.actorId !== null &&
    stateByName.has(normalizeName(a.text)) &&
    PLACE_BEFORE.test(text.slice(0, defined(tokens[a.from]).start).replace(DIRECTION, ""))
  );
}

/** "The agreement signed in Pretoria": the agreement's place, not the meeting's. */
const AGREEMENT_SIGNED_IN =
  /\b(?:agreement|accord|deal|truce|ceasefire)\s+(?:\w+\s+){0,2}(?:signed|reached|agreed|concluded)\s+(?:in|at)\s+(?:the\s+)?$/i;
/** People named by where they are: "the rebel authorities in Tigray", "officials in Kabul". */
const DESCRIBED_BY_PLACE =
  /\b(?:authorities|officials|rebels|forces|fighters|militants|government|leaders?|leadership|people|residents|civilians|troops|groups?|army|administration|council) (?:in|at|inside)\s+(?:the\s+)?$/i;

/**
 * "Griffiths, the UN envoy, mediated the talks…", and later "Griffiths said the truce…": a mediator
 * (facilitator, guarantor) of the report's talks is one in its other talks too, where no sentence
 * gives it a role of its own.
 */
function keepThirdParties(events: EventCandidate[]) {
  const talks = (e: EventCandidate) => TALK_TYPES.includes(e.type);
  const lasting = new Map<string, ParticipantRole>();
  for (const e of events.filter(talks))
    for (const a of e.actors)
      if (LASTING_ROLES.includes(a.role) && !lasting.has(actorKey(a))) lasting.set(actorKey(a), a.role);
  for (const e of events.filter(talks))
    for (const a of e.actors)
      if (a.role === "PARTY" || a.role === "SPOKESPERSON") a.role = lasting.get(actorKey(a)) ?? a.role;
}

const TALK_TYPES: EventType[] = ["NEGOTIATION", "CEASEFIRE", "AGREEMENT", "PRISONER_RELEASE"];

/** "Talks between Israel and Hamas": the sides a sentence names, by actor key. */
function sidesOf(text: string, tokens: Token[], actors: ActorMention[]): string[] {
  const start = (a: ActorMention) => defined(tokens[a.from]).start;
  const end = (a: ActorMention) => defined(tokens[a.to - 1]).end;
  const sides: string[] = [];
  for (let i = 0; i + 1 < actors.length; i++) {
    const [a, b] = [defined(actors[i]), defined(actors[i + 1])];
    if (
      /\bbetween\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start(a) - 20), start(a))) &&
      /^\s*and\s+(?:the\s+)?$/i.test(text.slice(end(a), start(b))) &&
      actorKey(a) !== actorKey(b)
    )
      sides.push(actorKey(a), actorKey(b));
  }
  return sides;
}

/** Organisations that come to talks as third parties, not as sides: the UN, the African Union, Sant'Egidio. */
const THIRD_PARTY_KINDS = new Set(["INTERNATIONAL_ORGANISATION", "RELIGIOUS_ORGANISATION"]);

/**
 * Talks have sides and third parties. An international or religious organisation in talks that no
 * sentence gives a role is there as a mediator; so is a state, once the report names the sides of
 * its talks ("talks between Israel and Hamas") and the state is neither: "senior delegations from
 * Qatar, Turkey and the United States have joined".
 */
function thirdPartiesBesideSides(events: EventCandidate[], sides: Set<string>) {
  const third = (a: EventActor) =>
    THIRD_PARTY_KINDS.has(a.kind) || (a.kind === "GOVERNMENT" && sides.size >= 2 && !sides.has(actorKey(a)));
  for (const e of events.filter((x) => TALK_TYPES.includes(x.type)))
    for (const a of e.actors) if (a.role === "PARTY" && third(a)) a.role = "MEDIATOR";
}

function dedupe<T extends ActorCandidate>(actors: T[]): T[] {
  return uniqueBy(actors, actorKey);
}

/** The actor a government by metonymy resolves to: the known government of that country, or a proposed "Government of X". */
function governmentsOf(knowledge: Knowledge): (m: GovernmentMention) => ActorMention {
  const byCountry = new Map<string, Knowledge["actors"][number]>();
  const preferred = (a: Knowledge["actors"][number]) => /^government of /i.test(a.name);
  for (const a of knowledge.actors) {
    if (
      a.kind !== "GOVERNMENT" ||
      !a.country ||
      /ministry|authority|council|directorate|senate|parliament/i.test(a.name)
    )
      continue;
    const current = byCountry.get(a.country);
    if (!current || (preferred(a) && !preferred(current))) byCountry.set(a.country, a);
  }
  const byName = new Map(
    knowledge.actors
      .filter((a) => a.kind === "GOVERNMENT")
      .flatMap((a) => a.names.map((n) => [normalizeName(n), a] as const)),
  );
  return (m) => {
    const known = byCountry.get(m.state.code) ?? m.state.names.map((n) => byName.get(normalizeName(n))).find(Boolean);
    return known
      ? { actorId: known.id, text: m.text, name: known.name, kind: known.kind, from: m.from, to: m.to }
      : { actorId: null, text: m.text, name: governmentName(m.state), kind: "GOVERNMENT", from: m.from, to: m.to };
  };
}
