import { describe, expect, it } from "vitest";
import { prismaInconsistencies } from "./prisma";
import { prismaCounts, type PrismaInput, type PrismaRecord, type StageOutcome } from "./prismaCounts";

const record = (id: string, source: string, fromSearch = true, duplicate = false): PrismaRecord => ({ id, source, fromSearch, duplicate });

/** Ten searched records (two of them duplicates) and two added by hand, all decided. */
function review(): PrismaInput {
  const records = [
    ...["s1", "s2", "s3", "s4", "s5"].map((id) => record(id, "Scopus")),
    ...["m1", "m2", "m3"].map((id) => record(id, "MEDLINE")),
    record("m4", "MEDLINE", true, true),
    record("s6", "Scopus", true, true),
    record("h1", "Reference lists", false),
    record("h2", "Grey literature", false),
  ];
  const decide = (entries: [string, StageOutcome["decision"], string?][]) =>
    new Map(entries.map(([id, decision, reason]) => [id, reason ? { decision, reason } : { decision }] as const));
  return {
    records,
    titleAbstract: decide([
      ["s1", "include"],
      ["s2", "maybe"],
      ["s3", "exclude"],
      ["s4", "include"],
      ["s5", "include"],
      ["m1", "exclude"],
      ["m2", "include"],
      ["m3", "exclude"],
      ["h2", "exclude"],
    ]),
    fullText: decide([
      ["s1", "include"],
      ["s2", "exclude", "Not a peer role"],
      ["s4", "exclude", "Not qualitative"],
      ["m2", "exclude", "Not a peer role"],
      ["h1", "include"],
    ]),
    notRetrieved: new Set(["s5"]),
  };
}

describe("PRISMA counts from a review's records and decisions", () => {
  it("counts the main path per source, with duplicates removed before screening", () => {
    const { main } = prismaCounts(review());
    expect(main.databases).toEqual([
      { label: "Scopus", n: 6 },
      { label: "MEDLINE", n: 4 },
    ]);
    expect(main.duplicatesRemoved).toBe(2);
    expect(main.screened).toBe(8);
    expect(main.screenedExcluded).toBe(3);
    // "maybe" goes on to full text.
    expect(main.sought).toBe(5);
    expect(main.notRetrieved).toBe(1);
    expect(main.assessed).toBe(4);
    expect(main.excludedWithReasons).toEqual([
      { label: "Not a peer role", n: 2 },
      { label: "Not qualitative", n: 1 },
    ]);
  });

  it("sends records added by hand down the path for other methods, joining at the included studies", () => {
    const counts = prismaCounts(review());
    expect(counts.other).toEqual({
      identified: [
        { label: "Grey literature", n: 1 },
        { label: "Reference lists", n: 1 },
      ],
      sought: 1,
      notRetrieved: 0,
      assessed: 1,
      excludedWithReasons: [],
    });
    expect(counts.studiesIncluded).toBe(2);
    expect(prismaInconsistencies(counts)).toEqual([]);
  });

  it("has no path for other methods when every record came from a search", () => {
    const input = review();
    expect(prismaCounts({ ...input, records: input.records.filter((r) => r.fromSearch) }).other).toBeNull();
  });

  it("shows records still awaiting a decision as counts that do not add up yet", () => {
    const input = review();
    const titleAbstract = new Map(input.titleAbstract);
    titleAbstract.delete("m3");
    const counts = prismaCounts({ ...input, titleAbstract });
    expect(counts.main.screened).toBe(7);
    expect(prismaInconsistencies(counts)[0]).toContain("but 7 were screened");
  });

  it("names a full-text exclusion without a reason as such", () => {
    const input = review();
    const fullText = new Map(input.fullText).set("s1", { decision: "exclude" });
    expect(prismaCounts({ ...input, fullText }).main.excludedWithReasons).toContainEqual({ label: "No reason recorded", n: 1 });
  });
});
