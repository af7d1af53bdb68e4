import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import type { EventCandidate } from "../src/candidates.ts";
import { findDates } from "../src/dates.ts";
import { extractCandidates } from "../src/extract.ts";
import type { Knowledge } from "../src/knowledge.ts";

const knowledge: Knowledge = {
  actors: [
    { id: 1, name: "Tehrik-i-Taliban Pakistan", kind: "ARMED_GROUP", country: "PK", names: ["TTP"] },
    { id: 2, name: "Afghan Taliban", kind: "GOVERNMENT", country: "AF", names: ["Afghan Taliban", "Taliban"] },
    { id: 3, name: "Government of Pakistan", kind: "GOVERNMENT", country: "PK", names: ["Government of Pakistan"] },
    { id: 4, name: "Qatar", kind: "GOVERNMENT", country: "QA", names: ["Qatar"] },
    { id: 5, name: "Turkey", kind: "GOVERNMENT", country: "TR", names: ["Turkey", "Türkiye"] },
  ],
  places: [],
};
const on = (text: string, published: string | null = "2024-03-15") => extractCandidates(text, published, knowledge);
const types = (text: string) => on(text).events.map((e) => e.type);
const roleOf = (event: EventCandidate | undefined, name: string) =>
  defined(event).actors.find((a) => a.name === name || a.text === name)?.role;

describe("event sentences, as reports phrase them", () => {
  it("reads a humanitarian pause as a ceasefire", () => {
    expect(types("Both armies observed a humanitarian pause in Marawi on Monday.")).toContain("CEASEFIRE");
  });

  it("reads captives freed as a release, in the place they were freed from", () => {
    const release = on("Twelve captives were freed from Gaza on Monday.").events.find(
      (e) => e.type === "PRISONER_RELEASE",
    );
    expect(release?.place?.name).toBe("Gaza");
  });

  it("reads no arrest in an arrest warrant", () => {
    expect(types("The rebel leader attended the signing although an arrest warrant was out for him.")).not.toContain(
      "ARREST",
    );
  });

  it("reads a minister meeting his counterpart as talks", () => {
    expect(types("The Malian foreign minister met his Algerian counterpart in Algiers on Sunday.")).toContain(
      "NEGOTIATION",
    );
  });

  it("reads no truce in talks held to work one out, nor in a truce being considered or revived", () => {
    expect(types("The delegations met in Oslo on Monday to work out a truce.")).toEqual(["NEGOTIATION"]);
    expect(types("The two sides are considering a prisoner swap.")).not.toContain("PRISONER_RELEASE");
    expect(types("Envoys arrived on Monday for meetings on reviving the stalled ceasefire.")).not.toContain(
      "CEASEFIRE",
    );
  });

  it("reads no attack in attacks that have stopped", () => {
    expect(types("The militia returned the town in May and stopped its rocket attacks.")).not.toContain("ATTACK");
    expect(types("Gunmen attacked a checkpoint in Gao on Monday.")).toContain("ATTACK");
  });

  it("reads the mediation that brought a truce about as no talks of their own, but keeps talks named as such", () => {
    expect(types("With Norway's mediation, the two sides signed a truce on Monday.")).toEqual(["CEASEFIRE"]);
    expect(types("The two sides signed a truce on Monday after talks mediated by Norway.")).toEqual([
      "CEASEFIRE",
      "NEGOTIATION",
    ]);
  });

  it("reads no agreement one side refused to sign, and no attack only supposed", () => {
    expect(types("The delegation agreed with the proposal but refused to sign a written agreement.")).not.toContain(
      "AGREEMENT",
    );
    expect(types("The two sides signed a written agreement on Monday.")).toContain("AGREEMENT");
    // A truce the group would not extend was a truce all the same.
    expect(types("The group refused to extend the truce on Monday.")).toContain("CEASEFIRE");
    expect(types("He said the ceasefire could hold only if no attacks came from Afghan territory.")).not.toContain(
      "ATTACK",
    );
  });

  it("reads no talks in talks only in prospect", () => {
    expect(types("The envoy called for talks between the two sides.")).not.toContain("NEGOTIATION");
    expect(types("They discussed a possible meeting between the two presidents.")).not.toContain("NEGOTIATION");
    expect(
      types("Donors have pressed the rebels, weakened by the fighting, to negotiate with the army."),
    ).not.toContain("NEGOTIATION");
  });

  it("leaves undated the talks that came before a dated outcome, but dates talks that the date follows", () => {
    const before = on("The rebels said on Tuesday that they had agreed to a truce after three days of talks in Doha.");
    expect(before.events.find((e) => e.type === "CEASEFIRE")?.date).toBe("2024-03-12");
    expect(before.events.find((e) => e.type === "NEGOTIATION")?.date).toBeNull();
    const after = on("The envoy spoke to reporters after the talks on Tuesday evening.");
    expect(after.events.find((e) => e.type === "NEGOTIATION")?.date).toBe("2024-03-12");
  });

  it("reads a year describing an event as a date", () => {
    expect(findDates("The army that seized power in a 1999 coup still rules.", "2024-03-15")).toEqual([
      expect.objectContaining({ text: "1999", date: "1999-01-01", precision: "YEAR" }),
    ]);
    expect(findDates("Officials released the 2000 prisoners on Monday.", "2024-03-15").map((d) => d.text)).toEqual([
      "on Monday",
    ]);
  });
});

