// Accounts and credentials against the real server: the sign-in throttle holds under
// parallel attempts, every way a credential ends (sign-out, sign-out everywhere, password
// change, token revocation) closes the documents it opened at once, and the same-origin
// check and the cookie's Secure flag follow the public URL's scheme.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLOSE } from "@concord/shared";
import { connect, connectSynced, within, type CollabClient } from "../helpers/collab";
import { api, discard, projectWithTranscript, signUp, startServer, type ServerProcess, type TestUser } from "../helpers/server";

const PASSWORD = "correct horse battery"; // what signUp uses

let server: ServerProcess;
let lead: TestUser;
let documentId: string;

beforeAll(async () => {
  server = await startServer();
  ({ lead, documentId } = await projectWithTranscript(server.url));
});

afterAll(async () => {
  if (server) await discard(server);
});

function signIn(email: string, password = PASSWORD): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

/** A new browser session for `email`: its cookie. */
async function newSession(email: string): Promise<string> {
  const response = await signIn(email);
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** A cookie-authenticated request from Concord's own page. */
function browser(cookie: string, method: string, route: string, body?: unknown, origin = server.url): Promise<Response> {
  return fetch(`${server.url}/api${route}`, {
    method,
    headers: { cookie, origin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Opens the document the way the browser does: token "session" and the cookie. */
function openWithSession(cookie: string): Promise<CollabClient> {
  const client = connect(server.url, documentId, "session", { headers: { cookie, origin: server.url } });
  return within(
    Promise.race([client.synced, client.refused.then((reason) => Promise.reject(new Error(`refused: ${reason}`)))]),
    15_000,
    "sync with the session cookie",
  ).then(() => client);
}

/** Resolves with the reason the server gives when it closes the client's document. */
function closeReason(client: CollabClient): Promise<string> {
  return new Promise((resolve) => client.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event.reason)));
}

async function expectClosedBy(client: CollabClient, action: () => Promise<Response>, expectedStatus: number, what: string) {
  const closed = closeReason(client);
  expect((await action()).status).toBe(expectedStatus);
  expect(await within(closed, 10_000, `${what} to close the open document`)).toBe(CLOSE.signedOut.reason);
  client.destroy();
}

describe("finding 4: the sign-in throttle", () => {
  test("200 parallel attempts check at most 10 passwords; the right one sent 31st does not sign in", async () => {
    const target = await signUp(server.url, "Target");
    const attempts = Array.from({ length: 200 }, (_, i) => signIn(target.email, i === 30 ? PASSWORD : `wrong guess ${i}`));
    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    expect(statuses[30]).toBe(429);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(190);
  });
});

describe("finding 9: ending a credential", () => {
  test("sign-out, sign-out everywhere, password change and token revocation end access and close sockets at once", async () => {
    // Signing out closes the documents that session opened.
    const first = await newSession(lead.email);
    await expectClosedBy(await openWithSession(first), () => browser(first, "POST", "/auth/logout"), 204, "signing out");
    expect((await browser(first, "GET", "/me")).status).toBe(401);

    // Changing the password ends every other session (and closes its documents), keeps this one.
    const here = await newSession(lead.email);
    const elsewhere = await newSession(lead.email);
    const change = { currentPassword: PASSWORD, newPassword: "a brand new passphrase" };
    expect((await browser(here, "POST", "/auth/password", { ...change, currentPassword: "not my password" })).status).toBe(403);
    await expectClosedBy(await openWithSession(elsewhere), () => browser(here, "POST", "/auth/password", change), 204, "a password change");
    expect((await browser(elsewhere, "GET", "/me")).status).toBe(401);
    expect((await browser(here, "GET", "/me")).status).toBe(200);
    expect((await signIn(lead.email)).status).toBe(401);
    expect((await signIn(lead.email, change.newPassword)).status).toBe(200);

    // Signing out everywhere ends every session, this one too.
    const other = (await signIn(lead.email, change.newPassword)).headers.get("set-cookie")!.split(";")[0]!;
    await expectClosedBy(await openWithSession(other), () => browser(here, "POST", "/auth/logout-everywhere"), 204, "signing out everywhere");
    expect((await browser(here, "GET", "/me")).status).toBe(401);
    expect((await browser(other, "GET", "/me")).status).toBe(401);

    // Tokens are listed without their secret, and revoking one closes its documents.
    const listed = (await (await api(server.url, lead.token, "GET", "/tokens")).json()) as { tokens: Record<string, unknown>[] };
    expect(listed.tokens).toHaveLength(1);
    expect(Object.keys(listed.tokens[0]!).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name"]);
    expect(JSON.stringify(listed)).not.toContain(lead.token);
    expect(Date.parse(listed.tokens[0]!.expiresAt as string)).toBeGreaterThan(Date.now() + 89 * 24 * 3600 * 1000);
    const socket = await connectSynced(server.url, documentId, lead.token);
    const tokenId = listed.tokens[0]!.id as string;
    await expectClosedBy(socket, () => api(server.url, lead.token, "DELETE", `/tokens/${tokenId}`), 204, "revoking the token");
    expect((await api(server.url, lead.token, "GET", "/me")).status).toBe(401);
    const again = connect(server.url, documentId, lead.token);
    expect(await within(again.refused, 10_000, "the revoked token to be refused")).toBe(CLOSE.notSignedIn.reason);
    again.destroy();
  });
});

describe("finding 11: scheme in the origin check and the Secure cookie", () => {
  test("an https page is not ours on http, and behind https the cookie is Secure and http pages are refused", async () => {
    const ana = await signUp(server.url, "Ana");
    const httpsTwin = server.url.replace("http://", "https://");
    expect((await browser(ana.cookie, "POST", "/projects", { title: "from https" }, httpsTwin)).status).toBe(403);
    expect((await browser(ana.cookie, "POST", "/projects", { title: "from our page" })).status).toBe(201);
    const socket = connect(server.url, documentId, "session", { headers: { cookie: ana.cookie, origin: httpsTwin } });
    expect(await within(socket.refused, 10_000, "the https page's socket to be refused")).toBe(CLOSE.badOrigin.reason);
    socket.destroy();

    const proxied = await startServer({ env: { CONCORD_PUBLIC_URL: "https://concord.example.test" } });
    try {
      const response = await fetch(`${proxied.url}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "behind-proxy@example.test", password: PASSWORD, name: "Bo" }),
      });
      const setCookie = response.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(/;\s*Secure/i);
      const cookie = setCookie.split(";")[0]!;
      const post = (origin: string) =>
        fetch(`${proxied.url}/api/projects`, {
          method: "POST",
          headers: { cookie, origin, "content-type": "application/json" },
          body: JSON.stringify({ title: "t" }),
        });
      expect((await post(proxied.url)).status).toBe(403); // http, while people use https
      expect((await post("https://concord.example.test")).status).toBe(201);
    } finally {
      await discard(proxied);
    }
  });
});
