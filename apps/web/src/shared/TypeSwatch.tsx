import { typeColour } from "./type-colours.ts";

/** A small square in an event type's colour (an SVG fill: the CSP allows no inline styles). */
export function TypeSwatch({ type, round = false }: { type: string; round?: boolean }) {
  return (
    <svg className="type-swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
      {round ? (
        <circle cx="5" cy="5" r="4.5" fill={typeColour(type)} />
      ) : (
        <rect x="0.5" y="0.5" width="9" height="9" rx="1.5" fill={typeColour(type)} />
      )}
    </svg>
  );
}
