import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { findDates } from "../src/dates.ts";
import { extractCandidates } from "../src/extract.ts";
import { prepareReport } from "../src/ingest.ts";
import type { Knowledge } from "../src/knowledge.ts";
import { splitSentences } from "../src/text.ts";

const knowledge: Knowledge = {
  actors: [
    {
      id: 1,
      name: "Tehrik-i-Taliban Pakistan",
      kind: "ARMED_GROUP",
      country: "PK",
      names: ["Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"],
    },
    { id: 2, name: "Afghan Taliban", kind: "GOVERNMENT", country: "AF", names: ["Afghan Taliban", "Taliban"] },
    { id: 3, name: "Zabihullah Mujahid", kind: "PERSON", country: "AF", names: ["Zabihullah Mujahid"] },
    { id: 4, name: "Dawn", kind: "MEDIA_OUTLET", country: "PK", names: ["Dawn"] },
    { id: 5, name: "Moeed Yusuf", kind: "PERSON", country: "PK", names: ["Moeed Yusuf"] },
    {
      id: 6,
      name: "Ministry of Foreign Affairs (Pakistan)",
      kind: "GOVERNMENT",
      country: "PK",
      names: ["Ministry of Foreign Affairs (Pakistan)", "Military Operations Directorate"],
    },
  ],
  places: [{ id: 9, name: "Kabul", country: "AF", kind: "SETTLEMENT", lat: 34.55, lon: 69.21 }],
};
const on = (text: string, published = "2022-05-18") => extractCandidates(text, published, knowledge);
const date = (sentence: string, published = "2022-05-18") =>
  findDates(sentence, published).map(({ date, precision, endDate }) => ({
    date,
    precision,
    ...(endDate ? { endDate } : {}),
  }));

describe("dates in a report", () => {
  it("reads a weekday as the last such day up to the publication date", () => {
    expect(date("The Taliban confirmed Wednesday they hosted talks.")).toEqual([
      { date: "2022-05-18", precision: "DAY" },
    ]);
    expect(date("He told a local television channel last Saturday.", "2021-11-23")).toEqual([
      { date: "2021-11-20", precision: "DAY" },
    ]);
    expect(date("The second session was held on Saturday.", "2025-10-27")).toEqual([
      { date: "2025-10-25", precision: "DAY" },
    ]);
  });

  it("reads yesterday as a day, 'last month' as a month, 'this week' as the week from its Monday, a year as a year", () => {
    expect(date("The army yesterday reported two attempts.", "2025-10-27")).toEqual([
      { date: "2025-10-26", precision: "DAY" },
    ]);
    expect(date("Last month, officials said so.")).toEqual([{ date: "2022-04-01", precision: "MONTH" }]);
    expect(date("He led his team in this week's meeting.")).toEqual([{ date: "2022-05-16", precision: "WEEK" }]);
    expect(date("The groups formally united into the TTP in 2007.")).toEqual([
      { date: "2007-01-01", precision: "YEAR" },
    ]);
    expect(date("Attacks have spiked since last August.")).toEqual([{ date: "2021-08-01", precision: "MONTH" }]);
  });

  it("keeps an announced date in the near future in the publication year", () => {
    expect(date("The truce has been extended until May 30.")).toEqual([{ date: "2022-05-30", precision: "DAY" }]);
  });

  it("reads the Solar Hijri Mehr 27 as 19 October 2025 in a report of 2025", () => {
    expect(date("This round was held after the Mehr 27 ceasefire in Doha.", "2025-10-27")).toEqual([
      { date: "2025-10-19", precision: "DAY" },
    ]);
  });

  it("reads 'from November 9 to December 9' as a range in the past", () => {
    expect(date("The ceasefire was in effect from November 9 to December 9 after the release.", "2022-05-18")).toEqual([
      { date: "2021-11-09", precision: "DAY", endDate: "2021-12-09" },
    ]);
  });
});

