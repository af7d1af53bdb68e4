/**
 * ACLED's current CSV layout: its columns in ACLED's order, then Parley's own `third_parties`. The
 * importer reads it, the exporter and the corpus generator write it.
 */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
  "third_parties",
] as const;

/** The columns of ACLED's own layout, without Parley's. */
export const ACLED_SOURCE_COLUMNS = ACLED_COLUMNS.filter((c) => c !== "third_parties");
