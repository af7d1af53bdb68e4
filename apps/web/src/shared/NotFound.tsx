import Link from "next/link";

export function RecordNotFound({ what }: { what: string }) {
  return (
    <section className="notice" role="alert">
      <h1>No such {what}</h1>
      <p>
        Parley has no {what} with this ID. It may have been deleted, or the link may be mistyped.{" "}
        <Link href="/">Back to the events</Link>.
      </p>
    </section>
  );
}
