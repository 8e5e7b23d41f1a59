// Who has this document open right now, from the provider's awareness states.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

export type PresentPerson = { clientId: number; name: string; color: string; isSelf: boolean };

function readPresence(provider: HocuspocusProvider): PresentPerson[] {
  const awareness = provider.awareness;
  if (!awareness) return [];
  const people: PresentPerson[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== "string") return;
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === "string" ? user.color : "#475467",
      isSelf: clientId === awareness.clientID,
    });
  });
  // You first, then everyone else by name, so the list does not jump about.
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
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
