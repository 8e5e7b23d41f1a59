// Default code colours. The presence palette (client/src/editor/userColor.ts) was chosen to
// stay distinguishable for normal vision and under simulated protanopia, deuteranopia and
// tritanopia, and dark enough (3:1 on white, WCAG non-text contrast) for a thin mark; code
// stripes need the same, so codes take the same eight hues (the simulations are in
// client/src/editor/userColor.test.ts; colors.test.ts checks that these are those and the
// contrast). More codes than hues repeat them; names on hover and focus, not colour alone,
// tell codes apart.
export const CODE_PALETTE = ["#0077aa", "#00aa66", "#445511", "#7700aa", "#ff5511", "#dd55ff", "#bb3377", "#0000ee"] as const;

const COLOR = /^#[0-9a-f]{6}$/;

/** Whether a colour is written as Concord stores them: `#rrggbb`, lowercase. */
export function isCodeColor(value: string): boolean {
  return COLOR.test(value);
}

/** The colour a new code gets when none is chosen: the next in the palette after those in use. */
export function defaultCodeColor(codesSoFar: number): string {
  return CODE_PALETTE[codesSoFar % CODE_PALETTE.length]!;
}
