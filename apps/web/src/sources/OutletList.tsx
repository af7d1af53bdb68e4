import Link from "next/link";

interface Outlet {
  id: string;
  name: string;
  country: string | null;
}

/** The outlets as a filter of the reports: each with the events its reports support. */
export function OutletList({
  outlets,
  citing,
  current,
}: {
  outlets: Outlet[];
  citing: Map<string, number>;
  current: string | null;
}) {
  return (
    <nav className="outlet-list" aria-label="Outlets">
      <h2>Outlets</h2>
      <ul>
        <li>
          <Link href="/sources" aria-current={current === null ? "page" : undefined}>
            Every outlet
          </Link>
        </li>
        {outlets.map((o) => (
          <li key={o.id}>
            <Link
              href={`/sources?outlet=${encodeURIComponent(o.id)}`}
              aria-current={current === o.id ? "page" : undefined}
            >
              {o.name}
            </Link>{" "}
            <span className="muted">
              {citing.has(o.id) ? `${citing.get(o.id)} ${citing.get(o.id) === 1 ? "event" : "events"}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
