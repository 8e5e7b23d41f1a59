// Presence colours. Eight hues chosen (by a search over sRGB, checked in userColor.test.ts) to
// stay apart for normal vision and under simulated protanopia, deuteranopia and tritanopia,
// each dark enough that a 2px caret bar shows on the white page (3:1, WCAG non-text contrast).
// The name tag's text is white or near-black, whichever reads better on the colour.
export const PALETTE = ["#0077aa", "#00aa66", "#445511", "#7700aa", "#ff5511", "#dd55ff", "#bb3377", "#0000ee"];

const DARK_TEXT = "#1a1a1a";
const LIGHT_TEXT = "#ffffff";

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour for a name tag on `background`; anything but `#rrggbb` gets white. */
export function textColorOn(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return LIGHT_TEXT;
  return contrast(background, DARK_TEXT) > contrast(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** Up to two initials ("Jo Mensah" → "JM"), so people differ by more than colour. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => Array.from(word)[0]!.toLocaleUpperCase()).join("") || "?";
}

function preferredIndex(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % PALETTE.length;
}

/**
 * A person's colour: their own stable choice unless someone already present holds it, in
 * which case the next free one. Only those who joined earlier (lower awareness client id)
 * keep priority, so two people never both move away from the same colour.
 */
export function colorForUser(userId: string, others: { clientId: number; color: string }[] = [], selfClientId = Infinity): string {
  const taken = new Set(others.filter((o) => o.clientId < selfClientId).map((o) => o.color));
  const start = preferredIndex(userId);
  for (let step = 0; step < PALETTE.length; step++) {
    const color = PALETTE[(start + step) % PALETTE.length]!;
    if (!taken.has(color)) return color;
  }
  return PALETTE[start]!; // more people than colours: share
}
