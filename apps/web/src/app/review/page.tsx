import type { Metadata } from "next";
import "../../review/review.css";
import { ReviewPage } from "../../review/ReviewPage.tsx";
import { SignIn } from "../../review/SignIn.tsx";
import { sessionToken } from "../../review/session.ts";

export const dynamic = "force-dynamic";
// Forms post with their Origin, which server actions check: under the site's no-referrer policy a
// form posted without JavaScript says \`Origin: null\`; same-origin still sends nothing to other sites.
export const metadata: Metadata = { title: "Review · Parley", robots: { index: false }, referrer: "same-origin" };

export default async function Review({ searchParams }: { searchParams: Promise<{ source?: string | string[] }> }) {
  const token = await sessionToken();
  if (!token) return <SignIn />;
  const { source } = await searchParams;
  return <ReviewPage token={token} sourceId={typeof source === "string" && source ? source : null} />;
}
