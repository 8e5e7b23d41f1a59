// The one path by which the server changes a collaborative document itself: the codebook and
// every coder's layer are server-authored (clients open them read-only), so each change is
// validated by the route, applied here to the live document (Hocuspocus broadcasts it to
// everyone connected at once) and appended to the update log before the caller answers.
// Threads and paper ratings will write through here too.
//
// A change function must check everything before it mutates: Yjs has no rollback, so a
// throw halfway through a transaction would leave half a change in the live document.
import * as Y from "yjs";
import type { Hocuspocus } from "@hocuspocus/server";
import type { Store } from "../store/store";
import { relayUpdate } from "./updateRelays";

export interface DocumentHost {
  store: Store;
  /** Absent in in-process route tests: documents are then read from and written to the store. */
  hocuspocus?: Hocuspocus;
}

/** The transaction origin of server writes, so their updates can be told from everyone else's. */
const SERVER_WRITE = { source: "concord-server-write" } as const;

/** Applies `change` to a document and returns the update it made (null: it changed nothing). */
function transactCapturing<T>(doc: Y.Doc, change: (doc: Y.Doc) => T): { result: T; update: Uint8Array | null } {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array, origin: unknown) => {
    if (origin === SERVER_WRITE) updates.push(update);
  };
  doc.on("update", listen);
  let result!: T;
  try {
    doc.transact(() => {
      result = change(doc);
    }, SERVER_WRITE);
  } finally {
    doc.off("update", listen);
  }
  return { result, update: updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates) };
}

/**
 * Changes the document named `name` as the server and resolves once the change is durable.
 * Connected clients receive it live; a document nobody has open is loaded for the change
 * and unloads again after Hocuspocus's usual debounce.
 */
export async function writeDocument<T>(host: DocumentHost, name: string, change: (doc: Y.Doc) => T): Promise<T> {
  if (!host.hocuspocus) {
    const doc = await host.store.documents.loadDoc(name);
    try {
      const { result, update } = transactCapturing(doc, change);
      if (update) await host.store.documents.append(name, update);
      return result;
    } finally {
      doc.destroy();
    }
  }
  const connection = await host.hocuspocus.openDirectConnection(name, { serverWrite: true });
  try {
    const { result, update } = transactCapturing(connection.document!, change);
    if (update) await Promise.all([host.store.documents.append(name, update), relayUpdate(host.hocuspocus, name, update)]);
    return result;
  } finally {
    await connection.disconnect({ unloadImmediately: false });
  }
}

/**
 * Reads the document named `name`: the live one when it is open (it may hold edits a moment
 * newer than any other copy), else the stored state, which holds every acknowledged change.
 */
export async function readDocument<T>(host: DocumentHost, name: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const live = host.hocuspocus?.documents.get(name);
  if (live && !live.isLoading) return read(live);
  const doc = await host.store.documents.loadDoc(name);
  try {
    return await read(doc);
  } finally {
    doc.destroy();
  }
}
