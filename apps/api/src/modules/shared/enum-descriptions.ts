/**
 * What each vocabulary enum means, and its values where the label alone does not explain them. A
 * value left out here is described by its vocabulary label (`@parley/schema`).
 */
export const ENUM_DESCRIPTIONS: Record<string, { type: string; values?: Record<string, string> }> = {
  EventType: {
    type: "What kind of event it is. The violent types follow ACLED's event types (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots); the others are the peace-process and political events ACLED files under Strategic developments.",
    values: {
      NEGOTIATION: "Talks: a round of negotiations, a meeting of delegations, mediated or direct.",
      CEASEFIRE: "A ceasefire or truce declared, agreed or extended; its span is `startDate` to `endDate`.",
      AGREEMENT: "A written or announced agreement other than a ceasefire (ACLED: Strategic developments / Agreement).",
      PRISONER_RELEASE: "A release or exchange of prisoners.",
      VISIT: "A visit by a delegation or leader, e.g. to mediators or a neighbouring capital.",
      STATEMENT: "A public statement: an announcement, a warning, a claim of responsibility.",
      DIPLOMATIC_PROTEST: "A formal protest between states: a démarche, a summoned envoy, a recalled ambassador.",
      AIRSTRIKE: "An air or drone strike (ACLED: Explosions/Remote violence / Air/drone strike).",
      ATTACK: "A bombing, IED, suicide or remote attack (ACLED: Explosions/Remote violence, other sub-events).",
      ARMED_CLASH:
        "Armed fighting between organised groups or forces (ACLED: Battles; UCDP: state-based and non-state violence).",
      INFILTRATION: "An armed crossing of a border or line of control, counted by ACLED as Battles.",
      MILITARY_OPERATION: "A named or sustained military operation spanning days or weeks.",
      VIOLENCE_AGAINST_CIVILIANS:
        "Violence by an organised group against unarmed civilians (ACLED's event type; UCDP's one-sided violence).",
      PROTEST: "A peaceful demonstration (ACLED: Protests).",
      RIOT: "A violent demonstration or mob violence (ACLED: Riots).",
      ARREST: "The arrest or detention of a person of note (ACLED: Strategic developments / Arrests).",
      TAKEOVER: "A seizure of power or territory, such as the Taliban's of Kabul.",
      FORMATION: "The founding, merger or split of a group.",
      OTHER: "An event none of the other types fits.",
    },
  },
  ActorKind: {
    type: "What an actor is: a person, an armed group, a state body, an outlet that publishes reports, and so on.",
    values: {
      PERSON: "A named individual: a leader, a negotiator, a spokesperson.",
      ARMED_GROUP:
        "A non-state armed group: rebels, militants, a militia (ACLED's rebel and political militia actors, UCDP's non-state sides).",
      GOVERNMENT: "A government, ministry or state as a whole.",
      SECURITY_FORCE: "A state's military, police, intelligence or paramilitary force.",
      POLITICAL_PARTY: "A political party or movement.",
      RELIGIOUS_ORGANISATION: "A religious body, seminary network or council of clerics (ulema).",
      INTERNATIONAL_ORGANISATION: "An intergovernmental body: the UN, the OIC, a regional organisation.",
      MEDIA_OUTLET: "A newspaper, broadcaster, agency or website whose reports are sources.",
      CIVIL_SOCIETY: "A non-governmental group: a tribal council, an NGO, a union, protesters as a group.",
      RESEARCH_ORGANISATION: "A think tank, research institute or data project.",
      OTHER: "An actor none of the other kinds fits.",
    },
  },
  AliasKind: {
    type: "How another name of an actor relates to its main name.",
    values: {
      ACRONYM: "An acronym or initialism: TTP for Tehrik-i-Taliban Pakistan.",
      TRANSLITERATION: "Another spelling of the same name in Latin letters: Tehreek-e-Taliban for Tehrik-i-Taliban.",
      FORMER_NAME: "A name the actor no longer uses.",
      INFORMAL_NAME: "A name in common use that is not the official one: the Pakistani Taliban.",
      TRANSLATION: "The name translated into another language.",
      SELF_STYLED: "A name the actor gives itself and others may not use.",
      DATASET_NAME: "The name under which a dataset (ACLED, UCDP) records the actor, kept so imports find it.",
    },
  },
  ParticipantRole: {
    type: "The part an actor plays in an event. Violent events have a PERPETRATOR and a TARGET (ACLED's actor 1 and actor 2 in one-sided violence) or two PARTY sides (UCDP's side A and side B); talks have parties, mediators, hosts and delegates.",
    values: {
      PARTY: "A side: in talks, a negotiating party; in fighting, a combatant side.",
      MEDIATOR: "Carries proposals between the parties.",
      HOST: "Hosts the event on its territory or premises.",
      GUARANTOR: "Guarantees an agreement between others.",
      FACILITATOR: "Arranges or supports the talks without mediating.",
      DELEGATION_LEAD: "Leads a party's delegation.",
      DELEGATE: "A member of a delegation.",
      SPOKESPERSON: "Speaks for a party about the event.",
      PERPETRATOR: "Carries out an attack or act of violence (ACLED's actor 1).",
      TARGET: "The one attacked (ACLED's actor 2).",
      RELEASED: "Prisoners or people who were released.",
      RELEASING: "The side that released them.",
      VISITOR: "Makes a visit.",
      ORGANISER: "Organises a protest, rally or event.",
      PARTICIPANT: "Takes part in a way none of the other roles says.",
    },
  },
  ClaimStance: {
    type: "Whether a claim asserts its statement or denies it. An event with both is contested.",
    values: {
      ASSERTS: "The source says it happened, or the speaker says it is so.",
      DENIES: "The source reports a denial: the speaker says it did not happen or is not so.",
    },
  },
  DatePrecision: {
    type: "How precisely a date is known: the date given is the first day of the period (ACLED's time_precision 1–3 and UCDP's date_prec 1–5 map onto these).",
    values: {
      DAY: "The exact day is known.",
      WEEK: "Known to the week: the date is a day within it.",
      MONTH: "Known to the month: the date is the month's first day.",
      YEAR: "Known to the year: the date is 1 January.",
    },
  },
  EventOutcome: {
    type: "How an event ended, for talks, ceasefires and agreements; null while unknown or not applicable.",
    values: {
      AGREED: "The talks reached an agreement.",
      EXTENDED: "The ceasefire or agreement was extended.",
      ENDED: "It ended as planned or by a party's decision.",
      DEADLOCKED: "The talks ended without agreement.",
      ONGOING: "Still under way when last reported.",
      BROKEN: "The ceasefire or agreement was broken.",
      REJECTED: "A proposal or agreement was rejected.",
      COMPLETED: "An exchange, release or operation was carried out in full.",
    },
  },
  EventLinkKind: {
    type: 'How one event relates to another. A link reads "<from> <kind> <to>": the 2022 Eid truce extension EXTENDS the Eid truce.',
    values: {
      EXTENDS: "Prolongs the other: a ceasefire extension extends the ceasefire.",
      ENDS: "Brings the other to an end: an announcement ends a ceasefire.",
      FOLLOWS: "Comes after the other in the same series: the second round of talks follows the first.",
      PRODUCED: "Was the result of the other: an agreement produced by talks.",
      RESPONDS_TO: "Answers the other: a strike in response to an attack.",
      VIOLATES: "Breaks the other: an attack violating a ceasefire.",
    },
  },
  EventSort: {
    type: "The order of `searchEvents` results.",
    values: {
      RELEVANCE: "Best text match first; by date (newest first) when there is no query.",
      DATE_DESC: "Newest first, by start date.",
      DATE_ASC: "Oldest first, by start date.",
    },
  },
  TokenRole: {
    type: "What an API token may do. Each role may do what the ones before it may.",
    values: {
      READER: "Reads, where the server asks for a token to read at all (PARLEY_READ_ACCESS=token).",
      EDITOR: "Also creates and changes records, and reviews ingested candidates.",
      ADMIN: "Also deletes and merges records.",
    },
  },
  FacetField: {
    type: "A facet of `searchEvents`: a field whose values are counted over the results.",
    values: {
      TYPE: "The event's type.",
      ACTOR:
        "An actor taking part in the event: in any role, or, with roles chosen, in one of them (an actor's count is then its events in those roles).",
      ROLE: "A role held in the event: by any participant, or, with actors chosen, by one of them (a role's count is then the chosen actors' events in it).",
      COUNTRY: "The country (ISO 3166-1 alpha-2) of any of the event's places.",
      PLACE: "Any of the event's places.",
      OUTLET: "The outlet that published a source of the event's claims.",
    },
  },
  DateInterval: {
    type: "The width of a histogram bucket.",
    values: {
      DAY: "One bucket a day.",
      WEEK: "One bucket a week, starting on Monday.",
      MONTH: "One bucket a calendar month.",
      YEAR: "One bucket a calendar year.",
    },
  },
  PositionKind: {
    type: "What an actor's position is: something it asks for, offers, promises or refuses.",
    values: {
      DEMAND: "Something the holder asks of another party.",
      RED_LINE: "A demand the holder says it will not negotiate.",
      CONDITION: "Something the holder says must happen before it acts or talks.",
      OFFER: "Something the holder proposes to give or do.",
      PLEDGE: "A unilateral promise.",
      COMMITMENT: "An obligation the holder accepted in an agreement.",
      REFUSAL: "Something the holder rejects.",
    },
  },
  PositionIssue: {
    type: "What a position is about: a deliberately short list, so that a process's positions compare like with like.",
    values: {
      TERRITORY_TROOPS: "Who holds or leaves which territory: troop withdrawals, bases, the return of areas.",
      GOVERNANCE_LAW: "How an area is governed and by which law: sharia, the constitution, a merger of districts.",
      PRISONERS_AMNESTY: "The release of prisoners, and amnesty for fighters.",
      DISARMAMENT_SURRENDER: "Laying down arms, demobilisation, surrender.",
      CROSS_BORDER_SANCTUARY: "Sanctuary for militants across a border, and attacks from there.",
      CEASEFIRE_TERMS: "Whether, when and on what terms to stop fighting.",
      RECOGNITION: "Recognising a government or a group as a party, legally or diplomatically.",
      TALKS_FORMAT: "Who talks to whom, where, through which mediator.",
    },
  },
  PositionFacetField: {
    type: "A facet of `searchPositions`.",
    values: {
      ACTOR: "The position's holder.",
      KIND: "The position's kind.",
      ISSUE: "The position's issue.",
      PROCESS: "The process the position belongs to.",
    },
  },
};
