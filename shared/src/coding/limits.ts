// What one codebook and one coder's layer may hold, shared by the server's checks and the
// client's forms. Generous for a thesis (hundreds of codes, a few thousand codings per
// transcript), small enough that a codebook or layer document stays quick to sync.
export const CODING_LIMITS = {
  codeName: { what: "The code's name", max: 200 },
  descriptionChars: 5_000,
  noteChars: 2_000,
  memoChars: 2_000,
  codesPerProject: 20_000,
  codingsPerLayer: 50_000,
} as const;

export const CODE_LEVELS = ["initial", "focused", "category", "concept"] as const;
export type CodeLevel = (typeof CODE_LEVELS)[number];

/** Plain-language names of the levels of the grounded-theory chain. */
export const CODE_LEVEL_LABELS: Record<CodeLevel, string> = {
  initial: "Initial code",
  focused: "Focused code",
  category: "Category",
  concept: "Theoretical concept",
};
