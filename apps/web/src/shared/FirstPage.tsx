/** Says that a list shows only the first page of a longer connection: "Showing the first 100 of 240 events." */
export function FirstPageNotice({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="muted">
      Showing the first {shown} of {total} {what}.
    </p>
  );
}
