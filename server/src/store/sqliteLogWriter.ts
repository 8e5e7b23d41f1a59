// Appends to the SQLite update log through a worker thread (see sqliteLogWorker.mjs). Batches
// are answered in the order they were sent, so the log keeps the order updates arrived in.
import { Worker } from "node:worker_threads";
import type { LoggedUpdate, UpdateLogWriter } from "./updateLog";
import type { SyncMode } from "./sqlite";

interface Waiting {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class SqliteLogWriter implements UpdateLogWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: Error | null = null;
  private closing = false;
  private readonly exited: Promise<void>;

  constructor(file: string, sync: SyncMode) {
    this.worker = new Worker(new URL("./sqliteLogWorker.mjs", import.meta.url), {
      workerData: { file, synchronous: sync === "normal" ? "NORMAL" : "FULL" },
    });
    this.worker.on("message", ({ id, error }: { id: number; error?: string }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (error) waiting?.reject(new Error(`update log: ${error}`));
      else waiting?.resolve();
    });
    this.worker.on("error", (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", () => {
        if (!this.closing) this.fail(new Error("the update log writer stopped"));
        resolve();
      }),
    );
  }

  /** Refuses every write from now on: nothing may be acknowledged that was not written. */
  private fail(error: Error): void {
    if (!this.failure) console.error("Update log writer failed:", error);
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  write(updates: LoggedUpdate[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error("the update log writer is closed"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, updates });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.failure) this.worker.postMessage({ id: 0, close: true });
    await this.exited;
  }
}
