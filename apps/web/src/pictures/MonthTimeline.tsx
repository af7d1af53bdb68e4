"use client";

import { defined } from "@parley/schema/defined";
import { type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useMemo, useState } from "react";
import { useSearchSubmit } from "../search/SearchForm.tsx";
import { barPaths, CHART, MonthAxes, MonthTargets, monthX, plotWidth, RangeClip, RangeLayers } from "./MonthChart.tsx";
import { type Bucket, type Month, monthEnd, monthName, monthsOf } from "./months.ts";

/** The months that overlap the chosen dates, as indexes; null when no date is chosen. */
function chosenRange(months: Month[], from?: string, to?: string): [number, number] | null {
  if (!from && !to) return null;
  const inside = months
    .map((m, i) => ((!from || monthEnd(m.start) >= from) && (!to || m.start <= to) ? i : -1))
    .filter((i) => i >= 0);
  const [first, last] = [inside[0], inside.at(-1)];
  return first !== undefined && last !== undefined ? [first, last] : null;
}

interface Props {
  /** The search's histogram: the months with events (the empty ones between are filled in here). */
  buckets: Bucket[];
  from?: string;
  to?: string;
  /** The months' types, stacked over the grey totals: drawn by the server, streamed in when counted. */
  stacks?: ReactNode;
  /** What the colours mean. */
  legend?: ReactNode;
}

/**
 * Events per month, stacked by type. Drag across the months to choose a date range, or move the
 * start and end handles with the arrow keys and press Enter; the date fields in the filters are
 * the same range.
 */
export function MonthTimeline({ buckets, from, to, stacks, legend }: Props) {
  const months = useMemo(() => monthsOf(buckets), [buckets]);
  const submit = useSearchSubmit();
  const chosen = chosenRange(months, from, to);
  const [range, setRange] = useState<[number, number] | null>(chosen);
  const [drag, setDrag] = useState<number | null>(null);
  const n = months.length;
  useEffect(() => setRange(chosenRange(months, from, to)), [months, from, to]);

  const apply = ([a, b]: [number, number]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    submit([
      ["from", defined(months[lo]).start],
      ["to", monthEnd(defined(months[hi]).start)],
    ]);
  };
  const indexAt = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * CHART.width;
    return Math.min(n - 1, Math.max(0, Math.floor(((x - CHART.left) / plotWidth) * n)));
  };
  const shown: [number, number] | null = range ? [Math.min(...range), Math.max(...range)] : null;

  const handle = (end: 0 | 1) => {
    const value = range?.[end] ?? (end === 0 ? 0 : n - 1);
    const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
      const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -12, PageUp: 12 }[e.key];
      const next: [number, number] = range ? [...range] : [0, n - 1];
      if (step !== undefined) next[end] = Math.min(n - 1, Math.max(0, value + step));
      else if (e.key === "Home") next[end] = 0;
      else if (e.key === "End") next[end] = n - 1;
      else if (e.key === "Enter") return apply(next);
      else if (e.key === "Escape") return setRange(chosen);
      else return;
      e.preventDefault();
      setRange(next);
    };
    const x = monthX(end === 0 ? value : value + 1, n);
    return (
      <g
        role="slider"
        tabIndex={0}
        className="range-handle"
        aria-label={end === 0 ? "First month of the date range" : "Last month of the date range"}
        aria-valuemin={0}
        aria-valuemax={n - 1}
        aria-valuenow={value}
        aria-valuetext={monthName(defined(months[value]).start)}
        onKeyDown={onKeyDown}
      >
        <line x1={x} x2={x} y1={CHART.top - 4} y2={CHART.height - CHART.bottom} />
        <path d={`M${x - 4} ${CHART.top - 10}h8v9l-4 4l-4 -4Z`} />
      </g>
    );
  };

  return (
    <figure className="picture month-timeline">
      <div className={shown ? "chart-frame has-range" : "chart-frame"}>
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the chart and holds its two sliders. */}
        <svg
          viewBox={`0 0 ${CHART.width} ${CHART.height}`}
          className="histogram-bars"
          role="group"
          aria-label={`Events per month by type, ${monthName(defined(months[0]).start)} to ${monthName(defined(months[n - 1]).start)}`}
          onPointerDown={(e) => {
            if ((e.target as Element).closest(".range-handle")) return;
            const i = indexAt(e);
            e.currentTarget.setPointerCapture(e.pointerId);
            setDrag(i);
            setRange([i, i]);
          }}
          onPointerMove={(e) => drag !== null && setRange([drag, indexAt(e)])}
          onPointerUp={() => {
            if (drag !== null && range) apply(range);
            setDrag(null);
          }}
        >
          <MonthAxes months={months} />
          <RangeClip months={months} range={shown} />
          <RangeLayers
            paths={barPaths(months, [{ key: "total", count: (m) => m.total, base: () => 0 }])}
            fill={() => "#9aa3b2"}
          />
          <MonthTargets months={months} range={shown} />
          {handle(0)}
          {handle(1)}
        </svg>
        {stacks}
      </div>
      <figcaption>
        {legend}
        <span className="muted">
          Drag across the months to choose dates, or move the handles with the arrow keys and press Enter.
        </span>
      </figcaption>
    </figure>
  );
}
