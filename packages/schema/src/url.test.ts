import { describe, expect, it } from "vitest";
import { defined } from "./defined.ts";
import {
  encodeGlobalId,
  FACET_FIELDS,
  FACET_FILTERS,
  participantParam,
  type SearchState,
  searchEventsSchema,
  searchStateFromParams,
  searchStateToParams,
} from "./index.ts";

const ttp = encodeGlobalId("Actor", 12);
const qatar = encodeGlobalId("Actor", 4);
const place = encodeGlobalId("Place", 3);

describe("participants in the URL", () => {
  it("round-trip as p=<actor ID>:ROLE,ROLE, one entry per parameter, any role without a colon", () => {
    const state: SearchState = {
      query: "",
      filter: { participants: [{ actorId: ttp, roles: ["MEDIATOR", "HOST"] }, { actorId: qatar }] },
      sort: "RELEVANCE",
      after: null,
    };
    const params = searchStateToParams(state);
    expect(params.getAll("p")).toEqual([`${ttp}:MEDIATOR,HOST`, qatar]);
    expect(searchStateFromParams(new URLSearchParams(params.toString()))).toEqual({ state, problems: [], issues: [] });
  });

  it("leaves out an entry with a malformed actor ID or an unknown role, names why, and keeps the rest", () => {
    const { state, issues, problems } = searchStateFromParams({
      p: [`${ttp}:MEDIATOR`, "notanid:PARTY", `${qatar}:MEDAITOR,HOST`, `${place}`, qatar],
      type: "CEASEFIRE",
    });
    expect(state.filter).toEqual({
      types: ["CEASEFIRE"],
      participants: [{ actorId: ttp, roles: ["MEDIATOR"] }, { actorId: qatar }],
    });
    expect(issues).toEqual([
      { key: "p", value: "notanid:PARTY", message: '"notanid" is not the ID of an actor' },
      {
        key: "p",
        value: `${qatar}:MEDAITOR,HOST`,
        message: expect.stringMatching(/^"MEDAITOR" is not a role \(use PARTY, MEDIATOR, /),
      },
      { key: "p", value: place, message: `"${place}" is not the ID of an actor` },
    ]);
    expect(problems).toEqual(["ignored p=notanid:PARTY", `ignored p=${qatar}:MEDAITOR,HOST`, `ignored p=${place}`]);
  });

  it("writes one entry as the page's role menu and dyad picker add it, and reads it back", () => {
    expect(participantParam({ actorId: ttp, roles: ["MEDIATOR"] })).toBe(`${ttp}:MEDIATOR`);
    expect(participantParam({ actorId: qatar, roles: [] })).toBe(qatar);
    const { state } = searchStateFromParams({
      p: [participantParam({ actorId: ttp, roles: ["MEDIATOR"] }), participantParam({ actorId: qatar })],
    });
    expect(state.filter.participants).toEqual([{ actorId: ttp, roles: ["MEDIATOR"] }, { actorId: qatar }]);
  });

  it("keeps the first ten entries and reports the others", () => {
    const values = Array.from({ length: 12 }, (_, i) => encodeGlobalId("Actor", i + 1));
    const { state, issues } = searchStateFromParams({ p: values });
    expect(state.filter.participants).toHaveLength(10);
    expect(issues.map((i) => i.value)).toEqual(values.slice(10));
  });
});

describe("facet values in the URL", () => {
  it("leaves out an actor, place or outlet that is not the ID of one", () => {
    const { state, issues } = searchStateFromParams({
      actor: ["notanid", ttp, place],
      place: [place, ttp],
      outlet: "x",
    });
    expect(state.filter).toEqual({ actorIds: [ttp], placeIds: [place] });
    expect(issues.map((i) => `${i.key}=${i.value}: ${i.message}`)).toEqual([
      "actor=notanid: is not the ID of an actor",
      `actor=${place}: is not the ID of an actor`,
      `place=${ttp}: is not the ID of a place`,
      "outlet=x: is not the ID of an actor",
    ]);
  });

  it("has one filter field and one parameter for every facet", () => {
    expect(Object.keys(FACET_FILTERS)).toEqual(FACET_FIELDS.codes);
    const params = Object.values(FACET_FILTERS).map((f) => f.param);
    expect(new Set(params).size).toBe(params.length);
  });

  it("pages backwards with `before`, and a link with both cursors keeps `after`", () => {
    expect(searchStateFromParams({ before: "abc" }).state).toMatchObject({ after: null, before: "abc" });
    expect(searchStateToParams({ before: "abc" }).toString()).toBe("before=abc");
    const both = searchStateFromParams({ after: "x", before: "y" });
    expect(both.state).toMatchObject({ after: "x" });
    expect(both.state.before).toBeUndefined();
    expect(both.issues.map((i) => i.key)).toEqual(["before"]);
  });
});

describe("searchEvents arguments", () => {
  it("page forward by default, backward with `last` or `before`, and take 0 for counts only", () => {
    expect(searchEventsSchema.parse({})).toMatchObject({ first: 20, last: undefined });
    expect(searchEventsSchema.parse({ before: "c" })).toMatchObject({ first: undefined, last: 20 });
    expect(searchEventsSchema.parse({ last: 5 })).toMatchObject({ first: undefined, last: 5 });
    expect(searchEventsSchema.parse({ first: 0 })).toMatchObject({ first: 0 });
  });

  it("refuse paging both ways at once, naming the argument as connections do", () => {
    const refused = (input: object) =>
      defined(searchEventsSchema.safeParse(input).error).issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(refused({ first: 5, last: 5 })).toEqual([
      "last: `first` and `last` cannot be given together: page forward with `first` (and `after`) or backward with `last` (and `before`)",
    ]);
    expect(refused({ after: "a", before: "b" })).toEqual([
      "before: `after` and `before` cannot be given together: page forward from `after` or backward from `before`",
    ]);
    expect(refused({ first: 5, before: "b" })).toEqual([
      "before: `before` pages backward: give it with `last`, or page forward with `first` and `after`",
    ]);
    expect(refused({ last: 5, after: "a" })).toEqual([
      "after: `after` pages forward: give it with `first`, or page backward with `last` and `before`",
    ]);
  });

  it("bound participants at ten entries, each with known roles", () => {
    const entry = { actorId: ttp, roles: ["MEDIATOR"] };
    expect(searchEventsSchema.safeParse({ filter: { participants: Array(10).fill(entry) } }).success).toBe(true);
    expect(
      searchEventsSchema.safeParse({ filter: { participants: Array(11).fill(entry) } }).error?.issues[0]?.message,
    ).toBe("may list at most 10 values; got 11");
    expect(
      searchEventsSchema.safeParse({ filter: { participants: [{ actorId: ttp, roles: ["PICNIC"] }] } }).success,
    ).toBe(false);
  });
});