describe("sentences", () => {
  it("does not split after Lt. Gen. or Feb.", () => {
    const sentences = splitSentences(
      "Sources told VOA that Lt. Gen. Faiz Hameed led the team. A conference on Feb. 27, 2022 followed.",
    );
    expect(sentences.map((s) => s.text)).toEqual([
      "Sources told VOA that Lt. Gen. Faiz Hameed led the team.",
      "A conference on Feb. 27, 2022 followed.",
    ]);
  });
});

describe("actors, places and cited outlets", () => {
  it("resolves every alias to the known actor and proposes an unknown name as a new actor", () => {
    const { actors } = on(
      "The Tehreek-e-Taliban Pakistan (TTP) met Afghan Taliban envoys and Maulana Hamidul Haq in Kabul.",
    );
    expect(actors.filter((a) => a.actorId === 1).map((a) => a.text)).toEqual(["Tehreek-e-Taliban Pakistan"]);
    expect(actors.find((a) => a.actorId === 2)?.text).toBe("Afghan Taliban");
    expect(actors.find((a) => a.actorId === null)).toMatchObject({
      text: "Hamidul Haq",
      name: "Hamidul Haq",
      kind: "PERSON",
    });
  });

  it("reads whole names: 'of the', possessives, Arabic articles and a country before an organisation", () => {
    const proposed = (text: string) =>
      on(text)
        .actors.filter((a) => a.actorId === null)
        .map((a) => a.name);
    expect(proposed("Aid went through the International Committee of the Red Cross on Monday.")).toEqual([
      "International Committee of the Red Cross",
    ]);
    expect(proposed("Negotiators of the Tigray People's Liberation Front arrived in Nairobi.")).toEqual([
      "Tigray People's Liberation Front",
    ]);
    expect(proposed("He met Mahdi al-Mashat and commanders of the al-Qassam Brigades.")).toEqual([
      "Mahdi al-Mashat",
      "al-Qassam Brigades",
    ]);
    expect(proposed("The report was carried by the Houthi-run Saba News Agency.")).toEqual(["Saba News Agency"]);
    expect(proposed("The interview was broadcast by Pakistan Television at noon.")).toEqual(["Pakistan Television"]);
    // Before a person, a country says where they are from.
    expect(proposed("Cuban Foreign Minister Bruno Rodríguez welcomed the delegations.")).toEqual(["Bruno Rodríguez"]);
  });

  it("takes an acronym in brackets as the actor before it, there and later, and a headline's acronym too", () => {
    const { actors } = on(
      "ELN talks resume\n\nThe government and the National Liberation Army (ELN) resumed talks on Monday. The ELN said a ceasefire would follow.",
    );
    expect(actors.filter((a) => a.actorId === null).map((a) => a.name)).toEqual(["National Liberation Army"]);
  });

  it("does not take a one-word place, a site or a plural for another actor", () => {
    const { actors } = on(
      "Fighting went on near Kutkai. The delegations met at Dolmabahçe Palace, where Houthi negotiators spoke before the Houthis left.",
    );
    expect(actors.filter((a) => a.actorId === null).map((a) => a.name)).toEqual(["Houthi"]);
  });

  it("matches a transliteration and a surname once the full name has appeared", () => {
    const { actors, events } = on("Moeed Yousuf spoke to the press. Later, Yusuf said the ceasefire would hold.");
    expect(actors.filter((a) => a.actorId === 5).map((a) => a.text)).toEqual(["Moeed Yousuf"]);
    expect(events.find((e) => e.type === "CEASEFIRE")?.actors.map((a) => a.actorId)).toEqual([5]);
  });

  it("matches a name without its qualifier, and a long name in lower case", () => {
    const { actors } = on("It included the military operations directorate and the Ministry of Foreign Affairs.");
    expect(actors.filter((a) => a.actorId === 6).map((a) => a.text)).toEqual(["military operations directorate"]);
    expect(on("The Ministry of Foreign Affairs said so.").actors.map((a) => a.actorId)).toEqual([6]);
  });

  it("finds known places first and others in the offline gazetteer with country and coordinates", () => {
    const { places } = on("Talks in Kabul followed clashes near Kandahar in Afghanistan.");
    expect(places.find((p) => p.name === "Kabul")).toMatchObject({ placeId: 9, country: "AF" });
    const kandahar = places.find((p) => p.text === "Kandahar");
    expect(kandahar).toMatchObject({ placeId: null, country: "AF" });
    expect(kandahar?.lat).toBeCloseTo(31.6, 0);
  });

  it("finds the outlet in 'told Dawn' and proposes 'The Express Tribune reports' as a new outlet", () => {
    const { cites } = on(
      "“It is unacceptable,” a senior official told Dawn. Pakistani media outlet, The Express Tribune, reports that talks resumed.",
    );
    expect(cites.map(({ actorId, name }) => ({ actorId, name }))).toEqual([
      { actorId: 4, name: "Dawn" },
      { actorId: null, name: "Express Tribune" },
    ]);
  });

  it("reads 'according to Dawn' and 'Dawn reported' as citations of Dawn", () => {
    expect(on("According to Dawn, the army considered these events a sign of doubt.").cites[0]?.actorId).toBe(4);
    expect(on("Dawn reported that the delegation presented documents.").cites[0]?.actorId).toBe(4);
  });
});

