import { describe, expect, it } from "vitest";
import { CODE_PALETTE, defaultCodeColor, isCodeColor } from "./colors";

const luminance = (hex: string) =>
  [1, 3, 5]
    .map((offset) => parseInt(hex.slice(offset, offset + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);

describe("code colours", () => {
  it("are the eight presence hues checked under colour-vision simulation, each 3:1 on white", () => {
    // The same list as client/src/editor/userColor.ts PALETTE, whose test simulates CVD.
    expect(CODE_PALETTE).toEqual(["#0077aa", "#00aa66", "#445511", "#7700aa", "#ff5511", "#dd55ff", "#bb3377", "#0000ee"]);
    for (const color of CODE_PALETTE) expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(3);
  });

  it("cycle through the palette and accept only #rrggbb", () => {
    expect(defaultCodeColor(0)).toBe(CODE_PALETTE[0]);
    expect(defaultCodeColor(9)).toBe(CODE_PALETTE[1]);
    expect(["#0077aa", "#0077AA", "red", "#07a", "#0077aa00"].map(isCodeColor)).toEqual([true, false, false, false, false]);
  });
});
