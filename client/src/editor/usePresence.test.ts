import { describe, expect, it } from "vitest";
import { onePerPerson, type PresentPerson } from "./usePresence";

const person = (clientId: number, userId: string | null, isSelf = false): PresentPerson => ({
  clientId,
  userId,
  name: userId ?? "?",
  color: "#000",
  isSelf,
});

describe("onePerPerson", () => {
  it("lists someone with two tabs open once", () => {
    expect(onePerPerson([person(1, "me", true), person(2, "jo"), person(3, "jo")]).map((p) => p.clientId)).toEqual([1, 2]);
  });

  it("treats your own other tabs as you", () => {
    expect(onePerPerson([person(5, "me"), person(1, "me", true)]).map((p) => p.clientId)).toEqual([1]);
  });

  it("keeps clients that do not say who they are", () => {
    expect(onePerPerson([person(1, null), person(2, null)])).toHaveLength(2);
  });
});
