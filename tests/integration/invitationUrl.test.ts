// An invitation link points at the address people reach Concord at (CONCORD_PUBLIC_URL, or
// the address it listens on), never at whatever Host header the request carried.
import http from "node:http";
import { afterAll, describe, expect, test } from "vitest";
import { createProject, discard, signUp, startServer, type ServerProcess } from "../helpers/server";

const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map(discard));
});

/** Creates a link with a forged Host header (fetch will not send one, node:http will). */
async function linkWithHost(env: Record<string, string>, host: string): Promise<{ server: ServerProcess; url: string }> {
  const server = await startServer({ env });
  servers.push(server);
  const lead = await signUp(server.url, "Lead");
  const projectId = await createProject(server.url, lead.token);
  const body = await new Promise<string>((resolve, reject) => {
    const request = http.request(
      `${server.url}/api/projects/${projectId}/invitations`,
      { method: "POST", headers: { host, authorization: `Bearer ${lead.token}`, "content-type": "application/json" } },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => (response.statusCode === 201 ? resolve(text) : reject(new Error(`${response.statusCode}: ${text}`))));
      },
    );
    request.on("error", reject);
    request.end(JSON.stringify({ role: "viewer" }));
  });
  return { server, url: (JSON.parse(body) as { url: string }).url };
}

describe("invitation link address", () => {
  test("without CONCORD_PUBLIC_URL the link is on the address Concord listens on, whatever the Host header", async () => {
    const { server, url } = await linkWithHost({}, "evil.example");
    expect(new URL(url).origin).toBe(new URL(server.url).origin);
  });

  test("with CONCORD_PUBLIC_URL the link is on the configured address", async () => {
    const { url } = await linkWithHost({ CONCORD_PUBLIC_URL: "https://concord.example.ac.uk" }, "evil.example");
    expect(new URL(url).origin).toBe("https://concord.example.ac.uk");
  });
});
