// Behind a reverse proxy the per-address limits count the address the proxy forwards
// (X-Forwarded-For), but only from a proxy named in CONCORD_TRUSTED_PROXIES: from anywhere
// else the header is anyone's to write and is ignored. Here 127.0.0.1 is the trusted proxy
// and 127.0.0.2 (also this machine) a client that forges the header.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { within, type RawWebSocket } from "../helpers/collab";
import { collabUrl, discard, signUp, startServer, type ServerProcess } from "../helpers/server";

const PER_ADDRESS = 2;
const WebSocketFrom = createRequire(import.meta.url)("ws") as new (
  url: string,
  options: { localAddress: string; headers: Record<string, string> },
) => RawWebSocket;

let server: ServerProcess;
const open: RawWebSocket[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { CONCORD_TRUSTED_PROXIES: "127.0.0.1", CONCORD_MAX_UNAUTHENTICATED_SOCKETS_PER_ADDRESS: String(PER_ADDRESS) },
  });
});

afterAll(async () => {
  for (const ws of open) ws.terminate();
  if (server) await discard(server);
});

/** Opens a socket that does not sign in, from `localAddress`, saying it is for `forwardedFor`; whether it was let in. */
function opens(localAddress: string, forwardedFor: string): Promise<boolean> {
  const ws = new WebSocketFrom(collabUrl(server.url), { localAddress, headers: { "x-forwarded-for": forwardedFor } });
  open.push(ws);
  return within(
    new Promise<boolean>((resolve) => {
      ws.once("open", () => resolve(true));
      ws.once("error", () => resolve(false));
    }),
    10_000,
    `socket from ${localAddress} for ${forwardedFor}`,
  );
}

describe("CONCORD_TRUSTED_PROXIES", () => {
  test("the sign-in throttle counts guesses per forwarded address from a trusted proxy", async () => {
    const { email } = await signUp(server.url, "Sam Ortiz");
    const guess = (forwardedFor: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email, password: "not the password" }),
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await guess("198.51.100.1"));
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await guess("198.51.100.1")).toBe(429);
    // Someone else behind the same proxy is not locked out by those guesses; a forged
    // address left of the real one changes nothing.
    expect(await guess("198.51.100.2")).toBe(401);
    expect(await guess("6.6.6.6, 198.51.100.1")).toBe(429);
  });

  test("sockets waiting to sign in are counted per forwarded address from a trusted proxy, per peer otherwise", async () => {
    // Through the trusted proxy: each client has its own allowance.
    expect(await Promise.all([opens("127.0.0.1", "198.51.100.1"), opens("127.0.0.1", "198.51.100.1")])).toEqual([true, true]);
    expect(await opens("127.0.0.1", "198.51.100.1")).toBe(false);
    expect(await opens("127.0.0.1", "198.51.100.2")).toBe(true);
    // From elsewhere the header is ignored: a new forged address each time does not help.
    expect(await Promise.all([opens("127.0.0.2", "203.0.113.1"), opens("127.0.0.2", "203.0.113.2")])).toEqual([true, true]);
    expect(await opens("127.0.0.2", "203.0.113.3")).toBe(false);
  });
});
