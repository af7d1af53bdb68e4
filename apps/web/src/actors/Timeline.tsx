import Link from "next/link";
import { dateRangeLabel, eventTypeLabel, roleLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { TypeSwatch } from "../shared/TypeSwatch.tsx";

export interface TimelineItem {
  id: string;
  title: string;
  type: string;
  startDate: string;
  endDate: string | null;
  datePrecision: string;
  role: string;
}

/** An actor's events in time order, one row per event, its roles beside it. */
export function ActorTimeline({ items }: { items: TimelineItem[] }) {
  const byEvent = new Map<string, TimelineItem & { roles: string[] }>();
  for (const item of items) {
    const row = byEvent.get(item.id) ?? { ...item, roles: [] };
    row.roles.push(item.role);
    byEvent.set(item.id, row);
  }
  const rows = [...byEvent.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
  let year = "";
  return (
    <ol className="timeline" aria-label="Events over time">
      {rows.map((row) => {
        const rowYear = row.startDate.slice(0, 4);
        const showYear = rowYear !== year;
        year = rowYear;
        return (
          <li key={row.id} className="timeline-row">
            <span className="timeline-year" aria-hidden={!showYear}>
              {showYear ? rowYear : ""}
            </span>
            <span className="timeline-dot">
              <TypeSwatch type={row.type} round />
            </span>
            <span className="timeline-body">
              <time dateTime={row.startDate}>{dateRangeLabel(row.startDate, row.endDate, row.datePrecision)}</time>{" "}
              <Link href={href.event(row.id)}>{row.title}</Link>{" "}
              <span className="muted">
                {eventTypeLabel(row.type)} · as {row.roles.map(roleLabel).join(", ")}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
