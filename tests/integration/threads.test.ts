// Discussion on a real server with real providers: a thread started on a span, a code or a
// coding reaches everyone in the project live; replies, mentions, resolve and reopen; the
// span keeps to its words while the text is edited; viewers read but do not post; outsiders
// and bad input are refused with nothing stored; the threads document is read-only on the socket.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildDocumentName, readThreads } from "@concord/shared";
import { connectSynced, paragraphText, within } from "../helpers/collab";
import { api, createProject, createTranscript, discard, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";

const TEXT = "I: What helped most?\nP: Being listened to, really listened to, by the team.";

let server: ServerProcess;
let lead: TestUser;
let consultant: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let projectId: string;
let documentId: string;
let threadsName: string;

interface Person {
  id: string;
  name: string;
}
interface ThreadView {
  id: string;
  anchor: { kind: string; documentId?: string; start?: number; end?: number; text?: string; orphaned?: boolean; codeId?: string; codingId?: string };
  createdBy: Person;
  resolved: { by: Person; at: string } | null;
  messages: { id: string; author: Person; body: string; mentions: Person[] }[];
}

const threads = async (who = lead, query = "") =>
  (await json<{ threads: ThreadView[] }>(await api(server.url, who.token, "GET", `/projects/${projectId}/threads${query}`), 200)).threads;

async function spanOf(words: string): Promise<{ documentId: string; start: number; end: number }> {
  const text = await storedText(server.url, lead.token, documentId);
  const start = text.indexOf(words);
  return { documentId, start, end: start + words.length };
}

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { consultant, viewer, outsider },
  } = await startTeam({
    lead: "Priya Raman",
    members: {
      consultant: { name: "Jo Mensah", role: "consultant" },
      viewer: { name: "Vic Viewer", role: "viewer" },
      outsider: { name: "Olga Outside", role: null },
    },
  }));
  documentId = await createTranscript(server.url, lead.token, projectId, TEXT);
  const project = await json<{ collab: { name: string; kind: string }[] }>(await api(server.url, lead.token, "GET", `/projects/${projectId}`), 200);
  threadsName = project.collab.find((d) => d.kind === "threads")!.name;
});

afterAll(async () => {
  if (server) await discard(server);
});

