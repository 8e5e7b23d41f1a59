import { describe, expect, it } from "vitest";
import { colorForUser, PALETTE } from "./userColor";

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
});
