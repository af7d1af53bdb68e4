import { type ActorKind, defined, normalizeName, transliterationKey } from "@parley/schema";
import { indexByName, type Knowledge, type KnownActor } from "./knowledge.ts";
import { range, SITE } from "./places.ts";
import { stateByDemonym, stateByName } from "./states.ts";
import { ngrams, type Token } from "./tokens.ts";

export interface ActorMention {
  /** The known actor's ID, or null for a name proposed as a new actor. */
  actorId: number | null;
  text: string;
  /** The known actor's canonical name, or the proposed name. */
  name: string;
  kind: ActorKind;
  from: number;
  to: number;
}

/** Capitalised words that are not names (sentence openers, months, titles, furniture). */
export const STOPWORDS = new Set(
  (
    "the a an in on at of for and or but to from by with as after before since during while when where who whose which that this these those " +
    "it its his her their our we they he she i you file photo image read more also however meanwhile although following according asked " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday today yesterday " +
    "islamic islam muslim eid god sources source officials official security government state minister ministry news report reports " +
    "region province district constitution telegram"
  ).split(" "),
);
const TITLES = new Set(
  (
    "lt lieutenant gen general col colonel maj major capt captain mr mrs ms dr prof president presidents prime minister deputy interior foreign chief commander spokesman spokesperson " +
    "maulana mawlawi mawlavi mullah mufti qari sheikh hafiz haji senior former late field marshal special envoy secretary secretary-general undersecretary ambassador " +
    "chairman chairperson head defence defense information federal state acting interim first top affairs high representative junta " +
    "commissioner advisor adviser counsellor under vice vice-president vice-chairman political emir"
  ).split(" "),
);
/** A one-word name worth proposing: a proper noun the model tags as such, not a word of the calendar or of office. */
const ONE_WORD_NAME = /^\p{Lu}[\p{Ll}'’-]{3,}$/u;
const CONNECTORS = new Set(["al", "ul", "ud", "ur", "e", "i", "bin", "ibn", "de", "of", "van", "von"]);
/** After these, "on" and "for" join a name too: "Intergovernmental Authority on Development". */
const BODY =
  /^(?:authority|commission|committee|council|conference|office|agency|organi[sz]ation|coalition|alliance|front|movement)$/;

function guessKind(name: string): ActorKind {
  if (/\b(news|tribune|times|radio|tv|television|post|daily|herald|dawn|agency press)\b/i.test(name))
    return "MEDIA_OUTLET";
  if (/\b(party|jamiat|jamiate|ulema|league|movement)\b/i.test(name)) return "POLITICAL_PARTY";
  if (/\b(army|forces|police|corps|agency|directorate|intelligence)\b/i.test(name)) return "SECURITY_FORCE";
  if (/\b(center|centre|institute|university)\b/i.test(name)) return "RESEARCH_ORGANISATION";
  if (/\b(union|united nations|commission|organi[sz]ation|intergovernmental)\b/i.test(name))
    return "INTERNATIONAL_ORGANISATION";
  if (/\b(ministry|government|council|authority)\b/i.test(name)) return "GOVERNMENT";
  if (/\b(taliban|front|lashkar|jaish|tehrik|brigade|militants?|separatists)\b/i.test(name)) return "ARMED_GROUP";
  if (/^[A-Z][A-Z-]+$/.test(name)) return "OTHER";
  return "PERSON";
}

/**
 * Finds actors in sentences: every known name and alias (normalised, or by transliteration key for
 * names of two words or more), a person's surname once the full name has appeared, and capitalised
 * phrases that match nothing, proposed as new actors.
 */
export class ActorFinder {
  private readonly byName: Map<string, KnownActor[]>;
  private readonly byTranslit: Map<string, KnownActor[]>;
  private readonly surnames = new Map<string, KnownActor>();
  private readonly newSurnames = new Map<string, string>();
  /** "Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman al-Thani": an honorific and a first name. */
  private readonly newFirstNames = new Map<string, string>();
  /** "National Liberation Army (ELN)": the acronym names the same actor from there on. */
  private readonly acronyms = new Map<string, Omit<ActorMention, "text" | "from" | "to">>();

  constructor(knowledge: Knowledge) {
    // "Ministry of Foreign Affairs (Pakistan)" is written without its qualifier in a report.
    this.byName = indexByName(knowledge.actors, (a) => a.names.flatMap((n) => [n, n.replace(/\s*\([^)]*\)\s*$/, "")]));
    this.byTranslit = new Map();
    for (const actor of knowledge.actors) {
      for (const name of actor.names) {
        if (normalizeName(name).split(" ").length < 2) continue;
        const key = transliterationKey(name);
        this.byTranslit.set(key, [...(this.byTranslit.get(key) ?? []), actor]);
      }
    }
  }

  /** `blocked`: words already read as something else (a government by metonymy). */
  find(sentence: string, tokens: Token[], placeTokens: Set<number>, blocked: Set<number> = new Set()): ActorMention[] {
    const found: ActorMention[] = [];
    const taken = new Set<number>(blocked);
    const claim = (from: number, to: number) => {
      for (const i of range(from, to)) taken.add(i);
    };
    for (const span of ngrams(sentence, tokens)) {
      const words = span.to - span.from;
      // Long names are unambiguous even in lower case ("the military operations directorate").
      if ((!defined(tokens[span.from]).capitalised && words < 3) || range(span.from, span.to).some((i) => taken.has(i)))
        continue;
      const actor =
        this.byName.get(span.key)?.[0] ??
        (words >= 2 ? this.byTranslit.get(transliterationKey(span.text))?.[0] : undefined) ??
        (words === 1 ? this.surnames.get(span.key) : undefined);
      if (!actor) continue;
      claim(span.from, span.to);
      if (actor.kind === "PERSON") {
        const surname = defined(normalizeName(actor.name).split(" ").at(-1));
        if (surname.length >= 5 && !this.byName.has(surname)) this.surnames.set(surname, actor);
      }
      found.push({
        actorId: actor.id,
        text: span.text,
        name: actor.name,
        kind: actor.kind,
        from: span.from,
        to: span.to,
      });
    }
    const headline = isHeadline(sentence, tokens);
    const phrases = headline
      ? []
      : capitalisedPhrases(
          sentence,
          tokens,
          (i) => taken.has(i) || placeTokens.has(i),
          (i) => placeTokens.has(i) && !taken.has(i),
        );
    for (const phrase of phrases) {
      const text = sentence.slice(defined(tokens[phrase.from]).start, defined(tokens[phrase.to - 1]).end);
      const acronym = phrase.to - phrase.from === 1 && /^[A-Z][A-Z-]{1,7}$/.test(text);
      if (acronym) {
        const named = this.acronyms.get(text) ?? this.spelledOutBefore(sentence, tokens, phrase.from, found);
        if (named) {
          this.acronyms.set(text, named);
          found.push({ ...named, text, from: phrase.from, to: phrase.to });
          continue;
        }
      }
      // "Dolmabahçe Palace", "Serena Hotel": a site where things happen, not an actor.
      if (SITE.test(text) || NOT_AN_ACTOR_NAME.test(text)) continue;
      // "the Tigray People's Liberation Front (TPLF)", the acronym a known actor's: that actor.
      const spelled = this.acronymAfter(sentence, tokens, phrase.to, found);
      if (spelled) {
        found.push({ ...spelled, text, from: phrase.from, to: phrase.to });
        continue;
      }
      // "Obasanjo" after "Olusegun Obasanjo" is the same proposed person.
      const honoured = HONORIFICS.has(tokens[phrase.from - 1]?.text.toLowerCase() ?? "");
      const earlier =
        phrase.to - phrase.from === 1
          ? (this.newSurnames.get(normalizeName(text)) ??
            (honoured ? this.newFirstNames.get(normalizeName(text)) : undefined))
          : undefined;
      const kind = earlier ? "PERSON" : guessKind(text);
      if (kind === "PERSON" && text.includes(" ")) {
        this.newSurnames.set(normalizeName(defined(text.split(" ").at(-1))), text);
        if (!this.newFirstNames.has(normalizeName(defined(text.split(" ")[0]))))
          this.newFirstNames.set(normalizeName(defined(text.split(" ")[0])), text);
      }
      found.push({ actorId: null, text, name: earlier ?? text, kind, from: phrase.from, to: phrase.to });
    }
    return found.sort((a, b) => a.from - b.from);
  }

  /** Each acronym spelled out in brackets so far, with the actor it names. */
  spelledAcronyms(): ReadonlyMap<string, { actorId: number | null; name: string }> {
    return this.acronyms;
  }

  /** The known actor whose acronym follows in brackets: "… Liberation Front (TPLF)". */
  private acronymAfter(sentence: string, tokens: Token[], to: number, found: ActorMention[]) {
    const next = found.find((m) => m.from === to && m.to === to + 1 && m.actorId !== null);
    if (!next || sentence.slice(defined(tokens[to - 1]).end, defined(tokens[to]).start).trim() !== "(")
      return undefined;
    if (sentence[defined(tokens[to]).end] !== ")") return undefined;
    return { actorId: next.actorId, name: next.name, kind: next.kind };
  }

  /** The actor an acronym in brackets spells out: "the African Union (AU)". */
  private spelledOutBefore(sentence: string, tokens: Token[], at: number, found: ActorMention[]) {
    const token = defined(tokens[at]);
    if (sentence[token.end] !== ")") return undefined;
    const before = found.find((m) => sentence.slice(defined(tokens[m.to - 1]).end, token.start).trim() === "(");
    return before ? { actorId: before.actorId, name: before.name, kind: before.kind } : undefined;
  }
}

