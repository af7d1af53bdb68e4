import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { env } from "../env.ts";
import { ReviewLink } from "../review/ReviewLink.tsx";
import { SiteNav, SkipLink } from "../shared/SiteNav.tsx";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Events, actors and sources of conflicts and peace processes, with provenance and faceted search.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the not-found page too, is rendered per request, so that Next.js can put the
  // request's CSP nonce (src/proxy.ts) on its inline scripts; a prerendered page would have none.
  await connection();
  return (
    <html lang="en">
      <body>
        <SkipLink />
        <header className="site-header">
          <Link href="/" className="site-name">
            Parley
          </Link>
          <SiteNav apiUrl={env.PARLEY_PUBLIC_API_URL} />
          <ReviewLink />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
