import { describe, expect, it } from "vitest";
import { itemAgreement } from "../agreement/item";
import { disagreements, isRevealed, ratingTables, visibleWork, type RaterWork, type ReviewItem } from "./items";

const Q = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];
const at = "2026-12-02T10:00:00.000Z";

function work(rater: string, answers: Record<string, string>, submitted = true): RaterWork {
  return { rater, answers, comments: {}, submittedAt: submitted ? at : null };
}

const allYes = Object.fromEntries(Q.map((q) => [q, "yes"]));

describe("blind until every rater has submitted", () => {
  const drafting: ReviewItem = {
    itemId: "paper-3",
    raters: ["priya", "sam"],
    work: [work("priya", allYes), work("sam", { ...allYes, q7: "no" }, false)],
    consensus: null,
  };

  it("shows a rater only their own work until the item reveals", () => {
    expect(isRevealed(drafting)).toBe(false);
    expect(visibleWork(drafting, { userId: "priya", mayWatch: true }).map((w) => w.rater)).toEqual(["priya"]);
    expect(visibleWork(drafting, { userId: "sam", mayWatch: false }).map((w) => w.rater)).toEqual(["sam"]);
    expect(disagreements(drafting, Q)).toEqual([]);
  });

  it("lets a non-rating lead watch only when allowed, and nobody else", () => {
    expect(visibleWork(drafting, { userId: "tom", mayWatch: true })).toHaveLength(2);
    expect(visibleWork(drafting, { userId: "tom", mayWatch: false })).toEqual([]);
  });

  it("reveals everything, with the disagreements, once the last rater submits", () => {
    const revealed = { ...drafting, work: [drafting.work[0]!, { ...drafting.work[1]!, submittedAt: at }] };
    expect(isRevealed(revealed)).toBe(true);
    expect(visibleWork(revealed, { userId: "sam", mayWatch: false })).toHaveLength(2);
    expect(disagreements(revealed, Q)).toEqual(["q7"]);
  });

  it("never reveals an item nobody is assigned to", () => {
    expect(isRevealed({ itemId: "x", raters: [], work: [], consensus: null })).toBe(false);
  });
});

describe("agreement before and after consensus (the thesis's figures)", () => {
  it("CASP: 4 papers double-appraised, 35 of 36 scored answers alike, 97.2% then 100%", () => {
    const papers: ReviewItem[] = ["p1", "p2", "p3", "p4"].map((itemId) => ({
      itemId,
      raters: ["priya", "sam"],
      work: [work("priya", allYes), work("sam", itemId === "p3" ? { ...allYes, q6: "cant_tell" } : allYes)],
      consensus: itemId === "p3" ? { answers: { q6: "yes" }, decidedBy: "priya", decidedAt: at } : null,
    }));
    const { before, after } = ratingTables(papers, Q);
    expect(before.unitIds).toHaveLength(36);
    expect(itemAgreement(before).percent_agreement.value).toBeCloseTo(35 / 36, 12);
    expect(Math.round(itemAgreement(before).percent_agreement.value! * 1000) / 10).toBe(97.2);
    expect(itemAgreement(after).percent_agreement.value).toBe(1);
  });

  it("full text: 4 of 5 decisions alike, 80% then 100% after the criteria were clarified", () => {
    const decisions = ["include", "exclude", "exclude", "include", "exclude"];
    const items: ReviewItem[] = decisions.map((decision, i) => ({
      itemId: `r${i}`,
      raters: ["priya", "sam"],
      work: [work("priya", { decision }), work("sam", { decision: i === 4 ? "include" : decision })],
      consensus: i === 4 ? { answers: { decision: "exclude" }, decidedBy: "priya", decidedAt: at } : null,
    }));
    const { before, after } = ratingTables(items, ["decision"]);
    expect(before.unitIds).toEqual(["r0", "r1", "r2", "r3", "r4"]);
    expect(itemAgreement(before).percent_agreement.value).toBeCloseTo(0.8, 12);
    expect(itemAgreement(after).percent_agreement.value).toBe(1);
  });

  it("leaves out items still blind and answers given by only one rater", () => {
    const items: ReviewItem[] = [
      { itemId: "blind", raters: ["a", "b"], work: [work("a", { decision: "include" })], consensus: null },
      { itemId: "one", raters: ["a"], work: [work("a", { decision: "include" })], consensus: null },
      { itemId: "two", raters: ["a", "b"], work: [work("a", { decision: "include" }), work("b", { decision: "include" })], consensus: null },
    ];
    expect(ratingTables(items, ["decision"]).before.unitIds).toEqual(["two"]);
  });
});