const HONORIFICS = new Set(["sheikh", "emir", "prince", "king", "sultan", "sayyid", "sayyed", "imam"]);

/** Documents, meetings and wars are named like organisations: "Declaration of Principles", "Peace Summit", "12-Day War". */
const NOT_AN_ACTOR_NAME =
  /^(?:declaration|accord|agreement|treaty|protocol|memorandum|charter|roadmap)\b|\b(?:declaration|accord|agreement|treaty|protocol|initiative|summit|conference|war|roadmap|charter|principles)$/i;

/** Words that do not start a name but may stand inside one: "Saba News Agency", "Russian Ministry of Defence". */
const INNER_WORDS = new Set(["news", "ministry", "security", "state"]);
/** Arabic names keep their article in lower case: "Mahdi al-Mashat", "al-Qassam Brigades". */
const ARTICLE_NAME = /^(?:al|el|ad|ash|as|at|az|an|ar|ul|ud|ur)-\p{Lu}/u;
/** Words before a one-word name that make it a place: "in Mekelle", "the port of Hodeidah". */
const LOCATIVE_BEFORE =
  /(?:\b(?:in|at|near|outside|around|into|to|from|towards|toward|over|across|through|via|beyond)|\b(?:port|city|town|village|region|province|district|capital|outskirts|state) of)\s+$/i;

