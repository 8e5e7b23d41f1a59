// Two Concord processes on one PostgreSQL, joined by one Redis, as behind a load balancer:
// edits and presence reach clients on the other process, a removal closes the member's
// sockets on both, sign-in guesses are counted across both, and when one process is killed
// mid-edit the other serves every acknowledged edit.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectSynced, paragraphText, within, type CollabClient } from "../helpers/collab";
import { backend } from "../helpers/backend";
import { dropPrefix, redisAbsence, REDIS_URL, uniquePrefix } from "../helpers/redis";
import { addMember, api, createProject, createTranscript, discard, signUp, startServer, type ServerProcess, type TestUser } from "../helpers/server";

const absence = backend !== "postgres" ? "several processes need a shared database: this file runs in the tests-pg project" : await redisAbsence();
if (absence && backend === "postgres") console.warn(`\n⚠ SKIPPING two-process tests: ${absence}.\n`);

const prefix = uniquePrefix();
let first: ServerProcess;
let second: ServerProcess;
let lead: TestUser;
let consultant: TestUser;
let projectId: string;
let documentId: string;
const clients: CollabClient[] = [];

async function open(server: ServerProcess, user: TestUser): Promise<CollabClient> {
  const client = await connectSynced(server.url, documentId, user.token);
  clients.push(client);
  return client;
}

describe.skipIf(absence !== null)("two processes joined by Redis", () => {
  beforeAll(async () => {
    const env = { REDIS_URL, CONCORD_REDIS_PREFIX: prefix };
    first = await startServer({ env });
    second = await startServer({ dataDir: first.dataDir, env });
    lead = await signUp(first.url, "Priya Raman");
    consultant = await signUp(second.url, "Jo Mensah");
    projectId = await createProject(first.url, lead.token);
    await addMember(first.url, lead.token, projectId, consultant.email, "consultant");
    documentId = await createTranscript(second.url, lead.token, projectId, "I: How was the first meeting?\nP: Quiet at first.");
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    if (second) await second.kill();
    if (first) await discard(first);
    await dropPrefix(prefix);
  });

  test("an edit on one process reaches a client on the other, and so does presence", async () => {
    const onFirst = await open(first, lead);
    const onSecond = await open(second, consultant);
    paragraphText(onFirst.doc, 1).insert("Quiet at first".length, ", then everyone talked");
    await onFirst.waitAcknowledged();
    await onSecond.waitForText((text) => text.includes("Quiet at first, then everyone talked."));

    onSecond.provider.setAwarenessField("user", { name: "Jo Mensah", color: "#0077aa" });
    await within(
      new Promise<void>((resolve) => {
        const seen = () => {
          const states = [...onFirst.provider.awareness!.getStates().values()] as { user?: { name?: string } }[];
          if (states.some((state) => state.user?.name === "Jo Mensah")) resolve();
        };
        onFirst.provider.awareness!.on("change", seen);
        seen();
      }),
      10_000,
      "the consultant's presence never reached the other process",
    );
  });

  test("removing a member on one process closes their sockets on the other", async () => {
    const member = await signUp(first.url, "Sam Ortiz");
    await addMember(first.url, lead.token, projectId, member.email, "rater");
    const onSecond = await open(second, member);
    const closed = new Promise<void>((resolve) => onSecond.provider.on("close", () => resolve()));
    const removed = await api(first.url, lead.token, "DELETE", `/projects/${projectId}/members/${member.userId}`);
    expect(removed.status).toBe(204);
    await within(closed, 10_000, "the removed member's socket on the other process stayed open");
    await expect(connectSynced(second.url, documentId, member.token)).rejects.toThrow(/refused/);
  });

  test("sign-in guesses are counted across both processes", async () => {
    const guess = (server: ServerProcess) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: consultant.email, password: "not the password" }),
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await guess(i % 2 === 0 ? first : second));
    expect(statuses).toEqual(Array(10).fill(401));
    // The eleventh guess is refused on either process: two processes did not mean twenty guesses.
    expect(await guess(first)).toBe(429);
    expect(await guess(second)).toBe(429);
  });

  test("when one process is killed mid-edit, the other serves every acknowledged edit", async () => {
    const author = await open(first, lead);
    const reader = await open(second, consultant);
    const answer = paragraphText(author.doc, 1);
    for (let i = 0; i < 40; i++) answer.insert(answer.length, ` w${i}`);
    await author.waitAcknowledged();
    const acknowledged = author.text();
    // More typing that may or may not have been saved when the process dies.
    for (let i = 40; i < 60; i++) answer.insert(answer.length, ` w${i}`);
    await first.kill();
    await reader.waitForText((text) => text.includes(" w39"));
    // A newcomer on the surviving process gets every acknowledged word.
    const newcomer = await open(second, lead);
    expect(newcomer.text().startsWith(acknowledged)).toBe(true);
  });
});