describe("event sentences", () => {
  it.each([
    ["The two sides held talks in Kabul on Wednesday.", "NEGOTIATION"],
    ["A 10-day truce has been extended until May 30.", "CEASEFIRE"],
    ["The negotiating teams agreed to temporarily cease hostilities.", "CEASEFIRE"],
    ["Islamabad had released more than 100 TTP prisoners.", "PRISONER_RELEASE"],
    ["The talks resulted in the freeing of dozens of TTP prisoners.", "PRISONER_RELEASE"],
    ["Taliban officials said Pakistani airstrikes in eastern Afghanistan killed dozens.", "AIRSTRIKE"],
    ["The operations included air strikes inside Afghanistan last month.", "AIRSTRIKE"],
    ["A suicide attack on a military vehicle killed six people late on May 14.", "ATTACK"],
    ["The army reported two infiltration attempts in Kurram.", "INFILTRATION"],
    ["The minister visited Kabul and held meetings with officials.", "VISIT"],
    ["Protesters shout slogans during a demonstration in Kandahar.", "PROTEST"],
    ["The ceasefire ended a week of bloody conflict between the two sides.", "ARMED_CLASH"],
    ["The militant group refused to extend that truce.", "STATEMENT"],
    ["The United States also lists the Pakistani Taliban as a terrorist organization.", "OTHER"],
  ])("classifies %j as %s, quoting the sentence", (sentence, type) => {
    const event = on(sentence).events.find((e) => e.type === type);
    expect(event?.quote).toBe(sentence);
  });

  it("does not take an outcome the sentence only talks about for one that happened", () => {
    const types = (sentence: string) => on(sentence).events.map((e) => e.type);
    expect(types("The two sides began ceasefire talks in Kabul.")).toEqual(["NEGOTIATION"]);
    expect(types("The envoys discussed a prisoner exchange of 1,000 people.")).toEqual([]);
    expect(types("Its allies have pushed for an unconditional ceasefire.")).toEqual([]);
    expect(types("The government and the rebels agreed on Wednesday to stop fighting.")).toEqual(["CEASEFIRE"]);
    // "killed" in a clause about the war is background to the truce, not an attack.
    expect(types("They agreed to a truce in a war that has killed thousands.")).toEqual(["CEASEFIRE"]);
  });

  it("places an event where the sentence puts it, not at a dateline, an origin or a describing word", () => {
    const place = (sentence: string) => on(sentence).events[0]?.place?.name ?? null;
    expect(place("KABUL - Delegates from Islamabad held talks in Doha on Sunday.")).toBe("Doha");
    expect(place("Pakistan carried out airstrikes in Afghanistan's Paktika province on Friday.")).toBe("Paktika");
    expect(place("A breakthrough in Qatar mediation: a truce in Gaza.")).toBe("Gaza");
  });

  it("gives an event the sentence's date, place and actors", () => {
    const [event] = on("The Taliban confirmed Wednesday they hosted talks with the TTP in Kabul.").events;
    expect(event).toMatchObject({ type: "NEGOTIATION", date: "2022-05-18", precision: "DAY", place: { placeId: 9 } });
    expect(event?.actors.map((a) => a.actorId).sort()).toEqual([1, 2]);
  });
});

