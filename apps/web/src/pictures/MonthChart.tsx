import { defined } from "@parley/schema/defined";
import { typeColour } from "../shared/type-colours.ts";
import { countTicks, type Month, timeTicks } from "./months.ts";

export const CHART = { width: 420, height: 170, left: 30, right: 8, top: 18, bottom: 24 };
export const plotWidth = CHART.width - CHART.left - CHART.right;
const plotHeight = CHART.height - CHART.top - CHART.bottom;

/** Where month `i` of `n` starts, in the chart's units. */
export const monthX = (i: number, n: number) => CHART.left + (i / n) * plotWidth;

/** The count axis for these months: its round steps and where a count sits. */
export function countScale(months: Month[]) {
  const ticks = countTicks(Math.max(...months.map((m) => m.total)));
  const top = defined(ticks.at(-1));
  return { ticks, y: (v: number) => CHART.top + plotHeight - (v / top) * plotHeight };
}

/** Each series' bars, one SVG path per series (few elements for many months): `count(month)` high, stacked on `base(month)`. */
export function barPaths(months: Month[], series: { key: string; count(m: Month): number; base(m: Month): number }[]) {
  const { y } = countScale(months);
  const width = plotWidth / months.length;
  const inset = Math.min(0.5, width * 0.1);
  const w = Math.max(0.6, width - 2 * inset);
  return series.map(({ key, count, base }) => ({
    key,
    d: months
      .map((m, i) => {
        const c = count(m);
        if (c <= 0) return "";
        const x = monthX(i, months.length) + inset;
        return `M${x.toFixed(1)} ${y(base(m) + c).toFixed(1)}h${w.toFixed(1)}V${y(base(m)).toFixed(1)}h${(-w).toFixed(1)}Z`;
      })
      .join(""),
  }));
}

/** Series drawn twice: faded everywhere, and whole inside the chosen range (the chart's clip path); CSS shows which applies. */
export function RangeLayers({ paths, fill }: { paths: { key: string; d: string }[]; fill(key: string): string }) {
  const layer = (className: string, clip?: string) => (
    <g className={className} clipPath={clip}>
      {paths
        .filter((p) => p.d)
        .map((p) => (
          <path key={p.key} d={p.d} fill={fill(p.key)} />
        ))}
    </g>
  );
  return (
    <>
      {layer("layer-all")}
      {layer("layer-range", "url(#chart-range)")}
    </>
  );
}

/**
 * The months' types stacked, biggest type at the bottom, each in its colour: an SVG of its own laid
 * over the chart, because React streams a Suspense boundary inside an SVG with an inline style,
 * which the Content-Security-Policy refuses.
 */
export function TypeStacks({ months, types }: { months: Month[]; types: string[] }) {
  const series = types.map((type, i) => ({
    key: type,
    count: (m: Month) => m.byType[type] ?? 0,
    base: (m: Month) => types.slice(0, i).reduce((n, t) => n + (m.byType[t] ?? 0), 0),
  }));
  return (
    <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} className="chart-overlay" aria-hidden="true" focusable="false">
      <RangeLayers paths={barPaths(months, series)} fill={typeColour} />
    </svg>
  );
}

/** The labelled count axis (with its gridlines) and time axis. */
export function MonthAxes({ months }: { months: Month[] }) {
  const { ticks, y } = countScale(months);
  const n = months.length;
  return (
    // The bars' titles say each month's count; the axis labels would only repeat them to a screen reader.
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> without tabindex is not focusable.
    <g className="chart-axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={CHART.left}
            x2={CHART.width - CHART.right}
            y1={y(t)}
            y2={y(t)}
            className={t === 0 ? "axis-base" : "gridline"}
          />
          <text x={CHART.left - 5} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      <text x={CHART.width - CHART.right} y={10} textAnchor="end" className="axis-title">
        Events per month
      </text>
      {timeTicks(months).map((t) => (
        <g key={t.index}>
          <line
            x1={monthX(t.index, n)}
            x2={monthX(t.index, n)}
            y1={CHART.top + plotHeight}
            y2={CHART.top + plotHeight + (t.major ? 6 : 3)}
            className="axis-base"
          />
          {t.label && (
            <text x={monthX(t.index, n)} y={CHART.height - 6} textAnchor={t.index === 0 ? "start" : "middle"}>
              {t.label}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

/**
 * One rect per month with events, the chart's height: its title says the month's count. The chart's
 * only rects; the months without events need none (the pointer is read off the whole chart).
 */
export function MonthTargets({ months, range }: { months: Month[]; range: [number, number] | null }) {
  const n = months.length;
  return months.map((m, i) =>
    m.total === 0 ? null : (
      <rect
        key={m.start}
        className={range && i >= range[0] && i <= range[1] ? "bar in-range" : "bar"}
        x={monthX(i, n)}
        y={CHART.top}
        width={plotWidth / n}
        height={plotHeight}
        fill="transparent"
      >
        <title>{`${m.start.slice(0, 7)}: ${m.total} ${m.total === 1 ? "event" : "events"}`}</title>
      </rect>
    ),
  );
}

/** The clip path of the chosen months (a path: every rect of the chart is a month). */
export function RangeClip({ months, range }: { months: Month[]; range: [number, number] | null }) {
  const n = months.length;
  return (
    <clipPath id="chart-range">
      {range && (
        <path d={`M${monthX(range[0], n)} 0H${monthX(range[1] + 1, n)}V${CHART.height}H${monthX(range[0], n)}Z`} />
      )}
    </clipPath>
  );
}
