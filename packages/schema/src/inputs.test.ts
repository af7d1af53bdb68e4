import { describe, expect, it } from "vitest";
import { createClaimInput, createEventInput, formatIssuePath, updateClaimInput, updateEventInput } from "./index.ts";

function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
}

const event = { type: "CEASEFIRE", title: "Eid truce", startDate: "2022-05-01" };

describe("mutation inputs", () => {
  it("fills an event's defaults", () => {
    expect(createEventInput.parse(event)).toMatchObject({
      summary: "",
      datePrecision: "DAY",
      participants: [],
      placeIds: [],
      links: [],
    });
  });

  it("names the participant that repeats an actor's role", () => {
    const input = {
      ...event,
      participants: [
        { actorId: "a", role: "PARTY" },
        { actorId: "a", role: "PARTY" },
      ],
    };
    expect(problems(createEventInput.safeParse(input))).toEqual([
      "participants[1].role: gives this actor this role twice (as at index 0)",
    ]);
  });

  it("refuses an end before the start, also in a patch that gives both", () => {
    expect(problems(createEventInput.safeParse({ ...event, endDate: "2022-04-30" }))).toEqual([
      "endDate: must not be before `startDate`",
    ]);
    expect(
      problems(updateEventInput.safeParse({ id: "e", version: 1, startDate: "2022-05-02", endDate: "2022-05-01" })),
    ).toHaveLength(1);
    expect(updateEventInput.safeParse({ id: "e", version: 1, endDate: "2022-05-01" }).success).toBe(true);
  });

  it("checks fatalities, dates and lengths with the data files' rules", () => {
    const input = { ...event, title: " ", startDate: "2022-02-30", fatalities: { low: 5, high: 2 } };
    expect(problems(createEventInput.safeParse(input)).map((p) => p.split(":")[0])).toEqual([
      "title",
      "startDate",
      "fatalities.low",
    ]);
  });

  it("wants a claim about exactly one of an event, an actor and a position, and one kind of speaker", () => {
    const claim = { sourceId: "s", quote: "We agreed." };
    expect(problems(createClaimInput.safeParse(claim))[0]).toMatch(/^eventId: give exactly one/);
    expect(problems(createClaimInput.safeParse({ ...claim, eventId: "e", actorId: "a" }))[0]).toMatch(/^eventId:/);
    expect(problems(createClaimInput.safeParse({ ...claim, positionId: "p", actorId: "a" }))[0]).toMatch(/^eventId:/);
    expect(createClaimInput.safeParse({ ...claim, positionId: "p" }).success).toBe(true);
    expect(
      problems(createClaimInput.safeParse({ ...claim, eventId: "e", speakerId: "x", speakerLabel: "an official" }))[0],
    ).toMatch(/^speakerLabel:/);
    expect(createClaimInput.parse({ ...claim, eventId: "e" }).stance).toBe("ASSERTS");
  });

  it("lets a claim patch leave the target alone but not clear it", () => {
    expect(updateClaimInput.safeParse({ id: "c", version: 2, quote: "We agreed." }).success).toBe(true);
    expect(updateClaimInput.safeParse({ id: "c", version: 2, eventId: null }).success).toBe(false);
    expect(problems(updateClaimInput.safeParse({ id: "c", version: 0 }))[0]).toMatch(/^version:/);
  });
});
