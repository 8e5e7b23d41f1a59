// A code a coder makes while coding blind is theirs to change until reveal: they rename,
// recolour, re-level, move, delete and restore it, and all of it stays with their blind work.
// Coder B's sockets and answers carry none of it, and to B — and to a lead who is not
// watching — the code does not exist (404), as GET …/codes hides it; a watching lead sees it
// but may not change it. Merging or splitting it waits for reveal (409). At reveal the code
// joins the codebook as its coder left it, its steps in the lineage.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findBlindCode, type Code } from "@concord/shared";
import { connect, recordingSocket, synced, untilDoc, type CollabClient, type CollabEntry } from "../helpers/collab";
import { api, createTranscript, discard, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";

const TEXT = "I: How did the first term go?\nP: I kept waiting for someone to find me out.";
/** Words only A's changes contain: found in any byte B receives, they would be a leak. */
const SECRET = { made: "Held-A first name", renamed: "Held-A renamed code", description: "Held-A description", color: "#123abc" };

let server: ServerProcess;
let lead: TestUser;
let coderA: TestUser;
let coderB: TestUser;
let projectId: string;
let documentId: string;
let sharedCode: string;

interface CodeAnswer {
  id: string;
  name: string;
  color: string;
  level: string;
  parentId: string | null;
  description: string;
  deleted: boolean;
  blindDocumentId?: string;
}
interface Codebook {
  codes: CodeAnswer[];
  lineage: { op: string; from: string[]; into: string[]; by: string }[];
}

const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);
const collabOf = async (who: TestUser) => [
  ...(await json<{ collab: CollabEntry[] }>(await call(who, "GET", `/documents/${documentId}`), 200)).collab,
  ...(await json<{ collab: CollabEntry[] }>(await call(who, "GET", `/projects/${projectId}`), 200)).collab,
];
const codebook = (who: TestUser) => json<Codebook>(call(who, "GET", `/projects/${projectId}/codes`), 200);

async function code(who: TestUser, words: string, codeId: string): Promise<{ id: string }> {
  const start = (await storedText(server.url, lead.token, documentId)).indexOf(words);
  expect(start, words).toBeGreaterThanOrEqual(0);
  return json(call(who, "POST", `/documents/${documentId}/codings`, { codeId, start, end: start + words.length }), 201);
}


beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { coderA, coderB },
  } = await startTeam({
    lead: "Lead Researcher",
    members: { coderA: { name: "Ada Coder", role: "supervisor" }, coderB: { name: "Bea Coder", role: "consultant" } },
  }));
  documentId = await createTranscript(server.url, lead.token, projectId, TEXT);
  sharedCode = (await json<{ id: string }>(call(lead, "POST", `/projects/${projectId}/codes`, { name: "Being found out", level: "focused" }), 201)).id;
  await json(call(lead, "POST", `/documents/${documentId}/blind`, { coders: [coderA.userId, coderB.userId] }), 201);
});

afterAll(async () => {
  if (server) await discard(server);
});

