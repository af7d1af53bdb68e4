import Link from "next/link";
import { sessionToken } from "./session.ts";

/** The header's link to /review, for editors signed in (the cookie is only ever set for an editor's or admin's token). */
export async function ReviewLink() {
  if (!(await sessionToken())) return null;
  return (
    <Link href="/review" className="site-link">
      Review
    </Link>
  );
}
