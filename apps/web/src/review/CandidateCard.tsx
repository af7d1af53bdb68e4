import { ACTOR_KINDS, DATE_PRECISIONS, EVENT_TYPES, PARTICIPANT_ROLES } from "@parley/schema";
import Link from "next/link";
import { type FragmentOf, type ResultOf, readFragment } from "../graphql/tada.ts";
import { actorKindLabel, dateRangeLabel, eventTypeLabel, roleLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { ActionForm } from "./ActionForm.tsx";
import { accept, edit, merge, reject } from "./actions.ts";
import { CandidateFields } from "./candidate.fragment.ts";
import { KeyHint } from "./KeyHint.tsx";
import { localId } from "./ReportText.tsx";

type Candidate = ResultOf<typeof CandidateFields>;
type EventPayload = Extract<Candidate["payload"], { __typename: "EventCandidatePayload" }>;
export type Keys = Record<"accept" | "edit" | "reject" | "merge", string>;

/** An event candidate's actor: extraction names each known actor, and each new name, once. */
const actorKey = (a: EventPayload["actors"][number]) => (a.actor ? `actor:${a.actor.id}` : `name:${a.name}`);

const KIND_LABEL = { EVENT: "Event", ACTOR: "New actor", CITATION: "Cited outlet" } as const;

function EventFacts({ p }: { p: EventPayload }) {
  return (
    <dl className="facts">
      <dt>When</dt>
      <dd>
        {p.date ? (
          dateRangeLabel(p.date, p.endDate, p.precision ?? "DAY")
        ) : (
          <span className="warning">No date{p.unresolvedDate ? `: the report says “${p.unresolvedDate}”` : ""}</span>
        )}
      </dd>
      <dt>Where</dt>
      <dd>{p.place ? `${p.place.name} (${p.place.country})${p.place.place ? "" : " · new place"}` : "No place"}</dd>
      <dt>Who</dt>
      <dd>
        {p.actors.length === 0
          ? "No one named"
          : p.actors.map((a, i) => (
              <span key={actorKey(a)}>
                {i > 0 && ", "}
                {a.actor ? (
                  <Link href={href.actor(a.actor.id)}>{a.actor.name}</Link>
                ) : (
                  <span>
                    {a.name} <span className="muted">(new)</span>
                  </span>
                )}{" "}
                · {roleLabel(a.role ?? "PARTY")}
              </span>
            ))}
      </dd>
    </dl>
  );
}

function Options({ codes, labels }: { codes: readonly string[]; labels: Record<string, string> }) {
  return codes.map((code) => (
    <option key={code} value={code}>
      {labels[code]}
    </option>
  ));
}

function EditFields({ c }: { c: Candidate }) {
  const p = c.payload;
  if (p.__typename === "ActorCandidatePayload")
    return (
      <>
        <label>
          Name <input name="name" defaultValue={p.name} required />
        </label>
        <label>
          Kind{" "}
          <select name="actorKind" defaultValue={p.kind}>
            <Options codes={ACTOR_KINDS.codes} labels={ACTOR_KINDS.labels} />
          </select>
        </label>
      </>
    );
  if (p.__typename === "CitationCandidatePayload")
    return (
      <label>
        Outlet <input name="name" defaultValue={p.name} required />
      </label>
    );
  return (
    <>
      <label>
        Type{" "}
        <select name="type" defaultValue={p.type}>
          <Options codes={EVENT_TYPES.codes} labels={EVENT_TYPES.labels} />
        </select>
      </label>
      <label>
        Title <input name="title" defaultValue={p.title ?? ""} placeholder="made from the type and the sentence" />
      </label>
      <label>
        Date <input name="date" type="date" defaultValue={p.date ?? ""} />
      </label>
      <label>
        Precise to the{" "}
        <select name="precision" defaultValue={p.precision ?? "DAY"}>
          <Options codes={DATE_PRECISIONS.codes} labels={DATE_PRECISIONS.labels} />
        </select>
      </label>
      <label>
        Last day <input name="endDate" type="date" defaultValue={p.endDate ?? ""} />
      </label>
      {p.place && (
        <label className="check">
          <input type="checkbox" name="removePlace" /> No place (drop {p.place.name})
        </label>
      )}
      <input type="hidden" name="actors" value={String(p.actors.length)} />
      {p.actors.map((a, i) => (
        <fieldset key={actorKey(a)} className="edit-actor">
          <legend>{a.actor?.name ?? a.name}</legend>
          {a.actor && <input type="hidden" name={`actor.${i}.actorId`} value={a.actor.id} />}
          <input type="hidden" name={`actor.${i}.name`} value={a.name} />
          <input type="hidden" name={`actor.${i}.text`} value={a.text} />
          <input type="hidden" name={`actor.${i}.kind`} value={a.kind} />
          <label>
            Role{" "}
            <select name={`actor.${i}.role`} defaultValue={a.role ?? "PARTY"}>
              <Options codes={PARTICIPANT_ROLES.codes} labels={PARTICIPANT_ROLES.labels} />
            </select>
          </label>
          <label className="check">
            <input type="checkbox" name={`actor.${i}.remove`} /> Leave out
          </label>
        </fieldset>
      ))}
    </>
  );
}

function Reviewed({ c }: { c: Candidate }) {
  const record = c.recordId && (c.kind === "EVENT" ? href.event(c.recordId) : href.actor(c.recordId));
  return (
    <p className={`review-status status-${c.status.toLowerCase()}`}>
      {c.status === "ACCEPTED" ? "Accepted" : "Rejected"}
      {c.reviewer && <span className="muted"> by {c.reviewer.replace(/^token:\d+ /, "")}</span>}
      {record && (
        <>
          {" · "}
          <Link href={record}>{c.kind === "EVENT" ? "Open the event" : "Open the actor"}</Link>
        </>
      )}
    </p>
  );
}

/** One candidate: what it proposes, and while pending the forms to accept, edit, merge or reject it (shortcuts a, e, m, r). */
export function CandidateCard({
  data,
  keys,
  suggestions,
}: {
  data: FragmentOf<typeof CandidateFields>;
  keys: Keys;
  suggestions: { id: string; name: string }[];
}) {
  const c = readFragment(CandidateFields, data);
  const p = c.payload;
  const pending = c.status === "PENDING";
  const hidden = (key: string) => ({ id: c.id, key });
  const heading =
    p.__typename === "EventCandidatePayload"
      ? eventTypeLabel(p.type)
      : p.__typename === "ActorCandidatePayload"
        ? `${p.name} · ${actorKindLabel(p.kind)}`
        : p.name;
  return (
    <li
      id={`candidate-${localId(c.id)}`}
      className={`candidate kind-${c.kind.toLowerCase()}`}
      data-candidate={localId(c.id)}
      data-pending={pending ? "" : undefined}
      tabIndex={-1}
      aria-labelledby={`candidate-${localId(c.id)}-title`}
    >
      <h3 id={`candidate-${localId(c.id)}-title`}>
        <span className="candidate-kind">{KIND_LABEL[c.kind]}</span> {heading}
      </h3>
      {p.__typename === "EventCandidatePayload" && <EventFacts p={p} />}
      {p.__typename === "CitationCandidatePayload" && (
        <p>
          {p.outlet ? (
            <Link href={href.actor(p.outlet.id)}>{p.outlet.name}</Link>
          ) : (
            "An outlet Parley does not know yet"
          )}
        </p>
      )}
      {(p.__typename === "EventCandidatePayload" || p.__typename === "CitationCandidatePayload") && (
        <blockquote>{p.quote}</blockquote>
      )}
      <p>
        <a href={`#quote-${localId(c.id)}`} className="show-quote">
          Show in the report
        </a>
      </p>
      {!pending ? (
        <Reviewed c={c} />
      ) : (
        <div className="candidate-actions">
          <ActionForm
            action={accept}
            name="accept"
            hidden={hidden(keys.accept)}
            submit={c.kind === "ACTOR" ? "Accept as a new actor" : "Accept"}
            shortcut="a"
          >
            {p.__typename === "EventCandidatePayload" && !p.date && (
              <label>
                Date <input name="date" type="date" required />
              </label>
            )}
          </ActionForm>
          <ActionForm action={reject} name="reject" hidden={hidden(keys.reject)} submit="Reject" shortcut="r" />
          {c.kind === "ACTOR" && (
            <details data-action="merge">
              <summary>
                Merge into an existing actor <KeyHint>m</KeyHint>
              </summary>
              <ActionForm action={merge} name="merge" hidden={hidden(keys.merge)} submit="Merge">
                {suggestions.length > 0 && (
                  <label>
                    Actor{" "}
                    <select name="actorId">
                      {suggestions.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label>
                  or the link of its page <input name="actorLink" placeholder="/actors/…" />
                </label>
              </ActionForm>
            </details>
          )}
          <details data-action="edit">
            <summary>
              Edit <KeyHint>e</KeyHint>
            </summary>
            <ActionForm
              action={edit}
              name="edit"
              hidden={{ ...hidden(keys.edit), kind: c.kind }}
              submit="Save changes"
              className="edit-form"
            >
              <EditFields c={c} />
            </ActionForm>
          </details>
        </div>
      )}
    </li>
  );
}
