// Assembles Concord: one HTTP server on one port for the API, the client and /collab.
import { createAdaptorServer } from "@hono/node-server";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Hocuspocus } from "@hocuspocus/server";
import { UNAUTHENTICATED_SOCKETS } from "@concord/shared";
import { createApp } from "./app";
import type { Config } from "./config";
import { AuthExtension } from "./collab/AuthExtension";
import { PersistenceExtension, durabilityFromEnv } from "./collab/PersistenceExtension";
import { PresenceExtension } from "./collab/PresenceExtension";
import { RelayNoticeExtension } from "./collab/RelayNoticeExtension";
import { attachCollaboration } from "./collab/websocket";
import { closeExpiredConnections } from "./collab/access";
import { MAILS_PER_RECIPIENT, recipientLimited, smtpMailer } from "./mail/mailer";
import { PASSWORD_LIMIT } from "./auth/loginThrottle";
import type { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import { joinOtherProcesses } from "./redis/processBus";
import { RedisAttemptLimiter } from "./redis/attemptLimiter";
import { openRedis, type RedisLink } from "./redis/connection";
import { UpdateRelay } from "./redis/updateRelay";
import { relayUpdate, setUpdateRelay } from "./collab/updateRelays";
import { randomUUID } from "node:crypto";
import { openStore, type Store } from "./store/store";
import { WorkerPool } from "./workers/pool";

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  hocuspocus: Hocuspocus;
  workers: WorkerPool;
  /** Closes every connection, lets documents unload and flushes storage. */
  close(): Promise<void>;
}

/** How often connections are checked for a credential that has expired while they were open. */
const EXPIRY_SWEEP_MS = 60_000;

/** Hocuspocus's Redis extension, loaded (with ioredis and its lock) only when REDIS_URL is set. */
async function redisExtensionFor(redis: RedisLink, relay: UpdateRelay): Promise<RedisExtension> {
  const { Redis } = await import("@hocuspocus/extension-redis");
  return new Redis({ createClient: () => redis.connect(), prefix: relay.channelPrefix, identifier: relay.identifier });
}

async function createCollaboration(store: Store, publicUrl: () => URL, redis?: RedisLink): Promise<Hocuspocus> {
  const relay = redis ? new UpdateRelay(redis, `concord-${randomUUID()}`) : undefined;
  const redisExtension = relay && redis ? await redisExtensionFor(redis, relay) : undefined;
  const hocuspocus: Hocuspocus = new Hocuspocus({
    quiet: true,
    // The order is the policy: nobody reaches persistence without passing auth. The Redis
    // extension runs first by its own priority: its lock lets one process store a document
    // that several hold; edits and presence it relays from other processes were checked there.
    extensions: [
      ...(redisExtension ? [redisExtension] : []),
      new AuthExtension(store, publicUrl),
      new PresenceExtension(),
      new PersistenceExtension(store, durabilityFromEnv(), (name, update) => relayUpdate(hocuspocus, name, update)),
      ...(redis ? [new RelayNoticeExtension(redis)] : []),
    ],
    debounce: 2_000,
    maxDebounce: 10_000,
    timeout: 30_000,
    // Messages for a document not yet signed in to are queued by Hocuspocus; as little as
    // a socket may send before signing in at all (websocket.ts).
    maxUnauthenticatedQueueSize: UNAUTHENTICATED_SOCKETS.bytes,
  });
  if (relay && redisExtension) {
    setUpdateRelay(hocuspocus, (name, update) => relay.publish(name, update));
    relay.resyncAfterReconnecting(redisExtension.sub, () => hocuspocus.documents);
  }
  return hocuspocus;
}

async function waitForUnload(hocuspocus: Hocuspocus, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startServer(
  config: Pick<Config, "port" | "host" | "dataDir"> &
    Partial<
      Pick<Config, "databaseUrl" | "poolSize" | "redisUrl" | "redisPrefix" | "sync" | "clientDir" | "publicUrl" | "smtpUrl" | "mailFrom" | "unauthenticatedSockets" | "trustedProxies">
    >,
): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: config.poolSize, sync: config.sync });
  const redis = config.redisUrl ? await openRedis(config.redisUrl, config.redisPrefix ?? "concord") : undefined;
  // Until it listens the port may be 0; httpServer is defined below, before anyone can ask.
  const publicUrl = () => config.publicUrl ?? new URL(`http://${config.host}:${(httpServer.address() as AddressInfo | null)?.port ?? config.port}`);
  const hocuspocus = await createCollaboration(store, publicUrl, redis);
  if (redis) await joinOtherProcesses(hocuspocus, redis, store.db);
  const mailer = config.smtpUrl
    ? recipientLimited(
        await smtpMailer(config.smtpUrl, config.mailFrom ?? `Concord <concord@${config.publicUrl?.hostname ?? "localhost"}>`),
        redis ? new RedisAttemptLimiter(redis, "mail", MAILS_PER_RECIPIENT) : undefined,
      )
    : undefined;
  const signInAttempts = redis ? new RedisAttemptLimiter(redis, "sign-in", PASSWORD_LIMIT) : undefined;
  const workers = new WorkerPool();
  // Compaction rebuilds a whole document from its snapshot and log: in a worker thread, so a
  // long interview's compaction never holds up everyone's keystrokes.
  store.documents.mergeWith((parts, documentId) =>
    workers.run("mergeDocumentState", { parts, documentId }, { timeoutMs: 120_000, what: "Compacting a document" }),
  );
  const trustedProxies = config.trustedProxies ?? null;
  const app = createApp({ store, hocuspocus, publicUrl, mailer, workers, signInAttempts, trustedProxies }, { clientDir: config.clientDir });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  // Idle keep-alive connections are closed by the client (or a proxy in front) first, never
  // by us: with Node's 5 s default, a client reusing a connection just as the server closes
  // it gets EPIPE on a POST, which it cannot safely retry.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const wss = attachCollaboration(httpServer, hocuspocus, config.unauthenticatedSockets, trustedProxies);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const sweep = setInterval(() => closeExpiredConnections(hocuspocus), EXPIRY_SWEEP_MS);
  sweep.unref();
  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host}:${port}`,
    port,
    store,
    hocuspocus,
    workers,
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        httpServer.close();
        hocuspocus.closeConnections();
        hocuspocus.flushPendingStores();
        await waitForUnload(hocuspocus, 5_000);
        for (const client of wss.clients) client.terminate();
        wss.close();
        // Unloading compacts each document in a worker: let those finish before the pool goes.
        await store.documents.compactionsSettled();
        await workers.close();
        await redis?.close();
        await store.close();
        httpServer.closeAllConnections();
      })();
      return closing;
    },
  };
}
