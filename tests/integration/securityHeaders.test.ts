// Every response, the page as well as the API and its errors, tells the browser to run only
// Concord's own scripts, never to be framed, not to guess content types, and not to send
// Concord addresses to other sites.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discard, startServer, type ServerProcess } from "../helpers/server";

const CLIENT_BUILT = fs.existsSync(fileURLToPath(new URL("../../client/dist/index.html", import.meta.url)));

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  if (server) await discard(server);
});

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function expectSecurityHeaders(path: string) {
  const response = await fetch(`${server.url}${path}`);
  const csp = directives(response.headers.get("content-security-policy"));
  expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(csp.get("script-src"), path).toEqual(["'self'"]);
  expect(csp.get("object-src"), path).toEqual(["'none'"]);
  expect(csp.get("connect-src"), path).toEqual(["'self'", `ws://${new URL(server.url).host}`]);
  expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
  expect(response.headers.get("x-frame-options"), path).toBe("DENY");
}

describe("security headers", () => {
  test("on API answers and API errors", async () => {
    await expectSecurityHeaders("/api/health");
    await expectSecurityHeaders("/api/no-such-route");
    await expectSecurityHeaders("/api/projects"); // 401
  });

  test.skipIf(!CLIENT_BUILT)("on the page and its assets (needs client/dist: pnpm build)", async () => {
    await expectSecurityHeaders("/");
    await expectSecurityHeaders("/projects/some-project");
  });
});
