// Appends to the PostgreSQL update log. One batch is committed at a time, in the order the
// batches came; batches that arrive while a commit is in flight wait and are then committed
// together in one statement (group commit: under load, one fsync on PostgreSQL's side for
// all of them). The commit is network I/O, so the event loop relays edits meanwhile.
//
// A failed commit rejects only its batches (their authors are never told the change is
// saved, and their clients send it again); the next batch tries afresh on a new connection,
// so the log recovers by itself once PostgreSQL answers again.
import type pg from "pg";
import type { LoggedUpdate, UpdateLogWriter } from "./updateLog";

interface Waiting {
  updates: LoggedUpdate[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/** unnest() turns three arrays into rows: one statement, one transaction, however many updates. */
const INSERT = `INSERT INTO doc_updates (document_id, data, created_at)
  SELECT document_id, data, $3 FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(document_id, data, n) ORDER BY n`;

export class PostgresLogWriter implements UpdateLogWriter {
  private queue: Waiting[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  write(updates: LoggedUpdate[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the update log writer is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ updates, resolve, reject });
      this.running ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      const updates = group.flatMap((w) => w.updates);
      try {
        await this.pool.query(INSERT, [updates.map((u) => u.documentId), updates.map((u) => Buffer.from(u.data.buffer, u.data.byteOffset, u.data.byteLength)), new Date().toISOString()]);
      } catch (error) {
        const failure = new Error(`update log: ${error instanceof Error ? error.message : String(error)}`);
        for (const w of group) w.reject(failure);
        continue;
      }
      for (const w of group) w.resolve();
    }
    this.running = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }
}
