import { segments } from "./highlight.ts";

/** The number in a global ID (`Candidate:12` → 12): short element IDs and fragment links. */
export const localId = (globalId: string) => atob(globalId).split(":")[1] ?? globalId;

/**
 * The report as stored, with each candidate's sentence (an event's, a citation's) or name (a new
 * actor's) marked; a mark names its candidates, so choosing a candidate lights up its words.
 */
export function ReportText({ text, marks }: { text: string; marks: { id: string; kind: string; words: string[] }[] }) {
  const kindOf = new Map(marks.map((m) => [m.id, m.kind.toLowerCase()]));
  const seen = new Set<string>();
  return (
    <section className="report-text" aria-label="The report's text">
      {segments(text, marks).map((piece) => {
        if (piece.candidates.length === 0) return <span key={piece.start}>{piece.text}</span>;
        const first = piece.candidates.filter((id) => !seen.has(id));
        for (const id of first) seen.add(id);
        const kinds = [...new Set(piece.candidates.map((id) => `mark-${kindOf.get(id)}`))].join(" ");
        return (
          <mark
            key={piece.start}
            className={kinds}
            data-candidates={piece.candidates.map(localId).join(" ")}
            id={first[0] ? `quote-${localId(first[0])}` : undefined}
          >
            {piece.text}
          </mark>
        );
      })}
    </section>
  );
}