describe("more event sentences, as reports phrase them", () => {
  it("reads a prisoner exchange agreed on as an agreement, and a release to come as none yet", () => {
    expect(types("The two sides agreed on a prisoner exchange on Monday.")).toEqual(["AGREEMENT"]);
    expect(types("They agreed to a truce, with 40 detainees to be freed.")).toEqual(["CEASEFIRE"]);
  });

  it("reads no new ceasefire in one only broken, and a deal inked as an agreement", () => {
    expect(types("The rebels accused the army on Monday of violating the truce.")).not.toContain("CEASEFIRE");
    expect(types("Ceasefire violations were reported on Monday.")).not.toContain("CEASEFIRE");
    expect(types("The truce was extended on Monday by two months.")).toContain("CEASEFIRE");
    expect(types("The two sides inked a deal on water sharing on Monday.")).toContain("AGREEMENT");
  });

  it("reads an exchange completed and soldiers got back as a release", () => {
    expect(types("On Monday the two sides completed the exchange of 90 prisoners.")).toEqual(["PRISONER_RELEASE"]);
    expect(types("In the swap the army got back 40 soldiers.")).toContain("PRISONER_RELEASE");
  });

  it("reads a numbered round as talks, and an arrival to meet someone as a visit", () => {
    expect(on("The fifth round opened in Caracas on Monday.").events[0]).toMatchObject({
      type: "NEGOTIATION",
      date: "2024-03-11",
      place: { name: "Caracas" },
    });
    expect(types("The envoy arrived in Aden on Sunday to meet officials.")).toEqual(["VISIT"]);
  });

  it("reads no talks in a trip made for them", () => {
    expect(types("The minister arrived in Kabul for the talks.")).toEqual([]);
  });

  it("gives a date inside 'the truce that ended in February' to the truce, not to the visit", () => {
    const events = on("His visit came days after talks on the truce that ended in early February.").events;
    expect(events.find((e) => e.type === "VISIT")?.date).toBeNull();
    expect(events.find((e) => e.type === "CEASEFIRE")?.date).toBe("2024-02-01");
  });

  it("gives each event of a sentence the date nearest its words, and no 'first talks since 2022' that year", () => {
    const events = on(
      "The third round of talks opened in Istanbul on Thursday, after deadly border clashes last month.",
    ).events;
    expect(events.find((e) => e.type === "NEGOTIATION")).toMatchObject({ date: "2024-03-14", precision: "DAY" });
    expect(events.find((e) => e.type === "ARMED_CLASH")).toMatchObject({ date: "2024-02-01", precision: "MONTH" });
    const first = on("Their first direct negotiations since 2022 opened in Istanbul this week.").events;
    expect(first.find((e) => e.type === "NEGOTIATION")).toMatchObject({ date: "2024-03-11", precision: "WEEK" });
  });

  it("reads strikes launched, sites struck and missiles fired as air strikes and attacks, with who did it", () => {
    expect(types("Israel launched strikes on dozens of military targets in Iran on Monday.")).toContain("AIRSTRIKE");
    expect(types("The United States joined the war by striking three nuclear sites.")).toContain("AIRSTRIKE");
    const fired = on("On Monday, the TTP fired rockets at a checkpoint in Bannu.").events.find(
      (e) => e.type === "ATTACK",
    );
    expect(roleOf(fired, "TTP")).toBe("PERPETRATOR");
    expect(types("The army shelled the village on Monday.")).toContain("ATTACK");
    expect(types("Fighting between the two groups broke out on Monday.")).toContain("ARMED_CLASH");
    expect(types("The strike by dock workers closed the port on Monday.")).not.toContain("AIRSTRIKE");
    expect(types("A general strike on Monday closed the shops of Peshawar.")).not.toContain("AIRSTRIKE");
  });

  it("gives the date of telling, not the talks told of, to 'Last month, X told Y that … talks'", () => {
    const talks = on("Last month, the minister told reporters that the government was holding talks with the TTP.");
    expect(talks.events.find((e) => e.type === "NEGOTIATION")?.date).toBeNull();
  });
});

