// Durable Yjs document state: a snapshot plus an append-only log of updates.
//
// `append` resolves only once the update is committed, and the collaboration server holds
// the acknowledgement until then, so an acknowledged change survives a kill -9. Appends
// arriving in the same tick share one transaction (group commit): one commit for many
// keystrokes from many people. The writer runs off the event loop (see updateLog.ts).
//
// Compaction merges the snapshot with logged updates purely from stored data, never from a
// live document, so it can run at any time without racing the updates in flight. Merging
// builds the whole document (a hundred milliseconds for a long interview with its edits), so
// the server hands it to a worker thread (`mergeWith`): done on the event loop it would hold
// up every keystroke of every document for that long.
import * as Y from "yjs";
import type { Kysely } from "kysely";
import type { Dialect } from "./migrations";
import type { DatabaseSchema } from "./schema";
import type { UpdateLogWriter } from "./updateLog";

interface PendingAppend {
  documentId: string;
  data: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Log rows deleted per statement by a compaction (SQLite allows 32,766 parameters). */
const DELETE_CHUNK = 5_000;

/** After this many logged updates a document is compacted in the background. */
const COMPACT_AFTER_UPDATES = 500;

/** Merges stored parts (snapshot first, then updates) into one state update. */
export type StateMerger = (parts: Uint8Array[], documentId: string) => Promise<Uint8Array>;

/** Merging on the calling thread: for tools and tests that have no worker pool. */
export const mergeHere: StateMerger = async (parts, documentId) => {
  const doc = new Y.Doc();
  applyStored(doc, parts, documentId);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
};

export class DocumentStateStore {
  private pending: PendingAppend[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly logCounts = new Map<string, number>();
  private readonly compacting = new Map<string, Promise<void>>();
  private merge: StateMerger = mergeHere;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly log: UpdateLogWriter,
    private readonly dialect: Dialect = "sqlite",
  ) {}

  /** Where compaction merges stored state from now on (the server's worker pool). */
  mergeWith(merger: StateMerger): void {
    this.merge = merger;
  }

