import type { Metadata } from "next";
import "../../../../review/review.css";
import { notFound, redirect } from "next/navigation";
import { makeClient } from "../../../../graphql/client.ts";
import { localId } from "../../../../review/ReportText.tsx";
import { CandidateSourceQuery } from "../../../../review/review.query.ts";
import { SignIn } from "../../../../review/SignIn.tsx";
import { sessionToken } from "../../../../review/session.ts";

export const dynamic = "force-dynamic";
// Forms post with their Origin, which server actions check: under the site's no-referrer policy a
// form posted without JavaScript says \`Origin: null\`; same-origin still sends nothing to other sites.
export const metadata: Metadata = { title: "Review · Parley", robots: { index: false }, referrer: "same-origin" };

/** A candidate's own address: its report in /review, scrolled to it; for anyone not signed in, the sign-in and nothing of the candidate. */
export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const token = await sessionToken();
  if (!token) return <SignIn />;
  const id = decodeURIComponent((await params).id);
  const result = await makeClient({ token })
    .query(CandidateSourceQuery, { id }, { requestPolicy: "network-only" })
    .toPromise();
  if (result.error?.graphQLErrors.some((e) => e.extensions?.code === "FORBIDDEN"))
    return <SignIn notice="Your sign-in no longer works: sign in again." />;
  const node = result.data?.node;
  if (!node || !("source" in node) || !node.source) notFound();
  redirect(`/review?source=${encodeURIComponent(node.source.id)}#candidate-${localId(id)}`);
}