describe("where an event happened", () => {
  it("is no place named far from the event's words, nor where an earlier agreement was signed", () => {
    const far = on(
      "Earlier reports said the talks had stalled over demands that the tribal areas regain their old status and that Kenya's Nairobi be given a say.",
    ).events[0];
    expect(far?.place).toBeNull();
    expect(
      on("Officials attended the meeting to implement the agreement signed in Nairobi.").events[0]?.place,
    ).toBeNull();
  });

  it("gives talks 'in Venezuela and Mexico' an event in each, and talks 'in Doha, Qatar' one", () => {
    const places = (text: string) =>
      on(text)
        .events.filter((e) => e.type === "NEGOTIATION")
        .map((e) => e.place?.name);
    expect(places("The two sides held earlier rounds of talks in Venezuela and Mexico.")).toEqual([
      "Venezuela",
      "Mexico",
    ]);
    expect(places("Talks were held in Caracas, Havana and Mexico City last year.")).toEqual([
      "Caracas",
      "Havana",
      "Mexico City",
    ]);
    expect(places("The talks were held in Doha, Qatar, on Monday.")).toEqual(["Doha"]);
    // An attack in two towns is not split: only rounds of talks are.
    expect(on("Gunmen attacked checkpoints in Gao and Timbuktu on Monday.").events.map((e) => e.type)).toEqual([
      "ATTACK",
    ]);
  });

  it("reads 'in the Kenyan capital Nairobi' as in Nairobi", () => {
    expect(on("The talks began in the Kenyan capital Nairobi on Monday.").events[0]?.place?.name).toBe("Nairobi");
  });

  it("is not where the people taking part are from: 'the authorities in Tigray … in Pretoria'", () => {
    const event = on("The rebel authorities in Tigray signed a truce on Monday in Pretoria.").events[0];
    expect(event?.place?.name).toBe("Pretoria");
  });

  it("is no region an envoy is for, and 'in northern X' is in X", () => {
    expect(on("The Special Envoy for the Horn of Africa said the truce holds.").events[0]?.place).toBeNull();
    expect(on("Fighters clashed in northern Mali on Monday.").events[0]?.place?.name).toBe("Mali");
  });
});

describe("one candidate per event", () => {
  it("merges talks in a country with talks in one of its towns, and in a region with one of its towns", () => {
    const x = on("The TTP and the Taliban held talks in Kenya.\n\nThe TTP and the Taliban held talks in Nairobi.");
    expect(x.events.map((e) => e.place?.name)).toEqual(["Nairobi"]);
    const region = on(
      "Talks opened in Myanmar.\n\nThe TTP and the Taliban held talks in Shan State.\n\nThe TTP and the Taliban held talks in Lashio.",
    );
    expect(region.events.map((e) => e.place?.name)).toEqual(["Lashio"]);
  });

  it("merges talks dated 'this week' and 'on Tuesday' that share a participant", () => {
    const x = on(
      "The Taliban held talks with the TTP in Kabul this week.\n\nThe Taliban said the talks with the TTP ended on Tuesday.",
    );
    const talks = x.events.filter((e) => e.type === "NEGOTIATION");
    expect(talks).toHaveLength(1);
    expect(talks[0]).toMatchObject({ date: "2024-03-12", precision: "DAY" });
  });

  it("keeps a truce years before the report apart from the truce its headline announces", () => {
    const x = on(
      "Government and rebels sign truce\n\nThe government and the rebels have signed a truce in Bogotá. The only earlier truce between them held in 2017.",
    );
    expect(x.events.filter((e) => e.type === "CEASEFIRE").map((e) => e.date)).toEqual([null, "2017-01-01"]);
  });

  it("reads 'the agreement' of a report whose ceasefire was an agreement as that ceasefire", () => {
    const x = on(
      "Army and rebels sign agreement\n\nThe army and the rebels reached an agreement on a cessation of hostilities in Juba.",
    );
    expect(x.events.map((e) => e.type)).toEqual(["CEASEFIRE"]);
  });
});