describe("participant roles", () => {
  it("reads hosts, mediators, delegation leads, spokespeople and the released from the words around a name", () => {
    const roles = (sentence: string, type: string) =>
      Object.fromEntries(defined(on(sentence).events.find((e) => e.type === type)).actors.map((a) => [a.name, a.role]));
    expect(roles("The Afghan Taliban hosted talks with the TTP in Kabul.", "NEGOTIATION")).toEqual({
      "Afghan Taliban": "HOST",
      "Tehrik-i-Taliban Pakistan": "PARTY",
    });
    expect(roles("Talks went on with the mediation of the Afghan Taliban.", "NEGOTIATION")).toEqual({
      "Afghan Taliban": "MEDIATOR",
    });
    expect(roles("The delegation in the talks was led by Zabihullah Mujahid.", "NEGOTIATION")).toEqual({
      "Zabihullah Mujahid": "DELEGATION_LEAD",
    });
    expect(roles("The talks resulted in the freeing of dozens of TTP prisoners.", "PRISONER_RELEASE")).toEqual({
      "Tehrik-i-Taliban Pakistan": "RELEASED",
    });
    expect(roles("TTP attacks have spiked in Pakistan.", "ATTACK")).toEqual({
      "Tehrik-i-Taliban Pakistan": "PERPETRATOR",
    });
    expect(roles("The UN Special Envoy for Yemen Hans Grundberg joined the talks.", "NEGOTIATION")).toMatchObject({
      "Hans Grundberg": "MEDIATOR",
    });
    // Passive: the talks were mediated, the parties did not mediate.
    expect(roles("Talks between the TTP and Islamabad were mediated by the Afghan Taliban.", "NEGOTIATION")).toEqual({
      "Tehrik-i-Taliban Pakistan": "PARTY",
      "Government of Pakistan": "PARTY",
      "Afghan Taliban": "MEDIATOR",
    });
  });

  it("keeps a mediator one through the report's other talks, where no sentence says otherwise", () => {
    const { events } = on(
      "Talks between the TTP and Islamabad were mediated by the Afghan Taliban on Monday. The Afghan Taliban and the TTP agreed to a truce on Tuesday.",
    );
    const truce = defined(events.find((e) => e.type === "CEASEFIRE"));
    expect(Object.fromEntries(truce.actors.map((a) => [a.name, a.role]))).toMatchObject({
      "Afghan Taliban": "MEDIATOR",
      "Tehrik-i-Taliban Pakistan": "PARTY",
    });
  });
});

describe("HTML reports", () => {
  it("reads the article's text and leaves out navigation and footers", () => {
    const html = `<!doctype html><html><head><title>Talks resume in Kabul</title></head><body>
      <nav><a href="/">Home</a><a href="/world">World</a> Subscribe to our newsletter</nav>
      <article><h1>Talks resume in Kabul</h1>
      <p>The Afghan Taliban hosted fresh talks between Pakistan and the TTP in Kabul on Wednesday, officials said, and both sides agreed to extend the truce.</p>
      <p>A senior official told Dawn that dozens of TTP prisoners were released as part of confidence-building measures before the talks.</p></article>
      <footer>Copyright 2022. All rights reserved. Follow us on Telegram.</footer></body></html>`;
    const report = prepareReport({ file: "report.html", content: html, date: "2022-05-18" });
    expect(report.title).toBe("Talks resume in Kabul");
    expect(report.text).toContain("The Afghan Taliban hosted fresh talks");
    expect(report.text).not.toMatch(/Copyright|Subscribe|Home/);
    const found = on(report.text);
    expect(found.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["NEGOTIATION", "CEASEFIRE", "PRISONER_RELEASE"]),
    );
    expect(found.cites[0]?.actorId).toBe(4);
  });
});
