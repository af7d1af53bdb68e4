import type { ActorKind, DatePrecision, EventType, ParticipantRole } from "@parley/schema";
import type { QueryResultRow } from "pg";

/** The datasets `parley import` reads. */
export type DatasetName = "ucdp" | "acled";

/** An actor as a dataset names it, before it is matched to a Parley actor. */
export interface DatasetActor {
  /** Stable key of the actor the import creates when nothing matches: `ucdp-actor:356`, `acled-actor:al shabaab`. */
  key: string;
  name: string;
  kind: ActorKind;
  /** The dataset's own ID, remembered in `externalIds` of the Parley actor (UCDP only: ACLED actors have none). */
  externalId?: { system: DatasetName; id: string };
}

/** A gazetteer point. Every attribute is part of the key, so imports only ever add places. */
export interface PlaceInput {
  key: string;
  name: string;
  kind: "COUNTRY" | "REGION" | "DISTRICT" | "SETTLEMENT";
  country: string;
  lat: number;
  lon: number;
}

/** A report (UCDP) or an outlet's reporting (ACLED). Keyed by its content, so imports only ever add sources. */
export interface SourceInput {
  key: string;
  title: string;
  publishedAt: string | null;
  outlet: DatasetActor | null;
}

export interface ClaimInput {
  /** `<event key>/<source key>`: the claims of an event share its key as prefix. */
  key: string;
  source: SourceInput;
  quote: string;
  speakerLabel: string | null;
  note: string | null;
}

/** One dataset row, mapped to Parley's vocabulary. */
export interface EventInput {
  key: string;
  type: EventType;
  title: string;
  summary: string;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  fatalitiesLow: number | null;
  fatalitiesBest: number | null;
  fatalitiesHigh: number | null;
  places: PlaceInput[];
  participants: { actor: DatasetActor; role: ParticipantRole }[];
  claims: ClaimInput[];
}

export interface RowProblem {
  field: string;
  message: string;
}

export type MappedRow = { ok: true; event: EventInput } | { ok: false; problems: RowProblem[] };

/** What a dataset contributes to the pipeline: header checks and the mapping of one row. */
export interface DatasetImporter<Layout extends string = string> {
  name: DatasetName;
  label: string;
  /** The column holding the row's dataset ID, named in duplicate-ID rejections. */
  idColumn: string;
  /** The columns every file of this dataset must have, as error messages list them. */
  requiredColumns: readonly string[];
  /** Tells the layout from the header, or what makes it no header of this dataset. */
  detectLayout(columns: string[]): { layout: Layout } | { problem: string };
  /** True for rows that describe the columns rather than an event (the HXL tag row of HDX files). */
  isMetaRow?(row: Record<string, string>): boolean;
  mapRow(row: Record<string, string>, layout: Layout): MappedRow;
}

/** The file is not what the command expects; thrown before anything is written. */
export class ImportHeaderError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}. Nothing was imported.`);
    this.name = "ImportHeaderError";
  }
}

/** What a batch did to one kind of record. */
export interface RecordTally {
  created: number;
  updated: number;
  deleted: number;
}

/** What a batch did to its rows' events. */
export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Where a batch's rows are staged (COPY into a staging table) and merged (SQL), each timed. */
export interface Staging {
  stage(table: string, rows: Iterable<(string | number | boolean | null)[]>): Promise<void>;
  sql<R extends QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
}
