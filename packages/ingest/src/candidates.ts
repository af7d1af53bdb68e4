import { type DatePrecision, type EventType, normalizeName, type ParticipantRole } from "@parley/schema";
import type { DateMention } from "./dates.ts";
import type { PlaceMention } from "./places.ts";

/** What extraction proposes, for a reviewer to accept, edit or reject. */

export interface ActorCandidate {
  actorId: number | null;
  text: string;
  name: string;
  kind: string;
}

export type PlaceCandidate = Omit<PlaceMention, "from" | "to">;
export type DateCandidate = Omit<DateMention, "index">;

export interface EventActor extends ActorCandidate {
  role: ParticipantRole;
}

export interface EventCandidate {
  type: EventType;
  date: string | null;
  precision: DatePrecision | null;
  endDate: string | null;
  place: PlaceCandidate | null;
  actors: EventActor[];
  quote: string;
  /** Every sentence that reports this event (the first is `quote`). */
  quotes: string[];
  /** The words of a date the sentence gives but that could not be resolved (no publication date), for the reviewer. */
  unresolvedDate?: string;
}

export interface CiteCandidate {
  actorId: number | null;
  text: string;
  name: string;
  quote: string;
}

/** What `parley ingest --json` prints. */
export interface Extraction {
  actors: ActorCandidate[];
  places: PlaceCandidate[];
  dates: DateCandidate[];
  events: EventCandidate[];
  cites: CiteCandidate[];
  /** What the reviewer must know about the whole report (a missing publication date). */
  warnings: string[];
}

/** One key per actor: a known one by ID, a proposed one by name, singular and plural alike ("Houthi", "Houthis"). */
export function actorKey(a: { actorId: number | null; name: string }): string {
  return a.actorId !== null ? `id:${a.actorId}` : `new:${normalizeName(a.name).replace(/(?<=\p{L}{4})s$/u, "")}`;
}
