// Starting on a database: a database set up by a newer Concord is refused in plain words
// (and left as it was), and two processes starting together on an empty PostgreSQL database
// migrate and seed it once.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, expect, test } from "vitest";
import { openStore } from "../../server/src/store/store";
import { backend, storeOptions } from "../helpers/backend";
import { discard, startServer, type ServerProcess } from "../helpers/server";

const running = new Set<ServerProcess>();
afterEach(async () => {
  await Promise.all([...running].map(discard));
  running.clear();
});

async function start(dataDir?: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServer({ dataDir, env });
  running.add(server);
  return server;
}

test("a database migrated by a newer version of Concord is refused with a clear message, and nothing in it changes", async () => {
  const first = await start();
  await first.stop();
  const options = await storeOptions(first.dataDir);
  const store = await openStore(options);
  await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('999_from_the_future', ${new Date().toISOString()})`.execute(store.db);
  await store.close();

  await expect(startServer({ dataDir: first.dataDir })).rejects.toThrow(
    /Concord did not start: This database was set up by a newer version of Concord \(it has changes this version does not know: 999_from_the_future\)\. Nothing was changed\./,
  );
  await expect(openStore(options)).rejects.toThrow(/newer version of Concord/);
});

test.runIf(backend === "postgres")("two processes starting together on an empty database migrate and seed it once", async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-"));
  const options = await storeOptions(dataDir); // creates the empty database
  const demo = { CONCORD_DEMO: "on" };
  await Promise.all([start(dataDir, demo), start(dataDir, demo)]);

  const after = await openStore(options);
  try {
    const count = async (table: "users" | "projects" | "documents") =>
      Number((await after.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect({ users: await count("users"), projects: await count("projects"), documents: await count("documents") }).toEqual({ users: 4, projects: 1, documents: 2 });
  } finally {
    await after.close();
  }
});
