import type { ActorKind, EventType, ParticipantRole } from "@parley/schema";

/** Word stock for synthetic names and texts, in the spelling habits of South Asian and Middle Eastern reporting. */

export const GIVEN_NAMES = [
  "Muhammad", "Abdul", "Noor", "Hafiz", "Gul", "Zabihullah", "Amir", "Khalid", "Faiz", "Sirajuddin", "Hamid", "Yusuf",
  "Suhail", "Qari", "Mullah", "Anas", "Moeed", "Shahid", "Tariq", "Imran", "Asif", "Bilal", "Fazal", "Rahim", "Saeed",
  "Qasim", "Habib", "Jalal", "Nasir", "Wali", "Umar", "Haroon", "Idrees", "Mansoor", "Rashid", "Sajjad", "Zahid", "Farooq",
];
export const FAMILY_NAMES = [
  "Mehsud", "Haqqani", "Yousafzai", "Khan", "Afridi", "Wazir", "Durrani", "Muttaqi", "Mujahid", "Shaheen", "Hameed", "Baradar",
  "Akhundzada", "Qureshi", "Siddiqui", "Hussain", "Karzai", "Ghani", "Noorzai", "Achakzai", "Mohmand", "Bangash", "Orakzai",
  "Zadran", "Kakar", "Mengal", "Bugti", "Marri", "Rind", "Baloch", "Shinwari", "Safi", "Tarakai", "Ludin", "Popal",
];
export const GROUP_PREFIXES = ["Tehreek-e", "Lashkar-e", "Jamaat-ul", "Harakat-ul", "Jaish-e", "Hizb-e", "Ittehad-e", "Sipah-e"];
export const GROUP_CORES = [
  "Taliban", "Islam", "Ansar", "Mujahideen", "Azadi", "Jihad", "Khorasan", "Furqan", "Hind", "Sahaba", "Muhammadi", "Inqilab",
  "Tawheed", "Aqsa", "Nusrat", "Fidayeen", "Haq", "Adl", "Watan", "Qaumi",
];
export const REGIONS = ["Pakistan", "Afghanistan", "Balochistan", "Waziristan", "Khyber", "Punjab", "Sindh", "Kashmir", "Swat", "Bajaur"];
export const GOVERNMENT_NAMES = [
  "Government of Pakistan", "Islamic Emirate of Afghanistan", "Government of Iran", "Government of India", "Qatar", "Türkiye",
  "Saudi Arabia", "China", "United States", "United Nations", "European Union", "Uzbekistan", "Tajikistan", "Russia",
];
export const FORCE_NAMES = ["Army", "Frontier Corps", "Police", "Counter Terrorism Department", "Levies", "Rangers", "Border Police", "Special Forces"];

export const PLACE_SYLLABLES = ["Kot", "Mir", "Zar", "Gul", "Shah", "Dera", "Bannu", "Tank", "Kha", "Nau", "Sar", "Ali", "Qila", "Spin", "Tor", "Chaman", "Lak", "Kurr"];
export const PLACE_SUFFIXES = ["abad", "pur", "garh", "kot", "khel", "zai", "shahr", "gai", "wal", "dara", "ganj", "i"];

export const COUNTRIES = ["PK", "AF", "IR", "IN", "TJ", "UZ", "TM", "QA", "TR", "SA", "AE", "CN", "RU", "US", "GB", "BD", "NP", "IQ", "SY", "YE", "OM", "KZ", "KG", "EG", "JO"];

export const OUTLET_WORDS = ["Dawn", "Express", "Frontier", "Khorasan", "Kabul", "Tribune", "Mashriq", "Aaj", "Pajhwok", "Tolo", "Ariana", "Shamshad", "Kokcha", "Voice", "Gandhara", "Nation"];
export const OUTLET_FORMS = ["{w} News", "Daily {w}", "{w} Times", "{w} TV", "The {w} Post", "{w} Radio"];

