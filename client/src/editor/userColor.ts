// Presence colours: each is dark enough for white text on it (contrast above 4.5:1), because
// caret labels and name badges print the person's name in white on their colour.
export const PALETTE = ["#1d4ed8", "#b42318", "#067647", "#6d28d9", "#a33a00", "#0e7490", "#be185d", "#475467"];

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
