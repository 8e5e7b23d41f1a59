// Seeded synthetic database exports for the records benchmark and the import tests: titles
// from a Zipf-distributed vocabulary (as real titles are), abstracts, authors, keywords and
// cited references, written as Scopus-style or Ovid-style RIS. A share of the records in the
// second file copies the first (same DOI, or the same title written another way), as two
// databases' results overlap.
import prand from "pure-rand";

export interface SyntheticPaper {
  title: string;
  authors: string[];
  year: number;
  journal: string;
  doi: string;
  abstract: string;
  keywords: string[];
}

function generator(seed: number) {
  const rng = prand.xoroshiro128plus(seed);
  const int = (max: number) => prand.unsafeUniformIntDistribution(0, max - 1, rng);
  // The commonest words of real titles first, then invented words with English letter
  // frequencies: titles share their short words and differ in their long ones, as real ones do.
  const letters = "eeeeeeeeeeeetttttttttaaaaaaaaoooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddlllluuucccmmmwwffggyyppbbvkjxqz";
  const common = "of the and in a with for on to among study patients mental health care staff experiences qualitative".split(" ");
  const invented = Array.from({ length: 6_000 }, () => Array.from({ length: 3 + int(9) }, () => letters[int(letters.length)]).join(""));
  const vocabulary = [...common, ...invented];
  // Zipf: the word of rank r is drawn with weight 1/r.
  const cumulative: number[] = [];
  vocabulary.reduce((sum, _, r) => (cumulative.push(sum + 1 / (r + 1)), sum + 1 / (r + 1)), 0);
  const total = cumulative[cumulative.length - 1]!;
  const word = () => {
    const x = (int(1_000_000) / 1_000_000) * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return { int, words, capitalised };
}

export function syntheticPapers(count: number, seed: number): SyntheticPaper[] {
  const { int, words, capitalised } = generator(seed);
  return Array.from({ length: count }, (_, i) => ({
    title: capitalised(words(6 + int(12))),
    authors: Array.from({ length: 1 + int(6) }, () => `${capitalised(words(1))}, ${String.fromCharCode(65 + int(26))}.`),
    year: 2000 + int(25),
    journal: `Journal of ${capitalised(words(2))}`,
    doi: `10.5555/syn.${seed}.${i}`,
    abstract: capitalised(`${words(180 + int(80))}.`),
    keywords: Array.from({ length: 3 + int(6) }, () => words(1 + int(2))),
  }));
}

/** A Scopus-style RIS export: TI/AU/PY/T2/DO, a references note running over untagged lines. */
export function scopusRis(papers: SyntheticPaper[]): string {
  return papers
    .map((p) =>
      [
        "TY  - JOUR",
        `TI  - ${p.title}`,
        `T2  - ${p.journal}`,
        `PY  - ${p.year}`,
        `DO  - ${p.doi}`,
        ...p.authors.map((a) => `AU  - ${a}`),
        `AB  - ${p.abstract}`,
        ...p.keywords.map((k) => `KW  - ${k}`),
        "DB  - Scopus",
        `N1  - References: ${p.authors[0]} (${p.year - 3}) An earlier paper, 1, pp. 1-9;`,
        `${p.authors[0]} (${p.year - 5}) Another earlier paper, 2, pp. 10-19;`,
        "ER  - ",
        "",
      ].join("\n"),
    )
    .join("\n");
}

/** An Ovid-style RIS export: numbered, T1/A1/Y1 "2019//", DOI as a URL given twice, links after ER. */
export function ovidRis(papers: SyntheticPaper[], { dropDoiEvery = 0 } = {}): string {
  return papers
    .map((p, i) => {
      const doi = dropDoiEvery > 0 && i % dropDoiEvery === 0 ? [] : [`DO  - http://dx.doi.org/${p.doi}`];
      return [
        `${i + 1}.`,
        "TY  - JOUR",
        ...doi,
        `T1  - ${p.title}.`,
        ...p.authors.map((a) => `A1  - ${a.replace(/\.$/, "")}`),
        `Y1  - ${p.year}//`,
        `N2  - ${p.abstract}`,
        `JF  - ${p.journal}`,
        ...doi,
        "ER  -",
        "NL  - J Synth",
        "",
        `Link to the Ovid Full Text or citation: https://ovid.example.test/?AN=${i}`,
        "",
      ].join("\n");
    })
    .join("\n");
}
