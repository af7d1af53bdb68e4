"use client";

import { useRef, useState } from "react";
import { useSearchSubmit } from "./SearchForm.tsx";

export interface Bucket {
  start: string;
  count: number;
}

const WIDTH = 280;
const HEIGHT = 70;

function monthEnd(start: string): string {
  const [y, m] = start.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Events per month as bars; drag across them (or click one) to narrow the date range. The two
 * date fields beside it are the same filter for keyboards and for pages without JavaScript.
 */
export function Histogram({ buckets, from, to }: { buckets: Bucket[]; from?: string; to?: string }) {
  const fromInput = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const submit = useSearchSubmit();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const barWidth = buckets.length > 0 ? WIDTH / buckets.length : WIDTH;

  const indexAt = (clientX: number, svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * WIDTH;
    return Math.min(buckets.length - 1, Math.max(0, Math.floor(x / barWidth)));
  };

  const apply = (a: number, b: number) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (!fromInput.current || !toInput.current) return;
    fromInput.current.value = buckets[lo]!.start;
    toInput.current.value = monthEnd(buckets[hi]!.start);
    submit();
  };

  const inRange = (i: number) => {
    if (drag) return i >= Math.min(drag.a, drag.b) && i <= Math.max(drag.a, drag.b);
    const s = buckets[i]!.start;
    return (!from || monthEnd(s) >= from) && (!to || s <= to);
  };

  return (
    <fieldset className="facet histogram" aria-labelledby="facet-dates">
      <legend id="facet-dates">Date</legend>
      {buckets.length > 0 && (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="histogram-bars"
          role="img"
          aria-label={`Events per month, ${buckets[0]!.start.slice(0, 7)} to ${buckets[buckets.length - 1]!.start.slice(0, 7)}. Drag across the bars to choose a range.`}
          onPointerDown={(e) => {
            const i = indexAt(e.clientX, e.currentTarget);
            e.currentTarget.setPointerCapture(e.pointerId);
            setDrag({ a: i, b: i });
          }}
          onPointerMove={(e) => drag && setDrag({ ...drag, b: indexAt(e.clientX, e.currentTarget) })}
          onPointerUp={() => {
            if (drag) apply(drag.a, drag.b);
            setDrag(null);
          }}
        >
          {buckets.map((b, i) => {
            const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (HEIGHT - 4));
            return (
              <rect key={b.start} x={i * barWidth + 0.5} y={HEIGHT - h} width={Math.max(1, barWidth - 1)} height={h} className={inRange(i) ? "bar in-range" : "bar"}>
                <title>{`${b.start.slice(0, 7)}: ${b.count} events`}</title>
              </rect>
            );
          })}
        </svg>
      )}
      <div className="date-fields">
        <label>
          From <input ref={fromInput} type="date" name="from" defaultValue={from} key={`from-${from ?? ""}`} />
        </label>
        <label>
          To <input ref={toInput} type="date" name="to" defaultValue={to} key={`to-${to ?? ""}`} />
        </label>
      </div>
    </fieldset>
  );
}
