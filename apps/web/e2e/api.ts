import { inject } from "vitest";

/** Asks the open API (not the web app's trusted-documents one) a question of the test's own. */
export async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(inject("apiUrl"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(`the API refused a test's question: ${body.errors?.map((e) => e.message).join("; ")}`);
  return body.data;
}

/** An actor's global ID by its exact name. */
export async function actorId(name: string): Promise<string> {
  const data = await ask<{ actors: { edges: { node: { id: string; name: string } }[] } }>(`query($n: String) { actors(first: 100, nameContains: $n) { edges { node { id name } } } }`, { n: name });
  const found = data.actors.edges.find((e) => e.node.name === name);
  if (!found) throw new Error(`no actor named ${name}`);
  return found.node.id;
}
