// The write side of the update log, behind a small interface: the embedded store appends
// from a worker thread (sqliteLogWriter.ts); a PostgreSQL store will append over its pool.

export interface LoggedUpdate {
  documentId: string;
  data: Uint8Array;
}

export interface UpdateLogWriter {
  /** Commits the updates in one transaction, in order; resolves once they are durable. */
  write(updates: LoggedUpdate[]): Promise<void>;
  /** Waits for writes in flight, then releases the writer. */
  close(): Promise<void>;
}
