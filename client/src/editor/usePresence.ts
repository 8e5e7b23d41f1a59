// Who has this document open right now, from the provider's awareness states.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

export type PresentPerson = { clientId: number; userId: string | null; name: string; color: string; isSelf: boolean };

/**
 * One entry per person: someone with the document open in two tabs (two awareness clients)
 * is listed once, and your own other tabs are you.
 */
export function onePerPerson(people: PresentPerson[]): PresentPerson[] {
  const selfId = people.find((p) => p.isSelf)?.userId ?? null;
  const seen = new Set<string>();
  return people.filter((person) => {
    if (person.userId === null) return true;
    if (!person.isSelf && person.userId === selfId) return false;
    if (seen.has(person.userId)) return false;
    seen.add(person.userId);
    return true;
  });
}

function readPresence(provider: HocuspocusProvider): PresentPerson[] {
  const awareness = provider.awareness;
  if (!awareness) return [];
  const people: PresentPerson[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== "string") return;
    people.push({
      clientId,
      userId: typeof user.id === "string" ? user.id : null,
      name: user.name,
      color: typeof user.color === "string" ? user.color : "#475467",
      isSelf: clientId === awareness.clientID,
    });
  });
  // You first, then everyone else by name, so the list does not jump about.
  return onePerPerson(people).sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

export function usePresence(provider: HocuspocusProvider | null): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!provider || !awareness) {
      setPeople([]);
      return;
    }
    const refresh = () => setPeople(readPresence(provider));
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [provider]);
  return people;
}
