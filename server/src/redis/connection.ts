// The Redis that joins several Concord processes (REDIS_URL): documents' edits and presence
// (Hocuspocus's Redis extension), changes of access, and the shared attempt limits all go
// through it, under one key prefix (CONCORD_REDIS_PREFIX) so several Concord instances can
// share one Redis without seeing each other. ioredis is loaded only here, when REDIS_URL is
// set: a single process never loads it.
import type { Redis as IORedis } from "ioredis";

export interface RedisLink {
  /** The prefix every key and channel of this instance starts with, ending in ":". */
  prefix: string;
  /** A new connection (pub/sub needs connections of its own). */
  connect(): IORedis;
  /** The connection for ordinary commands (attempt limits, publishing). */
  commands: IORedis;
  /** Whether every connection is up, so edits reach the other processes. */
  reachable(): boolean;
  /** Called when that changes: false once any connection is lost, true once all are back. */
  onReachability(listener: (reachable: boolean) => void): void;
  /** Closes every connection made through `connect` and `commands`. */
  close(): Promise<void>;
}

export async function openRedis(url: string, prefix: string): Promise<RedisLink> {
  const { Redis } = await import("ioredis");
  const opened: IORedis[] = [];
  const away = new Set<IORedis>();
  const listeners: ((reachable: boolean) => void)[] = [];
  const mark = (client: IORedis, down: boolean) => {
    const before = away.size === 0;
    if (down) away.add(client);
    else away.delete(client);
    if (before !== (away.size === 0)) for (const listener of listeners) listener(away.size === 0);
  };
  const shown = url.replace(/\/\/[^@]*@/, "//…@");
  const connect = () => {
    // Commands wait while Redis is away and go out when it is back (ioredis's offline queue),
    // so a Redis restart delays presence and relayed edits rather than losing them; the
    // edits themselves are already durable in the database before anyone is told they are saved.
    // No auto-pipelining: with it, ioredis 5.6 throws "results[i] is not iterable" outside
    // any promise when queued commands meet a reconnection, which ends the process
    // (redis/ioredis#1931); a Redis restart then stopped every Concord process.
    const client = new Redis(url, { maxRetriesPerRequest: null });
    away.add(client); // until its first 'ready'
    // Said once per outage, not at every retry.
    let down = false;
    client.on("error", (error: Error) => {
      if (!down) console.warn(`Redis at ${shown} is unreachable (${error.message}); retrying. Edits are still saved; other processes see them when it is back.`);
      down = true;
    });
    // A lost connection is away from its close on, whether or not a retry fails afterwards.
    client.on("close", () => mark(client, true));
    client.on("ready", () => {
      if (down) console.warn(`Redis at ${shown} is back.`);
      down = false;
      mark(client, false);
    });
    opened.push(client);
    return client;
  };
  const commands = connect();
  return {
    prefix: `${prefix}:`,
    connect,
    commands,
    reachable: () => away.size === 0,
    onReachability: (listener) => listeners.push(listener),
    async close() {
      await Promise.all(opened.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