describe("roles, as reports give them", () => {
  it("reads a host and a facilitator past their titles", () => {
    const talks = on(
      "The talks, chaired by Norwegian Foreign Minister Espen Barth Eide, were facilitated by the interim Afghan government.",
    ).events.find((e) => e.type === "NEGOTIATION");
    expect(roleOf(talks, "Espen Barth Eide")).toBe("HOST");
    expect(roleOf(talks, "Afghan Taliban")).toBe("FACILITATOR");
  });

  it("reads an envoy who visits as the visitor, and whom the envoy meets as the host", () => {
    const visit = on(
      "UN Special Envoy for Libya Anna Petrova ended a two-day visit to Benghazi, during which she met the army commander, Salem Haddad.",
    ).events.find((e) => e.type === "VISIT");
    expect(roleOf(visit, "Anna Petrova")).toBe("VISITOR");
    expect(roleOf(visit, "Salem Haddad")).toBe("HOST");
  });

  it("reads a high representative and a mediation team as mediators", () => {
    const truce = on(
      "The Arab League's High Representative for Sudan, former Tunisian President Karim Belhadj, announced the truce. Amina Diallo, head of the AU mediation team, said the truce would hold.",
    ).events.filter((e) => e.type === "CEASEFIRE");
    expect(truce.flatMap((e) => e.actors).map((a) => [a.name, a.role])).toEqual(
      expect.arrayContaining([
        ["Arab League", "MEDIATOR"],
        ["Karim Belhadj", "MEDIATOR"],
        ["Amina Diallo", "MEDIATOR"],
      ]),
    );
  });

  it("reads a spokesman, not the body he speaks for, as the spokesperson", () => {
    const talks = on("Kamal Osman, spokesman for the IGAD executive secretary, said IGAD attended the talks.")
      .events[0];
    expect(roleOf(talks, "Kamal Osman")).toBe("SPOKESPERSON");
    expect(roleOf(talks, "IGAD")).toBe("PARTY");
  });

  it("gives 'the joint mediation of A, B and the C' to all three", () => {
    const truce = on("The joint mediation of Qatar, Egypt and the United States secured a truce.").events[0];
    expect(defined(truce).actors.map((a) => a.role)).toEqual(["MEDIATOR", "MEDIATOR", "MEDIATOR"]);
  });

  it("reads who held the captives as releasing, each side of an exchange as releasing, who got them back as released", () => {
    const held = on("Nine hostages held by Boko Haram were released on Monday.").events[0];
    expect(roleOf(held, "Boko Haram")).toBe("RELEASING");
    const swap = on("The Taliban and the TTP completed a prisoner exchange on Monday.").events[0];
    expect(defined(swap).actors.map((a) => a.role)).toEqual(["RELEASING", "RELEASING"]);
    const back = on("In a prisoner swap on Monday the TTP got back 40 fighters.").events[0];
    expect(roleOf(back, "Tehrik-i-Taliban Pakistan")).toBe("RELEASED");
  });

  it("reads the subject of a deed as its perpetrator, past an aside", () => {
    const event = on("The Arakan Army, based in Rakhine State, captured the town of Paletwa in January.").events.find(
      (e) => e.type === "MILITARY_OPERATION",
    );
    expect(roleOf(event, "Arakan Army")).toBe("PERPETRATOR");
  });

  it("reads a person who tells of a truce as its spokesperson, unless the report made them its mediator", () => {
    const told = on("The army and the rebels agreed to a truce, Information Minister Daniel Okello said on Monday.");
    expect(roleOf(told.events[0], "Daniel Okello")).toBe("SPOKESPERSON");
    const mediator = on(
      "The talks were mediated by UN envoy Lars Nilsson. Nilsson said the talks in Geneva had gone well.",
    ).events.filter((e) => e.type === "NEGOTIATION");
    expect(
      mediator
        .flatMap((e) => e.actors)
        .filter((a) => a.name === "Lars Nilsson")
        .map((a) => a.role),
    ).toEqual(mediator.map(() => "MEDIATOR"));
  });
  it("reads a state in talks whose sides the report names, and an international organisation in talks, as mediators", () => {
    const talks = on(
      "Indirect talks between Israel and Hamas went on in Cairo on Monday. Senior delegations from Qatar and Turkey joined the talks, and the United Nations attended.",
    ).events.filter((e) => e.type === "NEGOTIATION");
    const roles = Object.fromEntries(talks.flatMap((e) => e.actors).map((a) => [a.name, a.role]));
    expect(roles).toMatchObject({ Qatar: "MEDIATOR", Turkey: "MEDIATOR", "Government of Israel": "PARTY" });
    expect(roles.Hamas).toBe("PARTY");
    expect(Object.entries(roles).find(([name]) => /united nations/i.test(name))?.[1]).toBe("MEDIATOR");
    // Without sides named, two states in talks are their sides.
    const two = on("Qatar and Turkey held talks in Ankara on Monday.").events.find((e) => e.type === "NEGOTIATION");
    expect([roleOf(two, "Qatar"), roleOf(two, "Turkey")]).toEqual(["PARTY", "PARTY"]);
  });
});