/** Words after a capitalised phrase that make it no actor: a policy ("Total Peace" policy), a place ("the Kokang region"). */
const NOT_AN_ACTOR_AFTER =
  /^["”’']?\s+(?:policy|policies|plan|initiative|programme|program|strategy|doctrine|agenda|campaign|framework|region|province|district|valley|area|county|prefecture|township)\b/i;
/** A people's adjective before a common noun ("the Tigrayan leadership") is no name. */
const ADJECTIVE_OF_A_PEOPLE = /^\p{Lu}\p{Ll}+(?:an|ian|ean|ese)$/u;

/**
 * Runs of capitalised words (with name connectors such as "ul", "bin" or "of the") of two words or
 * more, or acronyms. `isPlace`: a country named just before an organisation is part of its name
 * ("Pakistan Television", "Myanmar National Democratic Alliance Army").
 */
function capitalisedPhrases(
  sentence: string,
  tokens: Token[],
  excluded: (i: number) => boolean,
  isPlace: (i: number) => boolean = () => false,
): Array<{ from: number; to: number }> {
  const phrases: Array<{ from: number; to: number }> = [];
  const joined = (k: number) => /^\s+$/.test(sentence.slice(defined(tokens[k - 1]).end, defined(tokens[k]).start));
  // Inside a name, a possessive joins too: "Tigray People's Liberation Front".
  const joinedInside = (k: number) =>
    joined(k) ||
    (/^['’]s\s+$/u.test(sentence.slice(defined(tokens[k - 1]).end, defined(tokens[k]).start)) &&
      !TITLES.has(defined(tokens[k]).text.toLowerCase()));
  const wordAt = (k: number) => defined(tokens[k]).text.toLowerCase();
  // "Iran-backed", "Houthi-run", "Saudi-led" describe; they name no one.
  const isName = (k: number, inside = false) =>
    k < tokens.length &&
    !excluded(k) &&
    (defined(tokens[k]).capitalised || ARTICLE_NAME.test(defined(tokens[k]).text)) &&
    !/^\d/.test(defined(tokens[k]).text) &&
    (!STOPWORDS.has(wordAt(k)) || (inside && INNER_WORDS.has(wordAt(k)))) &&
    !/-(?:backed|led|run|brokered|held|based|mediated|controlled|aligned)$/i.test(defined(tokens[k]).text);
  // "Cuban Foreign Minister Bruno Rodríguez" is Bruno Rodríguez.
  const isTitle = (t: Token) => TITLES.has(t.text.toLowerCase().replace(/\.$/, ""));
  const isState = (t: Token) => stateByDemonym.has(normalizeName(t.text)) || stateByName.has(normalizeName(t.text));
  const titleLike = (t: Token) => isTitle(t) || isState(t);
  let i = 0;
  while (i < tokens.length) {
    if (!isName(i)) {
      i++;
      continue;
    }
    let to = i + 1;
    for (;;) {
      if (to >= tokens.length || !joinedInside(to)) break;
      if (isName(to, true)) {
        to++;
        continue;
      }
      // A connector, "of the" included, between two names: "International Committee of the Red Cross".
      const connector =
        CONNECTORS.has(wordAt(to)) || ((wordAt(to) === "on" || wordAt(to) === "for") && BODY.test(wordAt(to - 1)));
      const skip = connector && to + 1 < tokens.length && wordAt(to) === "of" && wordAt(to + 1) === "the" ? 2 : 1;
      if (connector && isName(to + skip) && joined(to + skip)) {
        to += skip + 1;
        continue;
      }
      break;
    }
    // A name never ends on its connector or an inner word.
    while (
      to - 1 > i &&
      (CONNECTORS.has(wordAt(to - 1)) || wordAt(to - 1) === "the" || INNER_WORDS.has(wordAt(to - 1)))
    )
      to--;
    let from = i;
    // A sentence's first word is capitalised whatever it is: "Negotiators of the …" (a plural before
    // "of"; the tagger calls it a proper noun) is no name.
    if (from === 0 && to > 2 && /^\p{Lu}\p{Ll}+s$/u.test(defined(tokens[0]).text) && CONNECTORS.has(wordAt(1))) {
      from = 1;
      while (from < to && (CONNECTORS.has(wordAt(from)) || wordAt(from) === "the")) from++;
    }
    while (from < to && isTitle(defined(tokens[from]))) from++;
    // A country before an organisation's name is part of it; before a person's, it says where they are from.
    const rest = (f: number) => sentence.slice(defined(tokens[f]).start, defined(tokens[to - 1]).end);
    if (from < to && guessKind(rest(from)) === "PERSON") {
      while (from < to && titleLike(defined(tokens[from]))) from++;
    } else if (from === i && from > 0 && isPlace(from - 1) && joined(from)) from--;
    // "African Union Chairperson Mahmoud Ali Youssouf", "European Union's Henriette Geiger": an
    // organisation, then its officer, are two names.
    for (let k = from + 1; k < to - 1; k++) {
      const possessive = /^['’]s\s+$/u.test(sentence.slice(defined(tokens[k - 1]).end, defined(tokens[k]).start));
      if (!possessive && !isTitle(defined(tokens[k]))) continue;
      let person = k;
      while (person < to && isTitle(defined(tokens[person]))) person++;
      if (
        to - person >= 2 &&
        guessKind(rest(person)) === "PERSON" &&
        !tokens.slice(from, k).every(titleLike) &&
        guessKind(sentence.slice(defined(tokens[from]).start, defined(tokens[k - 1]).end)) !== "PERSON"
      ) {
        phrases.push({ from, to: k });
        from = person;
      }
      break;
    }
    const words = tokens.slice(from, to).filter((t) => !CONNECTORS.has(t.text.toLowerCase()) && t.text !== "the");
    const acronym =
      words.length === 1 && /^[A-Z][A-Z/-]{1,7}$/.test(defined(words[0]).text) && !titleLike(defined(words[0]));
    const single =
      words.length === 1 &&
      from > 0 &&
      defined(words[0]).pos === "PROPN" &&
      ONE_WORD_NAME.test(defined(words[0]).text) &&
      !titleLike(defined(words[0])) &&
      !LOCATIVE_BEFORE.test(sentence.slice(0, defined(tokens[from]).start));
    const after = from < to ? sentence.slice(defined(tokens[to - 1]).end) : "";
    const adjective =
      from < to &&
      (stateByDemonym.has(normalizeName(rest(from))) ||
        (words.length === 1 &&
          ADJECTIVE_OF_A_PEOPLE.test(defined(words[0]).text) &&
          tokens[to]?.pos === "NOUN" &&
          /^\s+$/.test(sentence.slice(defined(tokens[to - 1]).end, defined(tokens[to]).start))));
    if (
      !adjective &&
      !NOT_AN_ACTOR_AFTER.test(after) &&
      (words.length >= 2 ? !words.every(titleLike) : acronym || single)
    )
      phrases.push({ from, to });
    i = to;
  }
  return phrases;
}

/** Title-case lines (headlines, captions) capitalise every word, so their phrases are no names. */
export function isHeadline(sentence: string, tokens: Token[]): boolean {
  const long = tokens.filter((t) => t.text.length > 3);
  return (
    !/[.!?'"”’]$/.test(sentence) && long.length > 0 && long.filter((t) => t.capitalised).length / long.length >= 0.7
  );
}
