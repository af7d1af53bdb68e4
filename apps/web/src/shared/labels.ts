import {
  ACTOR_KINDS,
  type DatePrecision,
  EVENT_OUTCOMES,
  EVENT_TYPES,
  formatPartialDate,
  PARTICIPANT_ROLES,
  POSITION_ISSUES,
  POSITION_KINDS,
} from "@parley/schema";

function labelOf<T extends string>(vocab: {
  schema: { safeParse(v: unknown): { success: boolean; data?: T } };
  labels: Record<T, string>;
}) {
  return (code: string) => {
    const parsed = vocab.schema.safeParse(code);
    return parsed.success ? vocab.labels[parsed.data as T] : code;
  };
}

export const eventTypeLabel = labelOf(EVENT_TYPES);
export const roleLabel = labelOf(PARTICIPANT_ROLES);
export const actorKindLabel = labelOf(ACTOR_KINDS);
export const outcomeLabel = labelOf(EVENT_OUTCOMES);
export const positionKindLabel = labelOf(POSITION_KINDS);
export const positionIssueLabel = labelOf(POSITION_ISSUES);

/** "9 November 2021 – 9 December 2021", "May 2022", "2007". */
export function dateRangeLabel(start: string, end: string | null | undefined, precision: string): string {
  const p = precision as DatePrecision;
  const first = formatPartialDate({ date: start, precision: p });
  if (!end || end === start) return first;
  return `${first} – ${formatPartialDate({ date: end, precision: p === "WEEK" ? "DAY" : p })}`;
}
