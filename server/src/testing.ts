// Helpers for the server's in-process tests: a real SQLite store in a temporary directory
// and the real app, exercised through app.request() with no port.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "./app";
import { openStore, type Store } from "./store/store";
import { WorkerPool } from "./workers/pool";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  /** JSON request; `as` is a cookie or bearer header set from signUp. */
  call(method: string, url: string, body?: unknown, auth?: Record<string, string>): Promise<Response>;
  signUp(name: string): Promise<{ id: string; email: string; cookie: Record<string, string> }>;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-test-"));
  const store = await openStore({ dataDir });
  const workers = new WorkerPool();
  const app = createApp({ store, publicUrl: () => new URL("http://localhost"), workers });
  const call = (method: string, url: string, body?: unknown, auth: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(url, {
        method,
        headers: body === undefined ? auth : { "content-type": "application/json", ...auth },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  let counter = 0;
  return {
    app,
    store,
    call,
    async signUp(name) {
      const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${++counter}@example.org`;
      const response = await call("POST", "/api/auth/signup", { email, password: "correct horse battery", name });
      if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
      const { user } = (await response.json()) as { user: { id: string } };
      return { id: user.id, email, cookie: { cookie } };
    },
    async close() {
      await workers.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