describe("actors, as reports name them", () => {
  const names = (text: string) => on(text).actors.map((a) => a.name);

  it("reads a country after 'in', 'for' or 'in northeastern' as the place, not its government", () => {
    expect(names("Talks opened in Turkey on Monday.")).toEqual([]);
    expect(names("The envoy left for Qatar, said officials.")).toEqual([]);
    expect(names("A rebel army in northeastern Myanmar has agreed to a truce.")).toEqual([]);
    expect(names("The talks follow rounds in Venezuela and Mexico, where the sides agreed on relief.")).toEqual([]);
  });

  it("reads the state that backs or brokers as its government, and names the country too", () => {
    const x = on("Iran-backed rebels attacked the port.");
    expect(x.actors.map((a) => a.name)).toEqual(["Government of Iran"]);
    expect(x.places.map((p) => p.name)).toEqual(["Iran"]);
  });

  it("gives both adjectives of 'the Russian and Ukrainian delegations' and both nouns of 'Yemen's rebels and government' their government", () => {
    expect(names("The Russian and Ukrainian delegations met in Istanbul.")).toEqual([
      "Government of Russia",
      "Government of Ukraine",
    ]);
    expect(names("Yemen's rebels and government agreed to a truce.")).toEqual(["Government of Yemen"]);
  });

  it("reads a bare 'the government' as the government of the armed group's state, else of the state the report names most", () => {
    expect(names("The government and the TTP agreed to a truce.")).toEqual([
      "Government of Pakistan",
      "Tehrik-i-Taliban Pakistan",
    ]);
    expect(
      names("Kenyan police guarded the talks in Nairobi.\n\nThe federal government said the talks had gone well."),
    ).toContain("Government of Kenya");
    expect(names("Talks in Kenya and Uganda went on.\n\nThe government said the talks had gone well.")).toEqual([]);
  });

  it("reads a region's forces or council, a leader's coalition and a ruling military as actors", () => {
    expect(names("In Ethiopia, Oromia forces and the Oromia regional council met in Adama.")).toEqual([
      "Oromia forces",
      "Oromia regional council",
    ]);
    expect(names("The Saudi-led coalition struck the port.")).toEqual(["Saudi-led coalition"]);
    expect(names("The junta said the regime would not talk to the rebels.")).toEqual(["junta"]);
  });

  it("reads 'the Sudanese army', 'the army' and 'the military' as the army the report names formally, and nothing without one", () => {
    const x = on(
      "The Sudanese Armed Forces and the rebels met in Jeddah. The Sudanese army said the truce held. The military agreed.",
    );
    expect(x.actors.map((a) => a.name)).toEqual(["Sudanese Armed Forces"]);
    expect(x.events.every((e) => e.actors.some((a) => a.name === "Sudanese Armed Forces"))).toBe(true);
    expect(names("The National Liberation Army met the army chief.")).toEqual(["National Liberation Army"]);
    expect(names("Talks were begun by the military.")).toEqual([]);
  });

  it("proposes no people's adjective, policy, region or place after 'over' as an actor", () => {
    expect(names("The Sahrawi envoy met the Tigrayan leadership in the South African capital.")).toEqual([]);
    expect(names("Under his Zero Hunger policy, the president met rebels in the Kokang region.")).toEqual([]);
    expect(names("Rebels took over Mekelle.")).toEqual([]);
  });

  it("reads an honorific and a first name as the person named in full before", () => {
    expect(names("Sheikh Tamim bin Hamad Al Thani met the envoy. Sheikh Tamim said the talks went well.")).toEqual([
      "Tamim bin Hamad Al Thani",
    ]);
  });
});