describe("discussion threads", () => {
  test("a thread on a span reaches a watching member live; replies, mentions, resolve and reopen", async () => {
    expect(threadsName).toBe(buildDocumentName({ kind: "threads", projectId }));
    const watcher = await connectSynced(server.url, threadsName, consultant.token);
    try {
      const started = await json<ThreadView>(
        await api(server.url, lead.token, "POST", `/projects/${projectId}/threads`, {
          anchor: await spanOf("really listened to"),
          body: "  Is this the heart of it? @Jo Mensah  ",
          mentions: [consultant.userId],
        }),
        201,
      );
      expect(started.anchor).toMatchObject({ kind: "span", documentId, text: "really listened to", orphaned: false });
      expect(started.messages).toEqual([
        expect.objectContaining({ author: { id: lead.userId, name: "Priya Raman" }, body: "Is this the heart of it? @Jo Mensah", mentions: [{ id: consultant.userId, name: "Jo Mensah" }] }),
      ]);
      await within(
        new Promise<void>((resolve) => {
          const check = () => readThreads(watcher.doc).some((t) => t.id === started.id) && resolve();
          watcher.doc.on("update", check);
          check();
        }),
        5_000,
        "the thread never reached the consultant's copy",
      );

      const answer = await json<{ author: Person; body: string }>(
        await api(server.url, consultant.token, "POST", `/threads/${started.id}/replies`, { body: "Yes: being heard by the whole team." }),
        201,
      );
      expect(answer).toMatchObject({ author: { id: consultant.userId, name: "Jo Mensah" }, body: "Yes: being heard by the whole team." });

      const resolved = await json<ThreadView>(await api(server.url, lead.token, "PATCH", `/threads/${started.id}`, { resolved: true }), 200);
      expect(resolved.resolved).toMatchObject({ by: { id: lead.userId, name: "Priya Raman" } });
      // Replying to a resolved thread opens it again.
      await json(await api(server.url, consultant.token, "POST", `/threads/${started.id}/replies`, { body: "One more thought." }), 201);
      const listed = (await threads(consultant)).find((t) => t.id === started.id)!;
      expect(listed.resolved).toBeNull();
      expect(listed.messages.map((m) => m.author.name)).toEqual(["Priya Raman", "Jo Mensah", "Jo Mensah"]);
      const reopened = await json<ThreadView>(await api(server.url, lead.token, "PATCH", `/threads/${started.id}`, { resolved: false }), 200);
      expect(reopened.resolved).toBeNull();
    } finally {
      watcher.destroy();
    }
  });

  test("a span thread stays on its words while the text is edited, and is orphaned, not lost, when they are deleted", async () => {
    const started = await json<ThreadView>(
      await api(server.url, lead.token, "POST", `/projects/${projectId}/threads`, { anchor: await spanOf("by the team"), body: "Which team?" }),
      201,
    );
    const editor = await connectSynced(server.url, documentId, consultant.token);
    try {
      const answer = paragraphText(editor.doc, 1);
      answer.insert(0, "Honestly, ");
      await editor.waitAcknowledged();
      let placed = (await threads(lead, `?documentId=${documentId}`)).find((t) => t.id === started.id)!;
      const text = await storedText(server.url, lead.token, documentId);
      expect(placed.anchor).toMatchObject({ text: "by the team", orphaned: false });
      expect(text.slice(placed.anchor.start, placed.anchor.end)).toBe("by the team");

      const at = answer.toString().indexOf(" by the team");
      answer.delete(at, " by the team".length);
      await editor.waitAcknowledged();
      placed = (await threads(lead)).find((t) => t.id === started.id)!;
      expect(placed.anchor).toMatchObject({ kind: "span", text: "", orphaned: true });
      expect(placed.messages[0]!.body).toBe("Which team?");
    } finally {
      editor.destroy();
    }
  });

  test("threads on a code and on a coding", async () => {
    const code = await json<{ id: string }>(await api(server.url, lead.token, "POST", `/projects/${projectId}/codes`, { name: "Being heard", level: "initial" }), 201);
    const span = await spanOf("Being listened to");
    const coding = await json<{ id: string }>(await api(server.url, consultant.token, "POST", `/documents/${documentId}/codings`, { codeId: code.id, ...span }), 201);
    const onCode = await json<ThreadView>(await api(server.url, consultant.token, "POST", `/projects/${projectId}/threads`, { anchor: { codeId: code.id }, body: "Should this be a focused code?" }), 201);
    const onCoding = await json<ThreadView>(await api(server.url, lead.token, "POST", `/projects/${projectId}/threads`, { anchor: { codingId: coding.id }, body: "Nice catch." }), 201);
    expect(onCode.anchor).toEqual({ kind: "code", codeId: code.id });
    expect(onCoding.anchor).toEqual({ kind: "coding", documentId, codingId: coding.id });
    const seenByViewer = await threads(viewer);
    expect(seenByViewer.map((t) => t.id)).toEqual(expect.arrayContaining([onCode.id, onCoding.id]));
  });

  test("viewers read but do not post; outsiders see nothing; bad input is refused and nothing is stored", async () => {
    const before = await threads();
    const [first] = before;
    const anchor = await spanOf("What helped");
    const refusals: [TestUser, string, string, unknown, number][] = [
      [viewer, "POST", `/projects/${projectId}/threads`, { anchor, body: "Hello" }, 403],
      [viewer, "POST", `/threads/${first!.id}/replies`, { body: "Hello" }, 403],
      [viewer, "PATCH", `/threads/${first!.id}`, { resolved: true }, 403],
      [outsider, "GET", `/projects/${projectId}/threads`, undefined, 404],
      [outsider, "POST", `/threads/${first!.id}/replies`, { body: "Hello" }, 404],
      [outsider, "PATCH", `/threads/${first!.id}`, { resolved: true }, 404],
      [lead, "POST", `/threads/00000000-0000-4000-8000-000000000000/replies`, { body: "Hello" }, 404],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor, body: "   " }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor, body: "x".repeat(10_001) }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor, body: "Hi", mentions: [outsider.userId] }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor: { ...anchor, end: 1_000_000 }, body: "Hi" }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor: { ...anchor, start: anchor.end, end: anchor.start }, body: "Hi" }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor: { codeId: "no-such-code" }, body: "Hi" }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor: { codingId: "no-such-coding" }, body: "Hi" }, 400],
      [lead, "POST", `/projects/${projectId}/threads`, { anchor: { memoId: "m" }, body: "Hi" }, 400],
      [lead, "PATCH", `/threads/${first!.id}`, { resolved: "yes" }, 400],
    ];
    for (const [who, method, route, body, status] of refusals) {
      const response = await api(server.url, who.token, method, route, body);
      expect(response.status, `${method} ${route} ${JSON.stringify(body)?.slice(0, 80)}: ${await response.clone().text()}`).toBe(status);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).not.toMatch(/undefined|\[object/);
    }
    // A transcript of another project.
    const otherProject = await createProject(server.url, lead.token, "Other study");
    const otherDocument = await createTranscript(server.url, lead.token, otherProject, "I: Hello?\nP: Hello.");
    const elsewhere = await api(server.url, lead.token, "POST", `/projects/${projectId}/threads`, { anchor: { documentId: otherDocument, start: 0, end: 5 }, body: "Hi" });
    expect(elsewhere.status).toBe(400);
    expect(await threads()).toEqual(before);
  });

  test("the threads document is read-only on the socket, and closed to outsiders", async () => {
    const before = await threads();
    const writer = await connectSynced(server.url, threadsName, lead.token);
    try {
      expect(await writer.authenticated).toEqual({ readOnly: true });
      writer.doc.getMap("threads").set("forged", "a thread the server never checked" as never);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      writer.destroy();
    }
    expect(await threads()).toEqual(before);
    const fresh = await connectSynced(server.url, threadsName, consultant.token);
    try {
      expect(fresh.doc.getMap("threads").has("forged")).toBe(false);
    } finally {
      fresh.destroy();
    }
    await expect(connectSynced(server.url, threadsName, outsider.token)).rejects.toThrow(/refused/);
  });
});
