/** A form field's trimmed text, or null when empty or missing. */
export function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The event's actors as the edit form lists them (`actor.<i>.<field>`), without the ones ticked for removal. */
function actorsOf(form: FormData) {
  const count = Number(text(form, "actors") ?? 0);
  return Array.from({ length: count }, (_, i) => i)
    .filter((i) => form.get(`actor.${i}.remove`) === null)
    .map((i) => ({
      actorId: text(form, `actor.${i}.actorId`),
      text: text(form, `actor.${i}.text`),
      name: text(form, `actor.${i}.name`) ?? "",
      kind: text(form, `actor.${i}.kind`),
      role: text(form, `actor.${i}.role`),
    }));
}

/** `updateCandidate`'s changes from the edit form of a candidate of its kind: what the form shows replaces the payload. */
export function editInput(form: FormData): object {
  switch (text(form, "kind")) {
    case "EVENT": {
      const date = text(form, "date");
      return {
        event: {
          type: text(form, "type"),
          title: text(form, "title"),
          date,
          precision: date ? (text(form, "precision") ?? "DAY") : null,
          endDate: text(form, "endDate"),
          ...(form.get("removePlace") !== null ? { place: null } : {}),
          actors: actorsOf(form),
        },
      };
    }
    case "ACTOR":
      return { actor: { name: text(form, "name") ?? "", kind: text(form, "actorKind") } };
    default:
      return { citation: { name: text(form, "name") ?? "" } };
  }
}

/** The actor to merge into: a pasted link to its page (or its ID) wins over the one chosen from the suggestions. */
export function mergeTarget(form: FormData): string | null {
  const pasted = text(form, "actorLink");
  if (pasted) {
    const fromLink = /\/actors\/([^/?#\s]+)/.exec(pasted)?.[1];
    return fromLink ? decodeURIComponent(fromLink) : pasted;
  }
  return text(form, "actorId");
}
