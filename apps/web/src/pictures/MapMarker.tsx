import { defined } from "@parley/schema/defined";
import type { Cluster } from "./clusters.ts";
import { MAP } from "./map-view.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Props {
  marker: Cluster & { sx: number; sy: number; r: number };
  named: boolean;
  selected: boolean;
  onChoose(): void;
}

/** One place, or a group of near places, as a circle that grows with its events; a button either way. */
export function MapMarker({ marker: m, named, selected, onChoose }: Props) {
  const [first, ...others] = m.places;
  const single = others.length === 0 ? defined(first) : null;
  const title = single
    ? `${single.name} (${single.country}): ${plural(single.count, "event", "events")}`
    : `${plural(m.places.length, "place", "places")} with ${plural(m.count, "event", "events")}: ${m.places.map((p) => p.name).join(", ")}`;
  const action = single ? (selected ? "already a filter" : "show only the events here") : "zoom in to them";
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group is one by role, focusable and worked by Enter and Space.
    <g
      className={`map-place${single ? "" : " map-cluster"}${selected ? " selected" : ""}`}
      role="button"
      tabIndex={0}
      aria-label={`${title}; ${action}`}
      onClick={onChoose}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onChoose();
        }
      }}
    >
      <title>{title}</title>
      <circle cx={m.sx} cy={m.sy} r={m.r} />
      {!single && (
        <text x={m.sx} y={m.sy + 4} textAnchor="middle" className="cluster-count">
          {m.count}
        </text>
      )}
      {named && (
        <Label x={m.sx} y={m.sy} r={m.r} text={single ? single.name : `${defined(first).name} +${others.length}`} />
      )}
    </g>
  );
}

/** A marker's name, to its right, or to its left where the right has no room. (Inside the marker's button, whose name is its aria-label.) */
function Label({ x, y, r, text }: { x: number; y: number; r: number; text: string }) {
  const left = x + r + 3 + text.length * 6.4 > MAP.width;
  return (
    <text x={left ? x - r - 3 : x + r + 3} y={y + 4} textAnchor={left ? "end" : "start"}>
      {text}
    </text>
  );
}
