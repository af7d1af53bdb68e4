import { TypeSwatch } from "../shared/TypeSwatch.tsx";

/** The event types of a picture, each by its colour. */
export function TypeLegend({ types, labels }: { types: string[]; labels: Record<string, string> }) {
  if (types.length === 0) return null;
  return (
    <ul className="legend" aria-label="Event types">
      {types.map((t) => (
        <li key={t}>
          <TypeSwatch type={t} /> {labels[t] ?? t}
        </li>
      ))}
    </ul>
  );
}
