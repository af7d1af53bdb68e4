"use client";

import { ActorCombobox } from "../actors/ActorCombobox.tsx";
import { useSearchSubmit } from "./SearchForm.tsx";

/** The actor facet's finder: any spelling of a name; the actor picked joins the facet's chosen values. */
export function ActorFilter({ context }: { context: string }) {
  const submit = useSearchSubmit();
  return (
    <ActorCombobox
      label="Find an actor by any spelling"
      placeholder="Find an actor…"
      context={context}
      onPick={(m) => submit([["actor", m.id]])}
    />
  );
}
