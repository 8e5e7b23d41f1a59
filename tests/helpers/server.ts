// Starts the real Concord server as a child process, so tests can stop it gracefully, kill -9
// it, and start it again on the same data directory (on the backend the test project chose:
// see backend.ts). From its TypeScript sources through tsx, so a test runs the code as it is
// now without a build; or, with `built`, the compiled server that `pnpm start` runs.
// Also small REST helpers that set up accounts, projects and transcripts with API tokens.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { backendEnv, discardBackend } from "./backend";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const fromSources = ["--import", "tsx", path.join(repoRoot, "server/src/main.ts")];
/** What `pnpm start` runs, with its flags (scripts/start.mjs), once `pnpm build:server` has compiled it. */
const compiled = ["--enable-source-maps", "--max-semi-space-size=4", path.join(repoRoot, "server/dist/main.mjs")];
const READY = /Concord listening on (http:\/\/\S+)/;
/** Generous: on a loaded 2-core machine tsx needs several seconds to load the server. */
const READY_TIMEOUT_MS = 45_000;

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  /** The child's process id (benchmarks read its memory from /proc). */
  pid: number;
  /** The child's stderr so far, for assertions and failure messages. */
  stderr(): string;
  /** SIGTERM (graceful shutdown); resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL (no shutdown at all, like a power cut); resolves once the process has exited. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data directory (to restart a server); a fresh temp directory otherwise. */
  dataDir?: string;
  /** Extra environment; overrides the defaults (PORT=0, CONCORD_DEMO=off). */
  env?: Record<string, string>;
  /** Run the compiled server in server/dist rather than the sources. */
  built?: boolean;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Spawns `node --import tsx server/src/main.ts` (or the built server); resolves when it prints its URL. */
export async function startServer(opts: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "concord-test-")));
  // The child runs as in production: without the test runner's NODE_ENV=test and VITEST_* variables.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "NODE_ENV" && !name.startsWith("VITEST") && name !== "TEST"),
  );
  const child = spawn(process.execPath, opts.built ? compiled : fromSources, {
    cwd: repoRoot,
    env: { ...inherited, PORT: "0", CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: "off", ...(await backendEnv(dataDir)), ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // An unexpected death (a signal, a native crash) prints nothing itself: say so in stderr.
  child.once("exit", (code, signal) => (stderr += `\n[server process exited: ${signal ?? `code ${code}`}]\n`));
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`Server exited (${code ?? signal}) before listening:\n${stderr}`));
    // A server that neither listens nor exits would otherwise hang the suite until its timeout.
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      child.kill("SIGKILL");
      reject(new Error(`Server did not print "Concord listening on" within ${READY_TIMEOUT_MS} ms:\n${stdout}\n${stderr}`));
    }, READY_TIMEOUT_MS);
    child.once("exit", onExit);
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve(match[1]!);
      }
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    const done = exited(child);
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await done;
  };
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    pid: child.pid!,
    stderr: () => stderr,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}

/** Stops the server (if still running) and deletes its data directory (and database). */
export async function discard(server: ServerProcess): Promise<void> {
  await server.kill();
  await fs.rm(server.dataDir, { recursive: true, force: true });
  await discardBackend(server.dataDir);
}

/** The WebSocket URL of a server's collaboration endpoint. */
export function collabUrl(url: string): string {
  return `${url.replace(/^http/, "ws")}/collab`;
}

export interface TestUser {
  userId: string;
  email: string;
  name: string;
  /** `concord_session=…`, for cookie-authenticated requests. */
  cookie: string;
  /** A personal API token, for Bearer requests and WebSocket connections. */
  token: string;
}

async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
  const body = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${body}`);
  return body ? JSON.parse(body) : null;
}

let userCounter = 0;

/** Signs up a new account (unique email) and creates an API token for it. */
export async function signUp(url: string, name: string): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${process.pid}-${++userCounter}-${Date.now()}@example.test`;
  const response = await fetch(`${url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "correct horse battery", name }),
  });
  const { user } = (await expectStatus(response, 201, "sign up")) as { user: { id: string } };
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  const tokenResponse = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: "integration tests" }),
  });
  const { token } = (await expectStatus(tokenResponse, 201, "create token")) as { token: string };
  return { userId: user.id, email, name, cookie, token };
}

/** A JSON request with a Bearer token. */
export function api(url: string, token: string, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/api${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function createProject(url: string, token: string, title = "Interview study"): Promise<string> {
  const project = (await expectStatus(await api(url, token, "POST", "/projects", { title }), 201, "create project")) as { id: string };
  return project.id;
}

export async function addMember(url: string, token: string, projectId: string, email: string, role: string): Promise<void> {
  await expectStatus(await api(url, token, "POST", `/projects/${projectId}/members`, { email, role }), 201, "add member");
}

/** Imports a RIS export into the project as `token`'s user, labelled with its source database. */
export async function importRis(url: string, token: string, projectId: string, ris: string, source = "Scopus"): Promise<Response> {
  const form = new FormData();
  form.set("file", new Blob([ris]), "search.ris");
  form.set("source", source);
  return fetch(`${url}/api/projects/${projectId}/records/import`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

export async function createTranscript(url: string, token: string, projectId: string, text: string, title = "Interview 1"): Promise<string> {
  const response = await api(url, token, "POST", `/projects/${projectId}/documents`, { title, kind: "transcript", text });
  return ((await expectStatus(response, 201, "create transcript")) as { id: string }).id;
}

/** The document's stored plain text (`GET /api/documents/:id/text`). */
export async function storedText(url: string, token: string, documentId: string): Promise<string> {
  const response = await api(url, token, "GET", `/documents/${documentId}/text`);
  if (response.status !== 200) throw new Error(`GET text: ${response.status} ${await response.text()}`);
  return response.text();
}

/** A lead with a project holding one transcript: the usual starting point. */
export async function projectWithTranscript(url: string, text = "I: Tell me about your work.\nP: I coordinate the clinic.") {
  const lead = await signUp(url, "Lead");
  const projectId = await createProject(url, lead.token);
  const documentId = await createTranscript(url, lead.token, projectId, text);
  return { lead, projectId, documentId };
}
