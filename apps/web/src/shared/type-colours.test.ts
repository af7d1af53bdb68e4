import { EVENT_TYPES } from "@parley/schema";
import { defined } from "@parley/schema/defined";
import { describe, expect, it } from "vitest";
import { TYPE_COLOURS } from "./type-colours.ts";

// Machado, Oliveira and Fernandes (2009): full protanopia, deuteranopia and tritanopia, on linear RGB.
type Triple = [number, number, number];
type Matrix = [Triple, Triple, Triple];
const triple = (at: (i: 0 | 1 | 2) => number): Triple => [at(0), at(1), at(2)];

const VISION: Record<string, Matrix> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

type Lab = Triple;

function labAs(hex: string, vision: Matrix): Lab {
  const srgb = triple((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255);
  const rgb = triple((i) => (srgb[i] <= 0.04045 ? srgb[i] / 12.92 : ((srgb[i] + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = triple((i) =>
    Math.min(1, Math.max(0, vision[i][0] * rgb[0] + vision[i][1] * rgb[1] + vision[i][2] * rgb[2])),
  );
  const xyz: Triple = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ];
  const [fx, fy, fz] = triple((i) => (xyz[i] > 0.008856 ? Math.cbrt(xyz[i]) : 7.787 * xyz[i] + 16 / 116));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const rad = (d: number) => (d * Math.PI) / 180;

/** CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation). */
function deltaE2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const Cb = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cb ** 7 / (Cb ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + G) * a1, (1 + G) * a2];
  const [C1, C2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b: number, a: number) => ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)];
  let dh = h2 - h1;
  if (C1 * C2 === 0) dh = 0;
  else if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin(rad(dh / 2));
  const Lb = (L1 + L2) / 2;
  const Cp = (C1 + C2) / 2;
  const hb =
    C1 * C2 === 0 ? h1 + h2 : Math.abs(h1 - h2) > 180 ? (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2 : (h1 + h2) / 2;
  const T =
    1 -
    0.17 * Math.cos(rad(hb - 30)) +
    0.24 * Math.cos(rad(2 * hb)) +
    0.32 * Math.cos(rad(3 * hb + 6)) -
    0.2 * Math.cos(rad(4 * hb - 63));
  const SL = 1 + (0.015 * (Lb - 50) ** 2) / Math.sqrt(20 + (Lb - 50) ** 2);
  const SC = 1 + 0.045 * Cp;
  const SH = 1 + 0.015 * Cp * T;
  const RT = -Math.sin(rad(60 * Math.exp(-(((hb - 275) / 25) ** 2)))) * 2 * Math.sqrt(Cp ** 7 / (Cp ** 7 + 25 ** 7));
  const [l, c, h] = [(L2 - L1) / SL, (C2 - C1) / SC, dH / SH];
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

describe("the event type colours", () => {
  it("give every event type a colour of its own", () => {
    expect(Object.keys(TYPE_COLOURS).sort()).toEqual([...EVENT_TYPES.codes].sort());
    expect(new Set(Object.values(TYPE_COLOURS)).size).toBe(EVENT_TYPES.codes.length);
  });

  for (const [vision, matrix] of Object.entries(VISION)) {
    it(`keep every two types at least ΔE2000 9.5 apart in ${vision === "normal" ? "normal colour vision" : `simulated ${vision}`}`, () => {
      const colours = Object.entries(TYPE_COLOURS).map(([type, hex]) => ({ type, lab: labAs(hex, matrix) }));
      const closest = defined(
        colours
          .flatMap((a, i) =>
            colours.slice(i + 1).map((b) => ({ pair: `${a.type}/${b.type}`, d: deltaE2000(a.lab, b.lab) })),
          )
          .sort((x, y) => x.d - y.d)[0],
        "the closest pair of colours",
      );
      expect(closest.d, closest.pair).toBeGreaterThanOrEqual(9.5);
    });
  }
});
