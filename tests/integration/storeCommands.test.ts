// `pnpm concord migrate-store | backup | restore`: an instance moved or restored has every
// account, project, token and transcript (with its live edits) it had, and a command never
// writes into a store that already holds data.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, expect, test } from "vitest";
import { backend, backendEnv, createDatabase, databaseUrl, discardBackend, dropDatabase } from "../helpers/backend";
import { appendParagraph, connectSynced } from "../helpers/collab";
import { api, discard, projectWithTranscript, startServer, storedText, type ServerProcess } from "../helpers/server";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-"));
  cleanups.push(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await discardBackend(dir);
  });
  return dir;
}

async function start(env: Record<string, string> = {}, dataDir?: string): Promise<ServerProcess> {
  const server = await startServer({ dataDir: dataDir ?? (await tempDir()), env });
  cleanups.push(() => discard(server));
  return server;
}

/** Runs `pnpm concord …` as an operator would; resolves with its exit code and output. */
async function concord(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "server/src/cli.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** An instance with a transcript edited live (so its state is a snapshot plus logged updates). */
async function instanceWithEdits(env: Record<string, string> = {}) {
  const server = await start(env);
  const { lead, projectId, documentId } = await projectWithTranscript(server.url);
  const editor = await connectSynced(server.url, documentId, lead.token);
  for (let i = 0; i < 5; i++) appendParagraph(editor.doc, `Live edit ${i}.`);
  await editor.waitAcknowledged();
  editor.destroy();
  const text = await storedText(server.url, lead.token, documentId);
  // The rest of a project's work: a code, a coding, a thread, and a record with its duplicate.
  const post = async (route: string, body: unknown) => {
    const response = await api(server.url, lead.token, "POST", route, body);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string };
  };
  const code = await post(`/projects/${projectId}/codes`, { name: "Coordinating", level: "initial" });
  await post(`/documents/${documentId}/codings`, { codeId: code.id, start: text.indexOf("coordinate"), end: text.indexOf("coordinate") + "coordinate".length });
  await post(`/projects/${projectId}/threads`, { anchor: { codeId: code.id }, body: "Is this a focused code?" });
  const record = { title: "Peer support in community mental health teams", year: 2019, doi: "10.1000/peer.2019", authors: ["Raman, P."] };
  await post(`/projects/${projectId}/records`, record);
  await post(`/projects/${projectId}/records`, { ...record, source: "Reference list" });
  const work = await projectWork(server.url, lead.token, projectId, documentId);
  expect(work.records.filter((r) => r.duplicateOf !== null)).toHaveLength(1);
  await server.stop();
  return { server, lead, projectId, documentId, text, work };
}

/** What a project holds besides its text, as the API gives it. */
async function projectWork(url: string, token: string, projectId: string, documentId: string) {
  const get = async <T>(route: string) => (await (await api(url, token, "GET", route)).json()) as T;
  return {
    codes: (await get<{ codes: { id: string; name: string }[] }>(`/projects/${projectId}/codes`)).codes.map(({ id, name }) => ({ id, name })),
    codings: (await get<{ codings: { id: string; text: string }[] }>(`/documents/${documentId}/codings`)).codings.map(({ id, text }) => ({ id, text })),
    threads: (await get<{ threads: { id: string; messages: { body: string }[] }[] }>(`/projects/${projectId}/threads`)).threads,
    records: (await get<{ records: { id: string; duplicateOf: string | null }[] }>(`/projects/${projectId}/records`)).records.map(({ id, duplicateOf }) => ({ id, duplicateOf })),
  };
}

test("backup and restore: the restored instance serves the same accounts, tokens and transcripts; restoring over data is refused", async () => {
  const { server, lead, projectId, documentId, text, work } = await instanceWithEdits();
  expect(text).toContain("Live edit 4.");
  const file = path.join(await tempDir(), "concord-backup.sqlite");
  const source = { CONCORD_DATA_DIR: server.dataDir, ...(await backendEnv(server.dataDir)) };

  const backedUp = await concord(["backup", "--to", file], source);
  expect(backedUp.stderr).toBe("");
  expect(backedUp.stdout).toMatch(/^Backed up to .*: 1 users, .*1 documents, .*checked against the source/s);
  expect((await concord(["backup", "--to", file], source)).stderr).toContain("already exists");

  const restoredDir = await tempDir();
  const target = { CONCORD_DATA_DIR: restoredDir, ...(await backendEnv(restoredDir)) };
  const restored = await concord(["restore", "--from", file], target);
  expect(restored.stdout).toContain("Restored");
  expect(restored.code).toBe(0);

  const refused = await concord(["restore", "--from", file], target);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/already holds Concord data \(1 users.*Nothing was copied/);

  const again = await start({}, restoredDir);
  expect(await storedText(again.url, lead.token, documentId)).toBe(text);
  expect(await projectWork(again.url, lead.token, projectId, documentId)).toEqual(work);
  const editor = await connectSynced(again.url, documentId, lead.token);
  appendParagraph(editor.doc, "After the restore.");
  await editor.waitAcknowledged();
  editor.destroy();
  expect(await storedText(again.url, lead.token, documentId)).toBe(`${text}\nAfter the restore.`);
});

test.runIf(backend === "postgres")("migrate-store moves an SQLite instance into PostgreSQL, checked; a database holding data is refused", async () => {
  const { server, lead, documentId, text } = await instanceWithEdits({ DATABASE_URL: "" });
  const name = `concord_migrate_${process.pid}_${Date.now()}`;
  await createDatabase(name);
  cleanups.push(() => dropDatabase(name));
  const env = { CONCORD_DATA_DIR: server.dataDir, DATABASE_URL: "" };

  const moved = await concord(["migrate-store", "--to", databaseUrl(name)], env);
  expect(moved.stderr).toBe("");
  expect(moved.stdout).toMatch(/Copied the SQLite instance .* into PostgreSQL: 1 users, .*1 documents, .*checked against the source/s);
  const refused = await concord(["migrate-store", "--to", databaseUrl(name)], env);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("already holds Concord data");

  // The new log continues after the copied one: an edit made on PostgreSQL comes after them.
  const onPostgres = await start({ DATABASE_URL: databaseUrl(name) });
  expect(await storedText(onPostgres.url, lead.token, documentId)).toBe(text);
  const editor = await connectSynced(onPostgres.url, documentId, lead.token);
  appendParagraph(editor.doc, "On PostgreSQL.");
  await editor.waitAcknowledged();
  editor.destroy();
  await onPostgres.stop();
  const restarted = await start({ DATABASE_URL: databaseUrl(name) });
  expect(await storedText(restarted.url, lead.token, documentId)).toBe(`${text}\nOn PostgreSQL.`);
});
