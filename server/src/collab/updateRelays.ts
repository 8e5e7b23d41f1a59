// Where a collaboration server sends each accepted update for the other processes to hold
// before anyone is told it is saved (redis/updateRelay.ts); none with one process. Both paths
// that accept updates use it: a client's edit (PersistenceExtension) and a server write
// (serverWrites.ts).
import type { Hocuspocus } from "@hocuspocus/server";

export type UpdateRelayFn = (documentName: string, update: Uint8Array) => Promise<void>;

const relays = new WeakMap<Hocuspocus, UpdateRelayFn>();

export function setUpdateRelay(hocuspocus: Hocuspocus, relay: UpdateRelayFn): void {
  relays.set(hocuspocus, relay);
}

/** Publishes `update` to the other processes, if there are any; resolves once they hold it. */
export function relayUpdate(hocuspocus: Hocuspocus | undefined, documentName: string, update: Uint8Array): Promise<void> {
  const relay = hocuspocus && relays.get(hocuspocus);
  return relay ? relay(documentName, update) : Promise.resolve();
}
