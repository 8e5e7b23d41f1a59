// What a Concord process tells the people editing through it when the Redis that joins it to
// the other processes goes away and comes back (a Hocuspocus stateless message on each open
// document). Meanwhile their edits are saved but reach only people on the same process; the
// page says so, and the others catch up by themselves once it is back.

export type RelayNotice = { type: "relay"; reachable: boolean };

export function relayNotice(reachable: boolean): string {
  return JSON.stringify({ type: "relay", reachable } satisfies RelayNotice);
}

/** The notice in a stateless payload, or null for any other message. */
export function readRelayNotice(payload: string): RelayNotice | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return null;
    const { type, reachable } = value as Partial<RelayNotice>;
    return type === "relay" && typeof reachable === "boolean" ? { type, reachable } : null;
  } catch {
    return null;
  }
}
