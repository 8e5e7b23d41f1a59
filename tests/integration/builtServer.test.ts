// The compiled server, as `pnpm start` runs it: built here from the sources as they are, then
// started as a real process without a TypeScript loader. Each part that finds code beside
// itself at run time is used once: the API and the demo seed (main.mjs), a .docx parsed in a
// worker thread (worker.mjs) and an acknowledged edit written through the update log (on
// SQLite, sqliteLogWorker.mjs), and the demo review's PRISMA diagram drawn as PNG in a
// worker with the fonts found beside the server, so a build that leaves one out fails here.
// And what the main thread loads at start: libraries for what is not configured, or for work
// done in worker threads, cost every process tens of MB (README, "Against bare Hocuspocus").
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendParagraph, connectSynced } from "../helpers/collab";
import { docxOfLines } from "../helpers/docx";
import { api, createProject, discard, signUp, startServer, storedText, type ServerProcess } from "../helpers/server";

const repoRoot = path.resolve(import.meta.dirname, "../..");
let server: ServerProcess;

/** Only the worker threads use these (files read and written, diagrams drawn). */
const WORKER_LIBRARIES = ["docx", "exceljs", "mammoth", "@resvg/resvg-js"];
/** Loaded only when DATABASE_URL, REDIS_URL or CONCORD_SMTP_URL says so. */
const CONFIGURED_LIBRARIES = ["pg", "ioredis", "@hocuspocus/extension-redis", "nodemailer"];

/**
 * The packages a compiled module loads before it runs, following its static imports through
 * the chunks beside it; dynamic `import()`s, which load on first use, are not followed.
 */
function packagesLoadedWith(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const [, specifier] of source.matchAll(/^import\s*(?:[\w$*{}\s,]+from\s*)?"([^"]+)";/gm)) {
    if (specifier!.startsWith("./")) for (const name of packagesLoadedWith(path.join(path.dirname(file), specifier!), seen)) packages.add(name);
    else if (!specifier!.startsWith("node:")) packages.add(specifier!.split("/").slice(0, specifier!.startsWith("@") ? 2 : 1).join("/"));
  }
  return packages;
}

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ["scripts/buildServer.mjs"], { cwd: repoRoot });
  server = await startServer({ built: true, env: { CONCORD_DEMO: "on" } });
}, 120_000);

afterAll(async () => {
  if (server) await discard(server);
});

describe("the built server", () => {
  test("answers health, and a demo account signs in", async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "lead@example.org", password: "concord-demo" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^concord_session=/);
  });

  test("parses an uploaded .docx in a worker thread, and acknowledges an edit it has stored", async () => {
    const lead = await signUp(server.url, "Lead");
    const projectId = await createProject(server.url, lead.token);
    const form = new FormData();
    form.set("file", new File([new Uint8Array(docxOfLines(["Interviewer: How did the first week go?", "Alex: Slowly."]))], "week-one.docx"));
    const upload = await fetch(`${server.url}/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${lead.token}` },
      body: form,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { id: documentId } = (await upload.json()) as { id: string };
    expect(await storedText(server.url, lead.token, documentId)).toContain("Slowly.");

    const client = await connectSynced(server.url, documentId, lead.token);
    appendParagraph(client.doc, "Then all at once.");
    await client.waitAcknowledged();
    client.destroy();
    expect(await storedText(server.url, lead.token, documentId)).toContain("Then all at once.");
    expect((await api(server.url, lead.token, "GET", `/documents/${documentId}`)).status).toBe(200);
  });

  test("loads at start no library that only a worker or an unset option needs", () => {
    const loaded = packagesLoadedWith(path.join(repoRoot, "server/dist/main.mjs"));
    // The check itself sees the libraries the main thread does need.
    expect(loaded).toContain("@hocuspocus/server");
    expect(loaded).toContain("better-sqlite3");
    for (const name of [...WORKER_LIBRARIES, ...CONFIGURED_LIBRARIES]) expect(loaded, name).not.toContain(name);
  });

  test("draws the demo review's PRISMA diagram as PNG in a worker thread", async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "lead@example.org", password: "concord-demo" }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const projects = (await (await fetch(`${server.url}/api/projects`, { headers: { cookie } })).json()) as { projects: { id: string }[] };
    const png = await fetch(`${server.url}/api/projects/${projects.projects[0]!.id}/prisma.png`, { headers: { cookie } });
    expect(png.status, await png.clone().text()).toBe(200);
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });
});
