// Assembles Concord: one HTTP server on one port for the API, the client and /collab.
import { createAdaptorServer } from "@hono/node-server";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Hocuspocus } from "@hocuspocus/server";
import { UNAUTHENTICATED_SOCKETS } from "@concord/shared";
import { createApp } from "./app";
import type { Config } from "./config";
import { AuthExtension } from "./collab/AuthExtension";
import { PersistenceExtension } from "./collab/PersistenceExtension";
import { PresenceExtension } from "./collab/PresenceExtension";
import { attachCollaboration } from "./collab/websocket";
import { closeExpiredConnections } from "./collab/access";
import { recipientLimited, smtpMailer } from "./mail/mailer";
import { openStore, type Store } from "./store/store";
import { WorkerPool } from "./workers/pool";

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  hocuspocus: Hocuspocus;
  /** Closes every connection, lets documents unload and flushes storage. */
  close(): Promise<void>;
}

/** How often connections are checked for a credential that has expired while they were open. */
const EXPIRY_SWEEP_MS = 60_000;

export function createCollaboration(store: Store, publicUrl: () => URL): Hocuspocus {
  return new Hocuspocus({
    quiet: true,
    // The order is the policy: nobody reaches persistence without passing auth.
    extensions: [new AuthExtension(store, publicUrl), new PresenceExtension(), new PersistenceExtension(store)],
    debounce: 2_000,
    maxDebounce: 10_000,
    timeout: 30_000,
    // Messages for a document not yet signed in to are queued by Hocuspocus; as little as
    // a socket may send before signing in at all (websocket.ts).
    maxUnauthenticatedQueueSize: UNAUTHENTICATED_SOCKETS.bytes,
  });
}

async function waitForUnload(hocuspocus: Hocuspocus, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startServer(
  config: Pick<Config, "port" | "host" | "dataDir"> &
    Partial<Pick<Config, "databaseUrl" | "poolSize" | "sync" | "clientDir" | "publicUrl" | "smtpUrl" | "mailFrom" | "unauthenticatedSockets">>,
): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: config.poolSize, sync: config.sync });
  // Until it listens the port may be 0; httpServer is defined below, before anyone can ask.
  const publicUrl = () => config.publicUrl ?? new URL(`http://${config.host}:${(httpServer.address() as AddressInfo | null)?.port ?? config.port}`);
  const hocuspocus = createCollaboration(store, publicUrl);
  const mailer = config.smtpUrl
    ? recipientLimited(smtpMailer(config.smtpUrl, config.mailFrom ?? `Concord <concord@${config.publicUrl?.hostname ?? "localhost"}>`))
    : undefined;
  const workers = new WorkerPool();
  const app = createApp({ store, hocuspocus, publicUrl, mailer, workers }, { clientDir: config.clientDir });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  // Idle keep-alive connections are closed by the client (or a proxy in front) first, never
  // by us: with Node's 5 s default, a client reusing a connection just as the server closes
  // it gets EPIPE on a POST, which it cannot safely retry.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const wss = attachCollaboration(httpServer, hocuspocus, config.unauthenticatedSockets);
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
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        httpServer.close();
        hocuspocus.closeConnections();
        hocuspocus.flushPendingStores();
        await waitForUnload(hocuspocus, 5_000);
        for (const client of wss.clients) client.terminate();
        wss.close();
        await workers.close();
        await store.close();
        httpServer.closeAllConnections();
      })();
      return closing;
    },
  };
}