  /** Durably appends one update; resolves when it is committed. */
  append(documentId: string, data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ documentId, data, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  /** Sends the pending appends as one batch and waits until every batch sent so far is committed. */
  async flush(): Promise<void> {
    const batch = this.pending;
    if (batch.length > 0) {
      this.pending = [];
      const commit = this.commit(batch);
      this.inFlight.add(commit);
      void commit.finally(() => this.inFlight.delete(commit));
    }
    await Promise.all(this.inFlight);
  }

  private async commit(batch: PendingAppend[]): Promise<void> {
    try {
      await this.log.write(batch.map(({ documentId, data }) => ({ documentId, data })));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) {
      p.resolve();
      const count = (this.logCounts.get(p.documentId) ?? 0) + 1;
      this.logCounts.set(p.documentId, count);
      if (count === COMPACT_AFTER_UPDATES) setImmediate(() => void this.compact(p.documentId).catch(logCompactionError));
    }
  }

  /** How many updates are logged for a document since its last compaction (as far as this process knows). */
  loggedUpdates(documentId: string): number {
    return this.logCounts.get(documentId) ?? 0;
  }

  /**
   * The snapshot and every update still logged, read in one transaction so a compaction
   * committing in between cannot make the two disagree (and updates seem to vanish).
   *
   * Not only those numbered after the snapshot: on PostgreSQL a sequence number is taken when
   * an insert starts, not when it commits, so an update may commit with a number below one
   * already compacted (another connection's, or another process's). A compaction deletes
   * exactly the rows it merged, so any row still here is either such a late one or a copy of
   * what the snapshot holds, and applying a Yjs update twice changes nothing.
   */
  private async readStored(documentId: string) {
    await this.flush();
    // One snapshot for both reads: SQLite's read transactions are; PostgreSQL's default (read
    // committed) takes a new one per statement, so a compaction committing between the two
    // would hide the rows it merged behind the snapshot read before it.
    const transaction = this.db.transaction();
    return (this.dialect === "postgres" ? transaction.setIsolationLevel("repeatable read") : transaction).execute(async (trx) => {
      const snapshot = await trx
        .selectFrom("doc_snapshots")
        .select(["state", "last_seq"])
        .where("document_id", "=", documentId)
        .executeTakeFirst();
      const updates = await trx
        .selectFrom("doc_updates")
        .select(["seq", "data"])
        .where("document_id", "=", documentId)
        .orderBy("seq")
        .execute();
      return { snapshot, updates };
    });
  }

  /** Everything stored for a document, in order: snapshot first, then logged updates. */
  async load(documentId: string): Promise<Uint8Array[]> {
    const { snapshot, updates } = await this.readStored(documentId);
    this.logCounts.set(documentId, updates.length);
    const parts = updates.map((u) => toBytes(u.data));
    return snapshot ? [toBytes(snapshot.state), ...parts] : parts;
  }

  /** Builds a Y.Doc from stored state. Unreadable entries are skipped, never fatal. */
  async loadDoc(documentId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    await this.loadInto(documentId, doc);
    return doc;
  }

  /**
   * Applies the stored state to `doc` (a live document being opened) in one transaction:
   * building it elsewhere first and copying it over would take twice the time and, for a
   * moment, twice the memory.
   */
  async loadInto(documentId: string, doc: Y.Doc): Promise<void> {
    const parts = await this.load(documentId);
    doc.transact(() => applyStored(doc, parts, documentId));
  }

  /** Resolves once every compaction running now has finished (before the worker pool closes). */
  async compactionsSettled(): Promise<void> {
    await Promise.allSettled([...this.compacting.values()]);
  }

  /** Merges the snapshot and the logged updates into a new snapshot, then trims the log. */
  compact(documentId: string): Promise<void> {
    const running = this.compacting.get(documentId);
    if (running) return running;
    const job = this.compactNow(documentId).finally(() => this.compacting.delete(documentId));
    this.compacting.set(documentId, job);
    return job;
  }

  private async compactNow(documentId: string): Promise<void> {
    const { snapshot, updates } = await this.readStored(documentId);
    if (updates.length === 0) return;
    const parts = [...(snapshot ? [toBytes(snapshot.state)] : []), ...updates.map((u) => toBytes(u.data))];
    const state = await this.merge(parts, documentId);
    const oldSeq = Number(snapshot?.last_seq ?? 0);
    const merged = updates.map((u) => Number(u.seq));
    const newSeq = merged.reduce((max, seq) => Math.max(max, seq), oldSeq);
    const updatedAt = new Date().toISOString();
    // Write-first transaction: its first statement takes the write lock (waiting for the log
    // writer if need be), and it only replaces the snapshot it was computed from.
    await this.db.transaction().execute(async (trx) => {
      const replaced = snapshot
        ? await trx
            .updateTable("doc_snapshots")
            .set({ state, last_seq: newSeq, updated_at: updatedAt })
            .where("document_id", "=", documentId)
            .where("last_seq", "=", oldSeq)
            .executeTakeFirst()
        : await trx
            .insertInto("doc_snapshots")
            .values({ document_id: documentId, state, last_seq: newSeq, updated_at: updatedAt })
            .onConflict((oc) => oc.column("document_id").doNothing())
            .executeTakeFirst();
      const changed = "numUpdatedRows" in replaced ? replaced.numUpdatedRows : (replaced.numInsertedOrUpdatedRows ?? 0n);
      if (changed === 0n) return; // compacted meanwhile by someone else; nothing to do
      // Exactly the rows merged: one committed meanwhile with a lower number stays for the next load.
      for (let i = 0; i < merged.length; i += DELETE_CHUNK) {
        await trx.deleteFrom("doc_updates").where("document_id", "=", documentId).where("seq", "in", merged.slice(i, i + DELETE_CHUNK)).execute();
      }
    });
    this.logCounts.set(documentId, 0);
  }
}

function toBytes(data: Uint8Array): Uint8Array {
  // better-sqlite3 returns Buffers; Yjs wants plain Uint8Arrays.
  return data instanceof Uint8Array && data.constructor === Uint8Array ? data : new Uint8Array(data);
}

/** Applies stored parts in order; an unreadable one is skipped, never fatal. */
function applyStored(doc: Y.Doc, parts: Uint8Array[], documentId: string): void {
  for (const update of parts) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      console.error(`Skipped an unreadable stored update of document ${documentId}:`, error);
    }
  }
}

function logCompactionError(error: unknown): void {
  console.error("Background compaction failed (the update log is intact):", error);
}
