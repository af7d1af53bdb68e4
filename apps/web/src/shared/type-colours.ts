import type { EventType } from "@parley/schema";

/**
 * One colour per event type, told apart with every common colour vision: Okabe and Ito's palette for
 * colour-blind readers, extended greedily so that every pair stays at least ΔE2000 9.5 apart in
 * normal vision and in simulated protanopia, deuteranopia and tritanopia (type-colours.test.ts
 * checks it). Peace-process types lean blue and green, violence red and orange.
 */
export const TYPE_COLOURS: Record<EventType, string> = {
  NEGOTIATION: "#0072B2",
  CEASEFIRE: "#009E73",
  AGREEMENT: "#56B4E9",
  PRISONER_RELEASE: "#CC79A7",
  VISIT: "#B4D2A5",
  STATEMENT: "#786978",
  DIPLOMATIC_PROTEST: "#8778FF",
  AIRSTRIKE: "#D55E00",
  ATTACK: "#960F00",
  ARMED_CLASH: "#E69F00",
  INFILTRATION: "#B43C0F",
  MILITARY_OPERATION: "#875A4B",
  VIOLENCE_AGAINST_CIVILIANS: "#3C00E1",
  PROTEST: "#F0E442",
  RIOT: "#C3D278",
  ARREST: "#1E4B69",
  TAKEOVER: "#E1B4C3",
  FORMATION: "#2DF0FF",
  OTHER: "#4B4B4B",
};

export const typeColour = (type: string): string => TYPE_COLOURS[type as EventType] ?? TYPE_COLOURS.OTHER;
