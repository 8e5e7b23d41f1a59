// Coding together on a real server with real providers: codings made while someone else
// types stay on the words chosen; deleting the words orphans a coding instead of dropping
// it; merge and split keep every coding; bad input is refused with nothing changed; layers
// are read-only on the socket and their names cannot be forged.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { anchorOffsets, buildDocumentName, readCodings, resolveAnchor, transcriptTextMap } from "@concord/shared";
import { connect, connectSynced, paragraphText, within, type CollabClient } from "../helpers/collab";
import { addMember, api, createProject, createTranscript, discard, signUp, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";
import { authFrame, openRawSocket, updateFrame } from "./hocuspocusFrames";

const TEXT = "I: Tell me about the first weeks in the role.\nP: I felt like a fraud, comparing myself to the others all the time.";

let server: ServerProcess;
let lead: TestUser;
let supervisor: TestUser;
let consultant: TestUser;
let projectId: string;
let documentId: string;
let codeIds: { fraud: string; comparing: string; doubt: string };

interface Coding {
  id: string;
  codeId: string;
  coder: { id: string };
  start: number;
  end: number;
  text: string;
  orphaned: boolean;
  note: string;
}

const codings = async (who = lead) => (await json<{ codings: Coding[] }>(await api(server.url, who.token, "GET", `/documents/${documentId}/codings`), 200)).codings;
const codebook = async () => json<{ codes: { id: string; counts: { codings: number; documents: number; coders: number } }[]; lineage: { op: string }[] }>(await api(server.url, lead.token, "GET", `/projects/${projectId}/codes`), 200);

async function newCode(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await json<{ id: string }>(await api(server.url, lead.token, "POST", `/projects/${projectId}/codes`, { name, level: "initial", ...extra }), 201)).id;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { supervisor, consultant },
  } = await startTeam({
    lead: "Lead",
    members: {
      supervisor: { name: "Supervisor", role: "supervisor" },
      consultant: { name: "Consultant", role: "consultant" },
    },
  }));
  documentId = await createTranscript(server.url, lead.token, projectId, TEXT);
  codeIds = { fraud: await newCode("Feeling like a fraud"), comparing: await newCode("Comparing self to others"), doubt: await newCode("Self-doubt", { level: "focused" }) };
});

afterAll(async () => {
  if (server) await discard(server);
});

