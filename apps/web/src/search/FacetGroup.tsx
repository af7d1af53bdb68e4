import type { ReactNode } from "react";
import { FacetCheckbox } from "./FacetCheckbox.tsx";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** How many values a facet shows before "more…". */
const SHOWN = 8;

const countFormat = new Intl.NumberFormat("en-GB");

function Value({ name, v, extra }: { name: string; v: FacetValue; extra?: ReactNode }) {
  return (
    <li>
      <label className={v.count === 0 && !v.selected ? "facet-empty" : undefined}>
        <FacetCheckbox
          name={name}
          value={v.value}
          selected={v.selected}
          label={`${v.label} ${v.count} ${v.count === 1 ? "result" : "results"}`}
        />
        <span className="facet-label">{v.label}</span>
        <span className="facet-count">{countFormat.format(v.count)}</span>
      </label>
      {extra}
    </li>
  );
}

interface Props {
  /** The URL parameter the boxes write. */
  name: string;
  legend: string;
  values: FacetValue[];
  /** Above the values: a finder, a note on how this facet combines with another. */
  children?: ReactNode;
  /** Beside a value: a menu of what else to do with it. */
  extra?: (v: FacetValue) => ReactNode;
}

/**
 * One facet: the chosen values first, then the most frequent, and the rest behind "more…" (a
 * disclosure, so it works without JavaScript) rather than in a small scroll box.
 */
export function FacetGroup({ name, legend, values, children, extra }: Props) {
  const legendId = `facet-${name}`;
  const chosen = values.filter((v) => v.selected);
  const others = values.filter((v) => !v.selected);
  const top = others.slice(0, Math.max(0, SHOWN - chosen.length));
  const rest = others.slice(top.length);
  return (
    <fieldset className="facet" aria-labelledby={legendId}>
      <legend id={legendId}>{legend}</legend>
      {children}
      {values.length === 0 ? (
        <p className="muted">None in these results.</p>
      ) : (
        <ul>
          {[...chosen, ...top].map((v) => (
            <Value key={v.value} name={name} v={v} extra={extra?.(v)} />
          ))}
          {rest.length > 0 && (
            <li className="facet-more">
              <details>
                <summary>
                  {rest.length} more…<span className="visually-hidden"> {legend.toLowerCase()} values</span>
                </summary>
                <ul>
                  {rest.map((v) => (
                    <Value key={v.value} name={name} v={v} extra={extra?.(v)} />
                  ))}
                </ul>
              </details>
            </li>
          )}
        </ul>
      )}
    </fieldset>
  );
}
