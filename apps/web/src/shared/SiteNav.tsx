"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "Search" },
  { href: "/processes", label: "Processes" },
  { href: "/actors", label: "Actors" },
  { href: "/sources", label: "Sources" },
  { href: "/positions", label: "Positions" },
] as const;

/** Where a path belongs: `/actors/…` is in Actors; the search is only `/` and the event pages it leads to. */
function sectionOf(pathname: string): string {
  if (pathname === "/" || pathname.startsWith("/events/")) return "/";
  if (pathname === "/about") return "/about";
  return SECTIONS.find((s) => s.href !== "/" && (pathname === s.href || pathname.startsWith(`${s.href}/`)))?.href ?? "";
}

/** The site's sections, the current one marked; the API's GraphiQL and About close the list. */
export function SiteNav({ apiUrl }: { apiUrl: string }) {
  const current = sectionOf(usePathname());
  return (
    <nav className="site-nav" aria-label="Site">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={current === s.href ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
        <li>
          <a href={apiUrl}>
            API <span className="muted">(GraphiQL)</span>
          </a>
        </li>
        <li>
          <Link href="/about" aria-current={current === "/about" ? "page" : undefined}>
            About
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** The first thing a keyboard reaches: on the search page it skips the filters to the results. */
export function SkipLink() {
  const onSearch = usePathname() === "/";
  return (
    <a className="skip-link" href={onSearch ? "#results" : "#main"}>
      {onSearch ? "Skip to results" : "Skip to content"}
    </a>
  );
}
