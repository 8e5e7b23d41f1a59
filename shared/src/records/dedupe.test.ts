import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupeKeys, deduplicate, type KnownRecord } from "./dedupe";
import { surnameKey } from "./keys";
import { boundedEditDistance, SimilarTitleIndex, titleSimilarity } from "./similarTitles";

type Input = { doi?: string | null; title: string | null; year?: number | null; authors?: string[] };
const keys = (r: Input) => dedupeKeys({ doi: r.doi ?? null, title: r.title, year: r.year ?? null, authors: r.authors ?? [] });
const known = (id: string, r: Input, duplicateOf: string | null = null): KnownRecord => ({ id, duplicateOf, ...keys(r) });

const PEER = "Peer support workers in community mental health teams: A qualitative study of role clarity";

describe("exact duplicates", () => {
  it("matches the same DOI first, whatever else differs", () => {
    const { duplicates } = deduplicate([known("a", { doi: "10.5555/x.1", title: "Something else", year: 2001 })], [keys({ doi: "10.5555/x.1", title: PEER, year: 2021 })]);
    expect(duplicates).toEqual([{ of: { known: "a" }, reason: "doi" }]);
  });

  it("then the same title, year and first author's surname, across databases' ways of writing them", () => {
    const { duplicates } = deduplicate(
      [known("scopus", { title: PEER, year: 2021, authors: ["Okafor, N.", "Lindqvist, M."] })],
      [
        // Ovid: trailing full stop, different case, full given name; WoS: capitals; Embase: "Surname I." with no comma.
        keys({ title: `${PEER.toLowerCase()}.`, year: 2021, authors: ["Okafor, Nkechi"] }),
        keys({ title: PEER.toUpperCase(), year: 2021, authors: ["OKAFOR N"] }),
        keys({ title: PEER, year: 2021, authors: ["Okafor N."] }),
      ],
    );
    expect(duplicates).toEqual([0, 1, 2].map(() => ({ of: { known: "scopus" }, reason: "title_year_author" })));
  });

  it("finds duplicates within one file, pointing each at the first copy", () => {
    const { duplicates } = deduplicate([], [keys({ title: PEER, year: 2021, authors: ["Okafor, N."] }), keys({ title: PEER, year: 2021, authors: ["Okafor, N."] }), keys({ title: "Other", doi: "10.1/a" }), keys({ title: "Other again", doi: "10.1/a" })]);
    expect(duplicates).toEqual([null, { of: { incoming: 0 }, reason: "title_year_author" }, null, { of: { incoming: 2 }, reason: "doi" }]);
  });

  it("points a copy of a known duplicate at that duplicate's original", () => {
    const { duplicates } = deduplicate(
      [known("original", { title: "A", year: 2020 }), known("copy", { title: PEER, year: 2021, doi: "10.5555/x.2" }, "original")],
      [keys({ title: "Anything", doi: "10.5555/x.2" })],
    );
    expect(duplicates).toEqual([{ of: { known: "original" }, reason: "doi" }]);
  });

  it("does not decide when title, year and author agree but the DOIs differ: it proposes the pair", () => {
    const result = deduplicate([known("abstract", { title: PEER, year: 2021, authors: ["Okafor, N."], doi: "10.5555/conf.1" })], [keys({ title: PEER, year: 2021, authors: ["Okafor, N."], doi: "10.5555/art.1" })]);
    expect(result.duplicates).toEqual([null]);
    expect(result.pairs).toEqual([{ a: { known: "abstract" }, b: 0, similarity: 1 }]);
  });

  it("keeps records without titles or DOIs apart", () => {
    expect(deduplicate([], [keys({ title: null, year: 2020, authors: ["A, B"] }), keys({ title: null, year: 2020, authors: ["A, B"] })])).toEqual({
      duplicates: [null, null],
      pairs: [],
      nearSearchComplete: true,
    });
  });
});

