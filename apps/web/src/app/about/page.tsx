import type { Metadata } from "next";
import { AboutParley } from "../../about/About.tsx";
import { AboutPageQuery } from "../../about/about.query.ts";
import { env } from "../../env.ts";
import { getClient } from "../../graphql/client.ts";
import { ApiUnavailable } from "../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "About the data and its codebook" };

export default async function AboutPage() {
  const result = await getClient().query(AboutPageQuery, {}).toPromise();
  if (!result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  return <AboutParley data={result.data} apiUrl={env.PARLEY_PUBLIC_API_URL} />;
}
