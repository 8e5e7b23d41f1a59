import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { prismaInconsistencies, prismaSvg, type PrismaCounts } from "./prisma";

// Counts shaped like the thesis's search: 5,041 from five databases, 11 by other means,
// 2,322 left after duplicates, 42 full texts, 12 studies included (none from grey literature).
const review: PrismaCounts = {
  main: {
    databases: [
      { label: "PsycINFO", n: 1502 },
      { label: "MEDLINE", n: 1210 },
      { label: "Scopus", n: 1388 },
      { label: "CINAHL", n: 512 },
      { label: "Web of Science", n: 429 },
    ],
    registers: 0,
    duplicatesRemoved: 2719,
    markedIneligibleByAutomation: 0,
    removedForOtherReasons: 0,
    screened: 2322,
    screenedExcluded: 2291,
    sought: 31,
    notRetrieved: 0,
    assessed: 31,
    excludedWithReasons: [
      { label: "Not a peer role", n: 11 },
      { label: "Not qualitative", n: 8 },
    ],
  },
  other: {
    identified: [
      { label: "Citation searching", n: 7 },
      { label: "Grey literature", n: 4 },
    ],
    sought: 11,
    notRetrieved: 0,
    assessed: 11,
    excludedWithReasons: [{ label: "Not a peer role", n: 11 }],
  },
  studiesIncluded: 12,
  reportsIncluded: 12,
};

/** Every piece of text the diagram shows, in document order. */
function texts(svg: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) {
        if (key === "#text") found.push(String(value));
        else walk(value);
      }
  };
  walk(new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(svg));
  return found;
}

describe("the PRISMA 2020 flow diagram", () => {
  it("is a well-formed SVG document with a title for screen readers", () => {
    const svg = prismaSvg(review);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(texts(svg)[0]).toBe("PRISMA 2020 flow diagram: 12 studies included");
  });

  it("shows every count of the template, each source on its own line", () => {
    const shown = texts(prismaSvg(review)).join(" ");
    for (const line of [
      "PsycINFO (n = 1,502)",
      "Web of Science (n = 429)",
      "Duplicate records removed (n = 2,719)",
      "Records screened (n = 2,322)",
      "Records excluded (n = 2,291)",
      "Not qualitative (n = 8)",
      "Grey literature (n = 4)",
      "Studies included in review (n = 12)",
    ])
      expect(shown).toContain(line);
    for (const phase of ["Identification", "Screening", "Included"]) expect(shown).toContain(phase);
  });

  it("draws the other-methods path only when records came in that way", () => {
    const withOther = texts(prismaSvg(review));
    const without = texts(prismaSvg({ ...review, other: null }));
    expect(withOther).toContain("Identification of studies via other methods");
    expect(without).not.toContain("Identification of studies via other methods");
    expect(without.filter((t) => t.startsWith("Reports sought for retrieval"))).toHaveLength(1);
  });

  it("escapes what people typed in labels", () => {
    const svg = prismaSvg({ ...review, main: { ...review.main, databases: [{ label: "<script>A&B</script>", n: 1 }] } });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(texts(svg).join(" ")).toContain("<script>A&B</script>");
    expect(svg).not.toContain("<script>");
  });

  it("keeps long labels inside their box by wrapping them", () => {
    const long = "Exclusion because the study examined service users rather than people employed in a peer role";
    const shown = texts(prismaSvg({ ...review, main: { ...review.main, excludedWithReasons: [{ label: long, n: 3 }] } }));
    const lines = shown.filter((t) => long.includes(t) || t.endsWith("(n = 3)"));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe("PRISMA counts that do not add up", () => {
  it("finds none in a consistent review", () => {
    expect(prismaInconsistencies(review)).toEqual([]);
  });

  it("names the step where records went missing", () => {
    const problems = prismaInconsistencies({ ...review, main: { ...review.main, screened: 2300 } });
    expect(problems[0]).toContain("2300 were screened");
  });
});