describe("near duplicates", () => {
  it("proposes titles at similarity ≥ 0.9 with years at most one apart, and not others", () => {
    const typo = PEER.replace("qualitative", "qualitive").replace("clarity", "clarty");
    const result = deduplicate(
      [known("k", { title: PEER, year: 2021, authors: ["Okafor, N."] })],
      [
        keys({ title: typo, year: 2022, authors: ["Okafor, N."] }),
        keys({ title: typo, year: 2019, authors: ["Okafor, N."] }),
        keys({ title: "Peer support workers in community mental health teams", year: 2021 }),
      ],
    );
    expect(result.duplicates).toEqual([null, null, null]);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ a: { known: "k" }, b: 0 });
    expect(result.pairs[0]!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(result.pairs[0]!.similarity).toBeLessThan(1);
  });

  it("pairs incoming records with each other, never a duplicate or two known records again", () => {
    const a = "Trusted autonomy and job satisfaction among inpatient mental health nurses";
    const result = deduplicate(
      [known("k1", { title: a, year: 2018 }), known("k2", { title: `${a}s`, year: 2018 }), known("k3", { title: `${a}!!`, year: 2018, authors: ["X, Y"] }, "k1")],
      [keys({ title: `The ${a}`, year: 2018, authors: ["Z, Z"] }), keys({ title: `The ${a}s`, year: 2019, authors: ["W, W"] })],
    );
    const described = result.pairs.map((p) => `${"known" in p.a ? p.a.known : `in${p.a.incoming}`}~in${p.b}`).sort();
    expect(described).toEqual(["in0~in1", "k1~in0", "k1~in1", "k2~in0", "k2~in1"]);
  });

  it("finds every pair a full comparison finds (the prefix filter loses none)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[ab c]{0,24}$/), { minLength: 1, maxLength: 25 }),
        (titles) => {
          const index = new SimilarTitleIndex(titles, 0.9);
          const found = new Set<string>();
          titles.forEach((_, j) => {
            for (const { position } of index.similarTo(j, [null])) found.add(`${position}-${j}`);
            index.add(j, null);
          });
          const expected = new Set<string>();
          titles.forEach((b, j) => titles.slice(0, j).forEach((a, i) => titleSimilarity(a, b, 0.9) !== null && expected.add(`${i}-${j}`)));
          expect([...found].sort()).toEqual([...expected].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stops the near-match search at its budget when thousands of titles are built from a few words, still finding exact duplicates", () => {
    const words = "peer support staff nurse ward team role clarity trust autonomy growth supervision mental health service care".split(" ");
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const titles = Array.from({ length: 5_000 }, () => Array.from({ length: 10 }, () => words[Math.floor(next() * words.length)]).join(" "));
    const result = deduplicate([], [...titles, titles[0]!].map((title, i) => keys({ title, year: 2020, authors: [i === 5_000 ? "Author0, A" : `Author${i}, A`] })));
    expect(result.nearSearchComplete).toBe(false);
    expect(result.duplicates[5_000]).toEqual({ of: { incoming: 0 }, reason: "title_year_author" });
  });
});

describe("edit distance and keys", () => {
  const levenshtein = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };

  it("agrees with the full edit distance whenever it is within the bound", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[abc]{0,12}$/), fc.stringMatching(/^[abc]{0,12}$/), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const full = levenshtein(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads the first author's surname from each database's way of writing names", () => {
    expect(surnameKey(["Trindade, Ines A"])).toBe("trindade");
    expect(surnameKey(["Liu R."])).toBe("liu");
    expect(surnameKey(["Pinto-Gouveia J"])).toBe("pintogouveia");
    expect(surnameKey(["Ines Trindade"])).toBe("trindade");
    expect(surnameKey(["O'Callaghan, Frances"])).toBe("ocallaghan");
    expect(surnameKey(["Müller, K."])).toBe(surnameKey(["Muller K"]));
    expect(surnameKey([])).toBe("");
  });
});
