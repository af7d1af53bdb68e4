"use client";

import { useRouter } from "next/navigation";
import { href } from "../shared/links.ts";
import { ActorCombobox } from "./ActorCombobox.tsx";

/** The actors page's finder: a match opens the actor's page; Enter lists every match. Without JavaScript it is a plain GET form. */
export function ActorFinder({ initial }: { initial: string }) {
  const router = useRouter();
  return (
    <search>
      <form method="get" action="/actors" className="actor-finder" onSubmit={(e) => e.preventDefault()}>
        <ActorCombobox
          label="Find an actor by any spelling"
          placeholder="Find an actor by any spelling: Tehreek, TTP, Qatar…"
          name="q"
          initial={initial}
          onPick={(m) => router.push(href.actor(m.id))}
          onEnter={(text) => router.push(`/actors?q=${encodeURIComponent(text)}`)}
        />
        <noscript>
          <button type="submit">Find</button>
        </noscript>
      </form>
    </search>
  );
}
