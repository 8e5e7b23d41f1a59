// Two Concord processes on one PostgreSQL, joined by one Redis, as behind a load balancer:
// edits and presence reach clients on the other process, a removal closes the member's
// sockets on both, a new layer is announced and a blind round re-authorises text sockets on both, sign-in guesses are counted across both, and when one process is killed
// mid-edit the other serves every acknowledged edit.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectSynced, paragraphText, within } from "../helpers/collab";
import { backend } from "../helpers/backend";
import { redisAbsence, REDIS_URL, uniquePrefix } from "../helpers/redis";
import { addMember, api, signUp, type ServerProcess } from "../helpers/server";
import { startTwoProcesses, type TwoProcesses } from "../helpers/twoProcesses";

const absence = backend !== "postgres" ? "several processes need a shared database: this file runs in the tests-pg project" : await redisAbsence();
if (absence && backend === "postgres") console.warn(`\n⚠ SKIPPING two-process tests: ${absence}.\n`);

let two: TwoProcesses;

describe.skipIf(absence !== null)("two processes joined by Redis", () => {
  beforeAll(async () => {
    const prefix = uniquePrefix();
    const env = { REDIS_URL, CONCORD_REDIS_PREFIX: prefix };
    two = await startTwoProcesses(prefix, env, env);
  });

  afterAll(async () => {
    await two?.close();
  });

  test("an edit on one process reaches a client on the other, and so does presence", async () => {
    const onFirst = await two.open(two.first, two.lead);
    const onSecond = await two.open(two.second, two.consultant);
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
    const member = await signUp(two.first.url, "Sam Ortiz");
    await addMember(two.first.url, two.lead.token, two.projectId, member.email, "rater");
    const onSecond = await two.open(two.second, member);
    const closed = new Promise<void>((resolve) => onSecond.provider.on("close", () => resolve()));
    const removed = await api(two.first.url, two.lead.token, "DELETE", `/projects/${two.projectId}/members/${member.userId}`);
    expect(removed.status).toBe(204);
    await within(closed, 10_000, "the removed member's socket on the other process stayed open");
    await expect(connectSynced(two.second.url, two.documentId, member.token)).rejects.toThrow(/refused/);
  });

  test("sign-in guesses are counted across both processes", async () => {
    const guess = (server: ServerProcess) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: two.consultant.email, password: "not the password" }),
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await guess(i % 2 === 0 ? two.first : two.second));
    expect(statuses).toEqual(Array(10).fill(401));
    // The eleventh guess is refused on either process: two processes did not mean twenty guesses.
    expect(await guess(two.first)).toBe(429);
    expect(await guess(two.second)).toBe(429);
  });

  test("a new coder's layer is announced on the other process, and a blind round closes the coders' text sockets there", async () => {
    const onSecond = await two.open(two.second, two.consultant);
    const announced = new Promise<void>((resolve) =>
      onSecond.provider.on("stateless", ({ payload }: { payload: string }) => {
        if (JSON.parse(payload).type === "collab-changed") resolve();
      }),
    );
    const code = (await (await api(two.first.url, two.lead.token, "POST", `/projects/${two.projectId}/codes`, { name: "Quiet start", level: "initial" })).json()) as { id: string };
    expect((await api(two.first.url, two.lead.token, "POST", `/documents/${two.documentId}/codings`, { codeId: code.id, start: 0, end: 5 })).status).toBe(201);
    await within(announced, 10_000, "the lead's new layer was never announced to the consultant on the other process");

    // The consultant codes blind from now on: their text socket there authenticates afresh, so their cursor stops being relayed.
    const closed = new Promise<void>((resolve) => onSecond.provider.on("close", () => resolve()));
    const started = await api(two.first.url, two.lead.token, "POST", `/documents/${two.documentId}/blind`, { coders: [two.lead.userId, two.consultant.userId] });
    expect(started.status).toBe(201);
    await within(closed, 10_000, "the consultant's text socket on the other process stayed open when blind coding began");
  });

  test("when one process is killed mid-edit, the other serves every acknowledged edit", async () => {
    const author = await two.open(two.first, two.lead);
    const reader = await two.open(two.second, two.consultant);
    const answer = paragraphText(author.doc, 1);
    for (let i = 0; i < 40; i++) answer.insert(answer.length, ` w${i}`);
    await author.waitAcknowledged();
    const acknowledged = author.text();
    // More typing that may or may not have been saved when the process dies.
    for (let i = 40; i < 60; i++) answer.insert(answer.length, ` w${i}`);
    await two.first.kill();
    await reader.waitForText((text) => text.includes(" w39"));
    // A newcomer on the surviving process gets every acknowledged word.
    const newcomer = await two.open(two.second, two.lead);
    expect(newcomer.text().startsWith(acknowledged)).toBe(true);
  });
});
