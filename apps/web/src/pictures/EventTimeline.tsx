import { EVENT_TYPES } from "@parley/schema";
import { eventTypeLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";

export interface TimelineEvent {
  id: string;
  title: string;
  type: string;
  startDate: string;
  endDate: string | null;
}

const WIDTH = 720;
const LANE = 16;
const AXIS = 24;
const DAY = 86_400_000;

const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Spans (ceasefires, talks) as bars from start to end, single-day events as dots, colour by type. */
export function EventTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return null;
  const items = events
    .map((e) => ({ ...e, start: time(e.startDate), end: e.endDate ? time(e.endDate) + DAY : time(e.startDate) + DAY }))
    .sort((a, b) => a.start - b.start);
  const min = Math.min(...items.map((e) => e.start));
  const max = Math.max(...items.map((e) => e.end));
  const span = Math.max(max - min, 30 * DAY);
  const x = (t: number) => 8 + ((t - min) / span) * (WIDTH - 16);

  // Greedy lanes: each item goes to the first lane free at its start (with room for a dot).
  const laneEnds: number[] = [];
  const placed = items.map((item) => {
    const right = Math.max(x(item.end), x(item.start) + 10);
    let lane = laneEnds.findIndex((end) => end + 2 < x(item.start));
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = right;
    return { ...item, lane };
  });
  const height = laneEnds.length * LANE + AXIS + 8;

  const firstYear = new Date(min).getUTCFullYear();
  const lastYear = new Date(max).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 10));
  const years: number[] = [];
  for (let y = firstYear + 1; y <= lastYear; y += step) years.push(y);
  const typesShown = EVENT_TYPES.codes.filter((t) => items.some((i) => i.type === t));

  return (
    <figure className="picture">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="timeline-caption" className="event-timeline">
        {years.map((y) => {
          const tx = x(Date.UTC(y, 0, 1));
          return (
            <g key={y} className="timeline-tick">
              <line x1={tx} x2={tx} y1={0} y2={height - AXIS + 4} />
              <text x={tx + 3} y={height - 8}>
                {y}
              </text>
            </g>
          );
        })}
        {placed.map((e) => {
          const y = e.lane * LANE + 4;
          const x1 = x(e.start);
          const w = x(e.end) - x1;
          return (
            <a key={e.id} href={href.event(e.id)} className={`timeline-item type-${e.type.toLowerCase()}`}>
              <title>{`${e.title} (${eventTypeLabel(e.type)}, ${e.startDate}${e.endDate && e.endDate !== e.startDate ? ` – ${e.endDate}` : ""})`}</title>
              {w > 6 ? <rect x={x1} y={y} width={w} height={LANE - 6} rx={3} /> : <circle cx={x1 + 3} cy={y + (LANE - 6) / 2} r={5} />}
            </a>
          );
        })}
      </svg>
      <figcaption id="timeline-caption">
        {items.length} {items.length === 1 ? "event" : "events"} over time; bars run from start to end.{" "}
        <span className="legend">
          {typesShown.map((t) => (
            <span key={t} className={`legend-item type-${t.toLowerCase()}`}>
              {EVENT_TYPES.labels[t]}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
