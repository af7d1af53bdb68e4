import { describe, expect, it } from "vitest";
import { acceptCandidateInput, eventCandidatePayload, updateCandidateInput } from "./candidates.ts";

describe("candidate review inputs", () => {
  it("takes an update's changes as exactly one of event, actor and citation", () => {
    expect(updateCandidateInput.safeParse({ id: "Q2FuZGlkYXRlOjE=", event: { title: "Talks" } }).success).toBe(true);
    expect(updateCandidateInput.safeParse({ id: "Q2FuZGlkYXRlOjE=" }).success).toBe(false);
    expect(updateCandidateInput.safeParse({ id: "Q2FuZGlkYXRlOjE=", event: {}, actor: { name: "TTP" } }).success).toBe(
      false,
    );
  });

  it("accepts a candidate with no changes, or with those of one kind", () => {
    expect(acceptCandidateInput.safeParse({ id: "Q2FuZGlkYXRlOjE=" }).success).toBe(true);
    expect(
      acceptCandidateInput.safeParse({
        id: "Q2FuZGlkYXRlOjE=",
        actor: { kind: "ARMED_GROUP" },
        citation: { name: "Dawn" },
      }).success,
    ).toBe(false);
  });

  it("refuses a stored event payload without a quote, or with a place off the globe", () => {
    const payload = {
      type: "NEGOTIATION",
      date: "2022-05-18",
      precision: "DAY",
      place: null,
      actors: [],
      quote: "Talks resumed.",
    };
    expect(eventCandidatePayload.safeParse(payload).success).toBe(true);
    expect(eventCandidatePayload.safeParse({ ...payload, quote: "" }).success).toBe(false);
    expect(
      eventCandidatePayload.safeParse({
        ...payload,
        place: { placeId: null, name: "Nowhere", country: "AF", kind: "SITE", lat: 91, lon: 0 },
      }).success,
    ).toBe(false);
  });
});
