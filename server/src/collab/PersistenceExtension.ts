// Makes every acknowledged change durable. Hocuspocus applies, broadcasts and acknowledges
// an update right after awaiting `beforeSync`, so the update is validated here (against the
// transcript schema, @concord/shared transcript/schema.ts: a refused update closes only its
// connection and is neither stored nor relayed) and its append to the log is started here. On a DurableAckSocket the author's acknowledgement
// waits for the commit while the others see the edit at once; on any other socket
// beforeSync itself waits for the commit. Hocuspocus's debounced onStoreDocument only
// triggers compaction; it is never the thing that makes a change safe.
import * as Y from "yjs";
import type {
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import { CLOSE, checkTranscriptUpdate, parseDocumentName, summarizeTranscript, type TranscriptRefusal } from "@concord/shared";
import type { Store } from "../store/store";
import type { ConnectionContext } from "./context";
import { DurableAckSocket } from "./DurableAckSocket";

// y-protocols message types carrying document changes.
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** Below this many logged updates, a debounced store does not bother compacting. */
const COMPACT_THRESHOLD = 50;

/** Whether an update changes nothing (e.g. the empty SyncStep2 every client sends on connect). */
function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * `CONCORD_DURABILITY=off` skips the update log, FOR BENCHMARKING ONLY (`pnpm bench:sync`
 * measures what the durable write path costs): changes are acknowledged without being
 * stored, so every edit made while it is off is lost when the document unloads.
 */
export function durabilityFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CONCORD_DURABILITY !== "off";
}

export class PersistenceExtension implements Extension {
  extensionName = "Persistence";
  /** Per document, who made the latest accepted change not yet recorded in its row. */
  private readonly lastEditors = new Map<string, string>();
  /** Documents whose live state holds an update that could not be committed (storage was down). */
  private readonly unsaved = new Set<string>();

  /**
   * `relay`: with several processes (REDIS_URL), publishes an accepted update to the others;
   * the author's acknowledgement waits for it as for the commit, so whichever process
   * survives a crash already holds every acknowledged edit in memory (redis/updateRelay.ts).
   */
  constructor(
    private readonly store: Store,
    private readonly durable = durabilityFromEnv(),
    private readonly relay?: (documentName: string, update: Uint8Array) => Promise<void>,
  ) {
    if (!durable) console.warn("CONCORD_DURABILITY=off: edits are NOT saved. Use this for benchmarks only.");
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    await this.store.documents.loadInto(documentName, document);
  }

  async beforeSync({ type, payload, connection, context, document, documentName }: beforeSyncPayload<ConnectionContext>): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== UPDATE) || connection.readOnly) return;
    let empty: boolean;
    let refusal: TranscriptRefusal | null;
    try {
      empty = isEmptyUpdate(payload);
      refusal = empty ? null : checkTranscriptUpdate(document, payload);
    } catch {
      throw CLOSE.invalidUpdate;
    }
    if (refusal) {
      console.warn(`Refused an update of ${documentName}: ${refusal.detail}.`);
      throw refusal.problem === "too_long" ? CLOSE.tooLong : CLOSE.notEditorContent;
    }
    if (!empty) this.lastEditors.set(documentName, context.user.id);
    if (!this.durable) return;
    // A document holding an update that failed to commit is saved whole first, even for an
    // empty message: a reconnecting author's client finds its change already in the server's
    // memory, sends nothing new, and would otherwise take the reply for "saved".
    const commits = [
      ...(this.unsaved.has(documentName) ? [this.saveWhole(documentName, document)] : []),
      ...(empty ? [] : [this.logged(documentName, payload)]),
      ...(empty || !this.relay ? [] : [this.relay(documentName, payload)]),
    ];
    if (commits.length === 0) return;
    const commit = Promise.all(commits).then(() => undefined);
    if (connection.webSocket instanceof DurableAckSocket) {
      connection.webSocket.holdAcksUntil(commit);
      return;
    }
    try {
      await commit;
    } catch (error) {
      console.error(`Could not log an update of ${documentName}:`, error);
      throw CLOSE.storageFailed;
    }
  }

  /** Appends one update; if it cannot be committed, the document is marked as holding unsaved changes. */
  private logged(documentName: string, update: Uint8Array): Promise<void> {
    return this.store.documents.append(documentName, update).catch((error: unknown) => {
      this.unsaved.add(documentName);
      throw error;
    });
  }

  /**
   * Appends the whole in-memory state, which holds every update whose commit failed. Commits
   * resolve in the order they were sent, so a failure of a later update marks it unsaved again.
   */
  private saveWhole(documentName: string, document: Y.Doc): Promise<void> {
    return this.logged(documentName, Y.encodeStateAsUpdate(document)).then(() => {
      this.unsaved.delete(documentName);
    });
  }

  /**
   * Records a transcript's overview facts in the document's row (layers and the codebook have none). The word count and participant come
   * from the live document already in memory here, so the project's list stays a plain query
   * however long the transcripts are; every live edit ends in this debounced store (and again
   * on unload), so the row is never more than a few seconds behind the text.
   */
  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    // Taken before any await: an edit arriving meanwhile sets it again for the next store.
    const editor = this.lastEditors.get(documentName);
    this.lastEditors.delete(documentName);
    // Storage is back, or this is the last chance before the document leaves memory.
    if (this.unsaved.has(documentName)) await this.saveWhole(documentName, document);
    if (parseDocumentName(documentName)?.kind === "text") await this.summarize(document, documentName, editor);
    if (this.store.documents.loggedUpdates(documentName) >= COMPACT_THRESHOLD) {
      await this.store.documents.compact(documentName);
    }
  }

  private async summarize(document: onStoreDocumentPayload["document"], documentName: string, editor: string | undefined): Promise<void> {
    await this.store.db
      .updateTable("documents")
      .set({ updated_at: new Date().toISOString(), ...summarizeTranscript(document), ...(editor ? { last_changed_by: editor } : {}) })
      .where("id", "=", documentName)
      .execute();
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    // What could not be saved left memory with it; its authors' clients still hold it unacknowledged.
    this.unsaved.delete(documentName);
    await this.store.documents.compact(documentName).catch((error) => {
      console.error(`Compaction of ${documentName} failed (the update log is intact):`, error);
    });
  }
}
