// Worker threads for work whose cost a caller controls (file parsing, agreement statistics),
// so the event loop that relays everyone's edits never waits on it. Each task runs under a
// deadline and every worker under a heap limit: a task that overruns either is stopped by
// ending its thread (the only way to stop synchronous code), and the caller gets a clear
// error while the server carries on. The queue is bounded too, so a flood is refused at once
// rather than held in memory.
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { errors } from "../errors";
import type { TaskResult } from "./tasks";
import type * as tasks from "./tasks";

export interface WorkerLimits {
  /** Threads at most; two cores here, and the relay needs one. */
  threads: number;
  /** Old-generation heap of each worker, in MB. */
  heapMb: number;
  /** Tasks waiting for a thread beyond this are refused with 503. */
  queue: number;
}

type TaskName = keyof typeof tasks;
type TaskInput<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
type TaskValue<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>> extends TaskResult<infer T> ? T : never;

export function workerLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerLimits {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}".`);
    return n;
  };
  return { threads: number("CONCORD_WORKERS", 2), heapMb: number("CONCORD_WORKER_HEAP_MB", 1024), queue: number("CONCORD_WORKER_QUEUE", 16) };
}

const workerFile = new URL("./worker.mjs", import.meta.url);

/** A task not running after this long (a thread that cannot start) is given up on. */
const START_DEADLINE_MS = 60_000;

export class WorkerPool {
  private readonly pool: Piscina;
  /** Tasks running or waiting; counted here because Piscina's own queue bound lets a burst past it. */
  private inFlight = 0;

  constructor(private readonly limits: WorkerLimits = workerLimitsFromEnv()) {
    this.pool = new Piscina({
      filename: workerFile.href,
      minThreads: 0,
      maxThreads: limits.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    // A worker that dies between tasks (e.g. out of memory after answering) is replaced;
    // without a listener Piscina's 'error' event would end the whole process.
    this.pool.on("error", (error: Error) => console.warn(`A worker thread stopped: ${error.message}`));
  }

  /**
   * Runs a task with a deadline. Resolves with its value; a task that answered with a
   * message becomes a 400 (or `refused`'s error), or a 413 when it was refused for its size;
   * one that overran time or memory a 422, a full queue a 503.
   */
  async run<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    opts: { timeoutMs: number; what: string; refused?: (message: string) => Error },
  ): Promise<TaskValue<N>> {
    if (this.inFlight >= this.limits.threads + this.limits.queue) throw errors.busy();
    let result: TaskResult<TaskValue<N>>;
    this.inFlight++;
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let deadline = setTimeout(() => abort.abort(), START_DEADLINE_MS);
    port1.once("message", () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => abort.abort(), opts.timeoutMs);
    });
    try {
      result = await this.pool.run({ input, started: port2 }, { name, signal: abort.signal, transferList: [port2] });
    } catch (error) {
      throw this.explain(error, opts);
    } finally {
      clearTimeout(deadline);
      port1.close();
      this.inFlight--;
    }
    if (!result.ok) throw result.limit ? errors.tooLarge(result.message) : (opts.refused ?? errors.validation)(result.message);
    return result.value;
  }

  private explain(error: unknown, opts: { timeoutMs: number; what: string }): Error {
    const code = (error as { code?: string } | null)?.code;
    if (error instanceof Error && error.name === "AbortError") {
      return errors.tooDemanding(`${opts.what} took longer than the ${opts.timeoutMs / 1000} s the server allows, and was stopped.`);
    }
    if (code === "ERR_WORKER_OUT_OF_MEMORY") {
      return errors.tooDemanding(`${opts.what} needed more memory than the ${this.limits.heapMb} MB the server allows, and was stopped.`);
    }
    console.error(`${opts.what} failed in a worker:`, error);
    return errors.internal();
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