describe("coding together", () => {
  test("codings made while a third person types stay on the words chosen, on the server and in every client", async () => {
    const editor = await connectSynced(server.url, documentId, consultant.token);
    const coderA = await connectSynced(server.url, documentId, lead.token);
    const coderB = await connectSynced(server.url, documentId, supervisor.token);
    const clients: CollabClient[] = [editor, coderA, coderB];
    try {
      const span = (client: CollabClient, words: string) => {
        const at = client.text().indexOf(words);
        const anchor = anchorOffsets(client.doc, at, at + words.length);
        return { start: base64(anchor.start[0]!), end: base64(anchor.end[0]!) };
      };
      // Each coder selects in their own copy; the editor types before, inside and after at the same moment.
      const made = Promise.all([
        api(server.url, lead.token, "POST", `/documents/${documentId}/codings`, { codeId: codeIds.fraud, anchor: span(coderA, "felt like a fraud") }),
        api(server.url, supervisor.token, "POST", `/documents/${documentId}/codings`, { codeId: codeIds.comparing, anchor: span(coderB, "a fraud, comparing myself"), note: "Overlaps" }),
      ]);
      const answer = paragraphText(editor.doc, 1); // "I felt like a fraud, comparing myself…"
      editor.doc.transact(() => {
        answer.insert("I felt like a".length, " total");
        answer.insert(0, "Honestly, ");
        paragraphText(editor.doc, 0).insert(0, "So. ");
      });
      for (const response of await made) expect(response.status, await response.clone().text()).toBe(201);
      await editor.waitAcknowledged();
      const all = await codings();
      expect(all.map((c) => [c.codeId, c.text, c.orphaned])).toEqual([
        [codeIds.fraud, "felt like a total fraud", false],
        [codeIds.comparing, "a total fraud, comparing myself", false],
      ]);
      const text = await storedText(server.url, lead.token, documentId);
      for (const coding of all) expect(text.slice(coding.start, coding.end)).toBe(coding.text);

      // The listing names the layers; each client reads them (read-only) and resolves the anchors in its own copy.
      const detail = await json<{ collab: { name: string; kind: string; coderId?: string }[] }>(await api(server.url, consultant.token, "GET", `/documents/${documentId}`), 200);
      expect(detail.collab.map((d) => d.kind)).toEqual(["text", "round", "layer", "layer"]);
      for (const layer of detail.collab.filter((d) => d.kind === "layer")) {
        const watcher = await connectSynced(server.url, layer.name, consultant.token);
        clients.push(watcher);
        for (const reader of [editor, coderA, coderB]) {
          await reader.waitForText((t) => t === text);
          const map = transcriptTextMap(reader.doc);
          for (const coding of readCodings(watcher.doc)) {
            const range = resolveAnchor(reader.doc, map, coding);
            expect(map.text.slice(range.start, range.end)).toBe(all.find((c) => c.id === coding.id)!.text);
          }
        }
      }
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  test("a coding whose words are all deleted is kept and listed as orphaned", async () => {
    const text = await storedText(server.url, lead.token, documentId);
    const at = text.indexOf("all the time");
    const made = await json<Coding>(await api(server.url, lead.token, "POST", `/documents/${documentId}/codings`, { codeId: codeIds.doubt, start: at, end: at + "all the time".length }), 201);
    expect(made.text).toBe("all the time");
    const editor = await connectSynced(server.url, documentId, consultant.token);
    try {
      const answer = paragraphText(editor.doc, 1);
      const inParagraph = answer.toString().indexOf(" all the time");
      answer.delete(inParagraph, " all the time".length);
      await editor.waitAcknowledged();
    } finally {
      editor.destroy();
    }
    const orphan = (await codings()).find((c) => c.id === made.id)!;
    expect(orphan).toMatchObject({ orphaned: true, text: "", codeId: codeIds.doubt });
  });

  test("merge moves every coding to the survivor, split takes the chosen ones to a new code; the lineage records both", async () => {
    const before = await codings();
    const merged = await json<{ id: string }>(await api(server.url, lead.token, "POST", `/projects/${projectId}/codes/${codeIds.comparing}/merge`, { into: codeIds.fraud, memo: "One idea" }), 200);
    expect(merged.id).toBe(codeIds.fraud);
    const afterMerge = await codings();
    expect(afterMerge.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    expect(afterMerge.filter((c) => c.codeId === codeIds.comparing)).toEqual([]);
    const moving = afterMerge.find((c) => c.coder.id === supervisor.userId)!;
    const split = await json<{ id: string; name: string }>(
      await api(server.url, lead.token, "POST", `/projects/${projectId}/codes/${codeIds.fraud}/split`, { name: "Comparing self to others", codingIds: [moving.id] }),
      200,
    );
    const afterSplit = await codings();
    expect(afterSplit.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    expect(afterSplit.find((c) => c.id === moving.id)!.codeId).toBe(split.id);
    const { codes, lineage } = await codebook();
    expect(lineage.map((e) => e.op)).toEqual(["merge", "split"]);
    expect(codes.find((c) => c.id === split.id)!.counts).toEqual({ codings: 1, documents: 1, coders: 1 });
    const segments = await json<{ segments: { codingId: string; text: string }[] }>(await api(server.url, lead.token, "GET", `/projects/${projectId}/codes/${split.id}/segments`), 200);
    expect(segments.segments).toEqual([expect.objectContaining({ codingId: moving.id, text: moving.text })]);
  });

  test("bad input is refused with a clear error and nothing stored changes", async () => {
    const otherProject = await createProject(server.url, lead.token, "Another study");
    const foreignCode = (await json<{ id: string }>(await api(server.url, lead.token, "POST", `/projects/${otherProject}/codes`, { name: "Elsewhere", level: "initial" }), 201)).id;
    const gone = await newCode("To be deleted");
    await json(await api(server.url, lead.token, "DELETE", `/projects/${projectId}/codes/${gone}`), 200);
    const parent = await newCode("Category", { level: "category" });
    const child = await newCode("Inside", { parentId: parent });
    const length = (await storedText(server.url, lead.token, documentId)).length;
    const [codingsBefore, codebookBefore] = [await codings(), await codebook()];
    const post = (body: unknown) => api(server.url, lead.token, "POST", `/documents/${documentId}/codings`, body);
    const refusals: [string, Promise<Response>, number, RegExp][] = [
      ["range outside the text", post({ codeId: codeIds.fraud, start: 0, end: length + 1 }), 400, /outside the text/],
      ["start after end", post({ codeId: codeIds.fraud, start: 9, end: 3 }), 400, /before its end/],
      ["unknown code", post({ codeId: "no-such-code", start: 0, end: 5 }), 400, /does not exist/],
      ["deleted code", post({ codeId: gone, start: 3, end: 5 }), 400, /deleted/],
      ["another project's code", post({ codeId: foreignCode, start: 3, end: 5 }), 400, /does not exist/],
      ["garbled anchor", post({ codeId: codeIds.fraud, anchor: { start: "AAAA", end: "////" } }), 400, /anchor/],
      ["long note", post({ codeId: codeIds.fraud, start: 3, end: 5, note: "x".repeat(2_001) }), 400, /2000 characters/],
      ["merge into itself", api(server.url, lead.token, "POST", `/projects/${projectId}/codes/${parent}/merge`, { into: parent }), 400, /itself/],
      ["merge into a descendant", api(server.url, lead.token, "POST", `/projects/${projectId}/codes/${parent}/merge`, { into: child }), 400, /inside it/],
      ["a cycle of parents", api(server.url, lead.token, "PATCH", `/projects/${projectId}/codes/${parent}`, { parentId: child }), 400, /under itself/],
      ["a viewer's coding", (async () => {
        const viewer = await signUp(server.url, "Viewer");
        await addMember(server.url, lead.token, projectId, viewer.email, "viewer");
        return api(server.url, viewer.token, "POST", `/documents/${documentId}/codings`, { codeId: codeIds.fraud, start: 3, end: 5 });
      })(), 403, /coding/],
    ];
    for (const [what, response, status, message] of refusals) {
      const answer = await response;
      const body = (await answer.json()) as { error: { message: string } };
      expect(answer.status, `${what}: ${body.error.message}`).toBe(status);
      expect(body.error.message, what).toMatch(message);
    }
    expect(await codings()).toEqual(codingsBefore);
    expect(await codebook()).toEqual(codebookBefore);
  });

  test("layers are read-only on the socket, their names cannot be forged, and the server keeps serving", async () => {
    const detail = await json<{ collab: { name: string; kind: string; coderId?: string }[] }>(await api(server.url, lead.token, "GET", `/documents/${documentId}`), 200);
    const leadLayer = detail.collab.find((d) => d.kind === "layer" && d.coderId === lead.userId)!.name;
    const before = await codings();
    // The owner's own provider cannot change its layer: the change is never applied or stored.
    const own = await connectSynced(server.url, leadLayer, lead.token);
    try {
      expect(await own.authenticated).toEqual({ readOnly: true });
      own.doc.getMap("codings").set("forged", { codeId: codeIds.fraud, start: [], end: [], note: "", createdAt: "" });
      own.doc.getMap("codings").delete(before[0]!.id);
    } finally {
      own.destroy();
    }
    // A raw update frame to the layer changes nothing either.
    const socket = await openRawSocket(server.url);
    try {
      socket.ws.send(authFrame(leadLayer, lead.token));
      await socket.next((frame) => frame.kind === "authenticated");
      const forged = new Y.Doc();
      forged.getMap("codings").set("raw", { codeId: "x" });
      socket.ws.send(updateFrame(leadLayer, Y.encodeStateAsUpdate(forged)));
    } finally {
      socket.ws.terminate();
    }
    // Names Concord never made, or for a document elsewhere, are refused like a missing document.
    const outsider = await signUp(server.url, "Outsider");
    const forgedNames = [
      `${documentId}/layer/${lead.userId}/x`,
      `${documentId}/layer/not-an-id`,
      buildDocumentName({ kind: "threads", projectId: "00000000-0000-4000-8000-000000000000" }),
    ];
    for (const name of forgedNames) expect(await within(connect(server.url, name, lead.token).refused, 10_000, name)).toMatch(/does not exist/);
    expect(await within(connect(server.url, leadLayer, outsider.token).refused, 10_000, "outsider")).toMatch(/does not exist/);
    expect(await within(connect(server.url, buildDocumentName({ kind: "codebook", projectId }), outsider.token).refused, 10_000, "codebook")).toMatch(/does not exist/);
    expect(await codings()).toEqual(before);
    // Still serving: a new coding is made and listed.
    const made = await json<Coding>(await api(server.url, lead.token, "POST", `/documents/${documentId}/codings`, { codeId: codeIds.fraud, start: 3, end: 7 }), 201);
    expect((await codings()).map((c) => c.id)).toContain(made.id);
  });
});