/** Words of the event summaries, most common first: a Zipf draw makes some frequent and most rare. */
export const TOPIC_WORDS = [
  "security", "forces", "district", "officials", "militants", "police", "local", "residents", "reported", "province", "village",
  "checkpoint", "convoy", "border", "talks", "ceasefire", "delegation", "elders", "jirga", "prisoners", "release", "agreement",
  "operation", "explosive", "roadside", "suicide", "bomber", "clash", "crossfire", "mortar", "drone", "curfew", "refugees",
  "shelter", "hospital", "school", "market", "mosque", "highway", "bridge", "outpost", "barracks", "tribal", "council",
  "mediation", "envoy", "negotiators", "demands", "withdrawal", "surrender", "amnesty", "hostages", "kidnapping", "ransom",
  "extortion", "smuggling", "poppy", "wheat", "fuel", "electricity", "protest", "strike", "students", "journalists", "teachers",
  "lawyers", "farmers", "traders", "drivers", "pilgrims", "shrine", "funeral", "wedding", "cricket", "flood", "earthquake",
  "drought", "winter", "snow", "dust", "helicopter", "airbase", "garrison", "cantonment", "frontier", "corridor", "pass",
  "tunnel", "valley", "river", "canal", "dam", "mine", "quarry", "factory", "warehouse", "depot", "armoury", "fortress",
];

export const EVENT_TYPE_WEIGHTS: Record<EventType, number> = {
  ATTACK: 22, ARMED_CLASH: 15, AIRSTRIKE: 6, VIOLENCE_AGAINST_CIVILIANS: 8, STATEMENT: 10, PROTEST: 9, NEGOTIATION: 5,
  MILITARY_OPERATION: 6, ARREST: 5, RIOT: 3, CEASEFIRE: 2, AGREEMENT: 1.5, PRISONER_RELEASE: 1.5, VISIT: 2,
  DIPLOMATIC_PROTEST: 1, INFILTRATION: 1.5, TAKEOVER: 0.3, FORMATION: 0.2, OTHER: 1,
};

export const ROLES_BY_TYPE: Partial<Record<EventType, ParticipantRole[]>> & { default: ParticipantRole[] } = {
  ATTACK: ["PERPETRATOR", "TARGET"],
  ARMED_CLASH: ["PARTY", "PARTY"],
  AIRSTRIKE: ["PERPETRATOR", "TARGET"],
  VIOLENCE_AGAINST_CIVILIANS: ["PERPETRATOR", "TARGET"],
  MILITARY_OPERATION: ["PERPETRATOR", "TARGET"],
  INFILTRATION: ["PERPETRATOR", "TARGET"],
  STATEMENT: ["SPOKESPERSON", "PARTY"],
  PROTEST: ["ORGANISER", "PARTICIPANT"],
  RIOT: ["PARTICIPANT", "TARGET"],
  NEGOTIATION: ["PARTY", "PARTY", "MEDIATOR", "HOST", "DELEGATION_LEAD", "DELEGATE"],
  CEASEFIRE: ["PARTY", "PARTY", "GUARANTOR", "MEDIATOR"],
  AGREEMENT: ["PARTY", "PARTY", "GUARANTOR", "FACILITATOR"],
  PRISONER_RELEASE: ["RELEASING", "RELEASED", "FACILITATOR"],
  VISIT: ["VISITOR", "HOST"],
  ARREST: ["PERPETRATOR", "TARGET"],
  DIPLOMATIC_PROTEST: ["PARTY", "TARGET"],
  default: ["PARTICIPANT", "PARTY"],
};

export const TITLE_FORMS: Partial<Record<EventType, string>> & { default: string } = {
  ATTACK: "{a} attack on {b} in {p}",
  ARMED_CLASH: "Clash between {a} and {b} near {p}",
  AIRSTRIKE: "Airstrike by {a} on {b} in {p}",
  VIOLENCE_AGAINST_CIVILIANS: "Civilians killed by {a} in {p}",
  MILITARY_OPERATION: "{a} operation against {b} in {p}",
  STATEMENT: "{a} statement on {w}",
  PROTEST: "Protest over {w} in {p}",
  RIOT: "Riot in {p} over {w}",
  NEGOTIATION: "Talks between {a} and {b} in {p}",
  CEASEFIRE: "Ceasefire between {a} and {b}",
  AGREEMENT: "Agreement between {a} and {b} on {w}",
  PRISONER_RELEASE: "{a} releases prisoners of {b}",
  VISIT: "{a} visits {p}",
  ARREST: "{a} arrests members of {b} in {p}",
  default: "{a} and {b}: {w} in {p}",
};

export const ACTOR_KIND_WEIGHTS: Partial<Record<ActorKind, number>> = { PERSON: 55, ARMED_GROUP: 25, SECURITY_FORCE: 10, POLITICAL_PARTY: 6, CIVIL_SOCIETY: 4 };
