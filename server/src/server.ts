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
import { openStore, type Store } from "./store/store";

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  hocuspocus: Hocuspocus;
  /** Closes every connection, lets documents unload and flushes storage. */
  close(): Promise<void>;
}

export function createCollaboration(store: Store): Hocuspocus {
  return new Hocuspocus({
    quiet: true,
    // The order is the policy: nobody reaches persistence without passing auth.
    extensions: [new AuthExtension(store), new PresenceExtension(), new PersistenceExtension(store)],
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
  config: Pick<Config, "port" | "host" | "dataDir"> & Partial<Pick<Config, "sync" | "clientDir" | "publicUrl" | "unauthenticatedSockets">>,
): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, sync: config.sync });
  const hocuspocus = createCollaboration(store);
  // Assigned once the server listens; publicUrl() is called before and after that.
  // eslint-disable-next-line prefer-const
  let listening: URL | undefined;
  const publicUrl = () => config.publicUrl ?? listening ?? new URL(`http://${config.host}:${config.port}`);
  const app = createApp({ store, hocuspocus, publicUrl }, { clientDir: config.clientDir });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  const wss = attachCollaboration(httpServer, hocuspocus, config.unauthenticatedSockets);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  listening = new URL(`http://${config.host}:${port}`);
  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host}:${port}`,
    port,
    store,
    hocuspocus,
    close() {
      closing ??= (async () => {
        httpServer.close();
        hocuspocus.closeConnections();
        hocuspocus.flushPendingStores();
        await waitForUnload(hocuspocus, 5_000);
        for (const client of wss.clients) client.terminate();
        wss.close();
        await store.close();
        httpServer.closeAllConnections();
      })();
      return closing;
    },
  };
}
