import Link from "next/link";

/**
 * Any address that is no page of Parley's. Our own rather than Next.js's default, which styles
 * itself with inline styles that the Content-Security-Policy (src/proxy.ts) does not allow.
 */
export default function NotFound() {
  return (
    <section className="notice" role="alert">
      <h1>No such page</h1>
      <p>
        Parley has no page at this address. The link may be mistyped. <Link href="/">Back to the events</Link>.
      </p>
    </section>
  );
}
