/** What a hand-edited or outdated link asked for that could not be read, and was left out. */
export function LinkProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <p className="notice notice-warning" role="alert">
      Parts of this link could not be read and were left out: {problems.join("; ")}.
    </p>
  );
}
