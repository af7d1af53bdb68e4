import { inject } from "vitest";

/** Asks the open API (not the web app's trusted-documents one) a question of the test's own. */
export async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(inject("apiUrl"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data)
    throw new Error(`the API refused a test's question: ${body.errors?.map((e) => e.message).join("; ")}`);
  return body.data;
}

/** An actor's global ID by its exact name. */
export async function actorId(name: string): Promise<string> {
  const data = await ask<{ actors: { edges: { node: { id: string; name: string } }[] } }>(
    `query($n: String) { actors(first: 100, nameContains: $n) { edges { node { id name } } } }`,
    { n: name },
  );
  const found = data.actors.edges.find((e) => e.node.name === name);
  if (!found) throw new Error(`no actor named ${name}`);
  return found.node.id;
}

export interface EventFacts {
  id: string;
  title: string;
  type: string;
  participants: { role: string; actor: { id: string } }[];
  places: { id: string; name: string; lat: number | null; lon: number | null }[];
  fatalities: { low: number | null; best: number | null; high: number | null } | null;
}

/** Every event of the database with what brute-force checks of a search need (the demo data has fewer than 100). */
export async function everyEvent(): Promise<EventFacts[]> {
  const data = await ask<{ events: { totalCount: number; edges: { node: EventFacts }[] } }>(
    `{ events(first: 100) { totalCount edges { node { id title type participants { role actor { id } } places { id name lat lon } fatalities { low best high } } } } }`,
  );
  if (data.events.totalCount > 100)
    throw new Error(`everyEvent() reads 100 events; the database has ${data.events.totalCount}`);
  return data.events.edges.map((e) => e.node);
}

/** Whether the actor took part in the event, in one of `roles` (any role when empty). */
export const tookPart = (event: EventFacts, actorId: string, roles: string[] = []) =>
  event.participants.some((p) => p.actor.id === actorId && (roles.length === 0 || roles.includes(p.role)));
