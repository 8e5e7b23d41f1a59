import { describe, expect, it } from "vitest";
import { colorForUser, contrast, initials, PALETTE, textColorOn } from "./userColor";

// Colour-vision deficiency simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-
// based model for simulation of color vision deficiency", severity 1.0 matrices, applied to
// linear sRGB. Distances are Euclidean in OKLab (Ottosson 2020), where about 0.02 is just
// noticeable; the thresholds ask for several times that.
const SIMULATIONS = {
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
} as const;

type Vec = [number, number, number];

const linearRgb = (hex: string): Vec =>
  [1, 3, 5].map((offset) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Vec;

const apply = (matrix: readonly (readonly number[])[], v: Vec): Vec =>
  matrix.map((row) => Math.min(1, Math.max(0, row[0]! * v[0] + row[1]! * v[1] + row[2]! * v[2]))) as Vec;

function oklab([r, g, b]: Vec): Vec {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** The closest pair in the palette as seen through `see`, as "distance a/b" for messages. */
function closestPair(see: (linear: Vec) => Vec) {
  let closest = { distance: Infinity, pair: "" };
  PALETTE.forEach((a, i) =>
    PALETTE.slice(i + 1).forEach((b) => {
      const [p, q] = [oklab(see(linearRgb(a))), oklab(see(linearRgb(b)))];
      const distance = Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
      if (distance < closest.distance) closest = { distance, pair: `${a}/${b}` };
    }),
  );
  return closest;
}

describe("the presence palette", () => {
  it("has eight different colours", () => {
    expect(new Set(PALETTE).size).toBe(8);
  });

  it("keeps every pair clearly apart for normal vision", () => {
    const { distance, pair } = closestPair((v) => v);
    expect(distance, `closest pair ${pair}`).toBeGreaterThanOrEqual(0.15);
  });

  it.each(Object.entries(SIMULATIONS))("keeps every pair apart under simulated %s", (_, matrix) => {
    const { distance, pair } = closestPair((v) => apply(matrix, v));
    expect(distance, `closest pair ${pair}`).toBeGreaterThanOrEqual(0.09);
  });

  it("shows a caret bar on the white page (3:1) and name tag text at 4.5:1 or better", () => {
    for (const color of PALETTE) {
      expect(contrast(color, "#ffffff"), color).toBeGreaterThanOrEqual(3);
      expect(contrast(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("colorForUser", () => {
  it("gives a person the same colour every time when nobody else holds it", () => {
    expect(colorForUser("user-a")).toBe(colorForUser("user-a"));
    expect(PALETTE).toContain(colorForUser("user-a"));
  });

  it("moves a later arrival off a colour someone present already has", () => {
    const mine = colorForUser("user-a");
    expect(colorForUser("user-a", [{ clientId: 1, color: mine }], 2)).not.toBe(mine);
  });

  it("keeps the earlier arrival's colour, so the two never both move", () => {
    const mine = colorForUser("user-a");
    expect(colorForUser("user-a", [{ clientId: 9, color: mine }], 2)).toBe(mine);
  });

  it("gives eight people joining one after another eight different colours", () => {
    const present: { clientId: number; color: string }[] = [];
    for (let clientId = 1; clientId <= 8; clientId++) {
      // Ids that all prefer the same colour: the worst case for the hash.
      present.push({ clientId, color: colorForUser("same-start", present, clientId) });
    }
    expect(new Set(present.map((p) => p.color)).size).toBe(8);
  });
});

describe("initials", () => {
  it("takes the first letters of the first and last names", () => {
    expect(initials("Jo Mensah")).toBe("JM");
    expect(initials("Priya Devi Raman")).toBe("PR");
    expect(initials("  émile ")).toBe("É");
    expect(initials("")).toBe("?");
  });
});