describe("a code made during blind coding", () => {
  test("is changed by its coder in their layer; B's sockets and answers carry none of it, and to B and the lead it does not exist", async () => {
    await code(coderB, "waiting for someone", sharedCode);
    const held = await json<CodeAnswer>(call(coderA, "POST", `/projects/${projectId}/codes`, { name: SECRET.made, level: "initial", documentId }), 201);
    await code(coderA, "find me out", held.id);
    const inner = await json<CodeAnswer>(call(coderA, "POST", `/projects/${projectId}/codes`, { name: "Held-A inner code", level: "initial", parentId: held.id, documentId }), 201);

    // B opens every document B may, on one recorded socket; A watches A's own layer.
    const frames: Buffer[] = [];
    const bSocket = recordingSocket(server.url, frames);
    const bBodies: string[] = [];
    const asB = async (method: string, route: string, body?: unknown) => {
      const response = await call(coderB, method, route, body);
      bBodies.push(await response.clone().text());
      return response;
    };
    const clients: CollabClient[] = [];
    try {
      const bDocs = await collabOf(coderB);
      for (const doc of bDocs) clients.push(await synced(connect(server.url, doc.name, coderB.token, { websocketProvider: bSocket }), doc.name));
      const bLayer = clients[bDocs.findIndex((d) => d.kind === "layer")]!;
      const aLayerName = (await collabOf(coderA)).find((d) => d.kind === "layer" && d.coderId === coderA.userId)!.name;
      const aLayer = await synced(connect(server.url, aLayerName, coderA.token), aLayerName);
      clients.push(aLayer);
      const heldInA = () => findBlindCode(aLayer.doc, held.id) as Code | undefined;

      // A renames, recolours, describes, raises and moves the code under a codebook code; each reaches A's layer.
      const changed = await json<CodeAnswer>(
        call(coderA, "PATCH", `/projects/${projectId}/codes/${held.id}`, { name: SECRET.renamed, color: SECRET.color, description: SECRET.description, level: "focused", parentId: sharedCode }),
        200,
      );
      expect(changed).toMatchObject({ name: SECRET.renamed, color: SECRET.color, description: SECRET.description, level: "focused", parentId: sharedCode, blindDocumentId: documentId });
      await untilDoc(aLayer, () => heldInA()?.name === SECRET.renamed, "A's layer carries the new name");
      // Moves the coder may not make are refused, changing nothing: under itself, its own child, or a code that is not there.
      for (const parentId of [held.id, inner.id, "no-such-code"]) await json(call(coderA, "PATCH", `/projects/${projectId}/codes/${held.id}`, { parentId }), 400);
      expect(heldInA()).toMatchObject({ name: SECRET.renamed, parentId: sharedCode });
      // Delete and its undo work on the inner code; a deleted held code cannot be used.
      expect((await json<CodeAnswer>(call(coderA, "DELETE", `/projects/${projectId}/codes/${inner.id}`), 200)).deleted).toBe(true);
      await json(call(coderA, "POST", `/documents/${documentId}/codings`, { codeId: inner.id, start: 3, end: 7 }), 400);
      expect((await json<CodeAnswer>(call(coderA, "POST", `/projects/${projectId}/codes/${inner.id}/restore`), 200)).parentId).toBe(held.id);
      // Merge and split wait for reveal, in either direction.
      for (const [route, body] of [
        [`${held.id}/merge`, { into: sharedCode }],
        [`${sharedCode}/merge`, { into: held.id }],
        [`${held.id}/split`, { name: "Part", codingIds: ["x"] }],
      ] as const) {
        const refused = await json<{ error: { message: string } }>(call(coderA, "POST", `/projects/${projectId}/codes/${route}`, body), 409);
        expect(refused.error.message).toMatch(/joins the codebook at reveal/);
      }

      // A sees the code and its steps; B sees neither.
      const forA = await codebook(coderA);
      expect(forA.codes.find((c) => c.id === held.id)).toMatchObject({ name: SECRET.renamed, blindDocumentId: documentId });
      expect(forA.lineage.filter((e) => e.into.includes(held.id) || e.from.includes(inner.id)).map((e) => e.op)).toEqual(["raise", "delete", "restore"]);
      const forB = await json<Codebook>(asB("GET", `/projects/${projectId}/codes`), 200);
      expect(forB.codes.map((c) => c.id)).toEqual([sharedCode]);
      expect(forB.lineage).toEqual([]);

      // To B, and to the lead who is not allowed to watch, the code does not exist: every change is 404 and changes nothing.
      for (const who of [coderB, lead]) {
        const send = who === coderB ? asB : (method: string, route: string, body?: unknown) => call(who, method, route, body);
        await json(send("PATCH", `/projects/${projectId}/codes/${held.id}`, { name: "Taken over" }), 404);
        await json(send("DELETE", `/projects/${projectId}/codes/${held.id}`), 404);
        await json(send("POST", `/projects/${projectId}/codes/${held.id}/restore`), 404);
        await json(send("POST", `/projects/${projectId}/codes/${held.id}/merge`, { into: sharedCode }), 404);
        await json(send("POST", `/projects/${projectId}/codes/${held.id}/split`, { name: "Part", codingIds: ["x"] }), 404);
        // As a merge's survivor it is refused as any code the codebook does not hold, in the same words.
        const asSurvivor = await json<{ error: { message: string } }>(send("POST", `/projects/${projectId}/codes/${sharedCode}/merge`, { into: held.id }), 400);
        const asUnknown = await json<{ error: { message: string } }>(send("POST", `/projects/${projectId}/codes/${sharedCode}/merge`, { into: "no-such-code" }), 400);
        expect(asSurvivor.error.message).toBe(asUnknown.error.message);
      }
      expect(heldInA()).toMatchObject({ name: SECRET.renamed, deletedAt: null });

      // B's own next coding reaches B's layer socket: every frame sent before it on this socket has arrived.
      const bLater = await code(coderB, "How did", sharedCode);
      await untilDoc(bLayer, () => bLayer.doc.getMap("codings").has(bLater.id), "B's own coding arrives");
      const everything = Buffer.concat([...frames, ...bBodies.map((body) => Buffer.from(body))]);
      expect(everything.includes(Buffer.from(bLater.id))).toBe(true);
      for (const secret of [...Object.values(SECRET), held.id, inner.id, "Held-A"]) expect(everything.includes(Buffer.from(secret)), `B received "${secret}"`).toBe(false);
    } finally {
      for (const client of clients) client.destroy();
      bSocket.destroy();
    }
  });

  test("a watching lead sees the code but may not change it", async () => {
    await json(call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: true }), 200);
    const held = (await codebook(lead)).codes.find((c) => c.name === SECRET.renamed)!;
    expect(held.blindDocumentId).toBe(documentId);
    const refused = await json<{ error: { message: string } }>(call(lead, "PATCH", `/projects/${projectId}/codes/${held.id}`, { name: "The lead's name" }), 403);
    expect(refused.error.message).toMatch(/only the coder who made this code/);
    await json(call(lead, "DELETE", `/projects/${projectId}/codes/${held.id}`), 403);
    await json(call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: false }), 200);
  });

  test("at reveal it joins the codebook as its coder left it, with its steps in the lineage, and B may change it", async () => {
    await json(call(lead, "POST", `/documents/${documentId}/reveal`), 200);
    const { codes, lineage } = await codebook(coderB);
    const adopted = codes.find((c) => c.name === SECRET.renamed)!;
    expect(adopted).toMatchObject({ color: SECRET.color, description: SECRET.description, level: "focused", parentId: sharedCode, deleted: false });
    expect(adopted.blindDocumentId).toBeUndefined();
    expect(codes.some((c) => c.name === SECRET.made)).toBe(false);
    const inner = codes.find((c) => c.name === "Held-A inner code")!;
    expect(inner.parentId).toBe(adopted.id);
    expect(lineage.map((e) => [e.op, e.by])).toEqual([
      ["create", lead.userId],
      ["create", lead.userId],
      ["raise", coderA.userId],
      ["delete", coderA.userId],
      ["restore", coderA.userId],
    ]);
    await json(call(coderB, "PATCH", `/projects/${projectId}/codes/${adopted.id}`, { name: "Waiting to be found out" }), 200);
    await json(call(coderB, "POST", `/projects/${projectId}/codes/${inner.id}/merge`, { into: adopted.id }), 200);
  });
});
