import Link from "next/link";
import { href } from "../shared/links.ts";

/** The two ways into a position: its quotes and sources, and how it changed over time. */
export function PositionLinks({ id, quotes, summary }: { id: string; quotes: number; summary: string }) {
  return (
    <span className="position-links">
      <Link href={`${href.position(id)}#evidence`} aria-label={`Evidence for: ${summary}`}>
        {quotes === 1 ? "1 quote" : `${quotes} quotes`}
      </Link>
      {" · "}
      <Link href={`${href.position(id)}#changes`} aria-label={`Changes over time: ${summary}`}>
        changes
      </Link>
    </span>
  );
}
