// Blind double coding on a real server with real providers. While a transcript is coded
// blind, coder B's connections — every socket B may open: the text, the codebook, the
// threads, B's own layer — carry no byte of coder A's codings, of the codes A made, of A's
// threads or of any agreement figure; A's layer is refused to B; the REST answers hold none
// of it either. A lead who is not coding watches live when the project allows. Reveal (by
// the lead, or when every coder is done) shows the layers and the agreement; disagreements
// are settled and both agreements are kept. Bad input changes nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { CLOSE, readCodings } from "@concord/shared";
import { connect, connectSynced, recordingSocket, synced, within, type CollabClient, type CollabEntry } from "../helpers/collab";
import { api, createTranscript, discard, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";
import { authFrame, openRawSocket, updateFrame } from "./hocuspocusFrames";

const TEXT = "I: Tell me about the first weeks in the role.\nP: I felt like a fraud, comparing myself to the others all the time.";
/** Words only A's blind work contains: found in any byte B receives, they would be a leak. */
const SECRET = { code: "Secretly-A impostor code", note: "Secretly-A note", thread: "Secretly-A thread body" };

let server: ServerProcess;
let lead: TestUser;
let coderA: TestUser;
let coderB: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let projectId: string;
let documentId: string;
let sharedCode: string;

interface Coding {
  id: string;
  codeId: string;
  coder: { id: string };
  start: number;
  end: number;
  text: string;
}
interface Agreement {
  coders: string[];
  per_code: Record<string, { segments: { agreements: number } }>;
  overall: { percent_agreement: { value: number | null }; u_alpha: unknown; boundary_u_alpha: unknown; segments: { pairs: unknown[] } };
  disagreements: { key: string; code: string; codings: { id: string; coder: string; text: string }[] }[];
  settled: { codingIds: string[]; action: string; settledBy: { name: string } }[];
  at_reveal: { overall: { percent_agreement: { value: number | null } } } | null;
  after_settling: { overall: { percent_agreement: { value: number | null } } } | null;
}

const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);
const collabOf = async (who: TestUser, id = documentId) => (await json<{ collab: CollabEntry[] }>(await call(who, "GET", `/documents/${id}`), 200)).collab;
const codings = async (who: TestUser, id = documentId) => (await json<{ codings: Coding[] }>(await call(who, "GET", `/documents/${id}/codings`), 200)).codings;

async function span(words: string, id = documentId): Promise<{ start: number; end: number }> {
  const start = (await storedText(server.url, lead.token, id)).indexOf(words);
  expect(start, words).toBeGreaterThanOrEqual(0);
  return { start, end: start + words.length };
}

async function code(who: TestUser, words: string, codeId: string, note = "", id = documentId): Promise<Coding> {
  return json<Coding>(await call(who, "POST", `/documents/${id}/codings`, { codeId, ...(await span(words, id)), note }), 201);
}

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { coderA, coderB, viewer, outsider },
  } = await startTeam({
    lead: "Lead Researcher",
    members: {
      coderA: { name: "Ada Supervisor", role: "supervisor" },
      coderB: { name: "Bea Consultant", role: "consultant" },
      viewer: { name: "Vic Viewer", role: "viewer" },
      outsider: { name: "Olga Outsider", role: null },
    },
  }));
  documentId = await createTranscript(server.url, lead.token, projectId, TEXT);
  sharedCode = (await json<{ id: string }>(await call(lead, "POST", `/projects/${projectId}/codes`, { name: "Feeling like a fraud", level: "initial" }), 201)).id;
});

afterAll(async () => {
  if (server) await discard(server);
});

describe("blind double coding", () => {
  test("bad input is refused with a clear error and nothing stored changes", async () => {
    const start = (who: TestUser, body: unknown, id = documentId) => call(who, "POST", `/documents/${id}/blind`, body);
    const refusals: [string, Promise<Response>, number, RegExp][] = [
      ["a coder list with a non-member", start(lead, { coders: [coderA.userId, outsider.userId] }), 400, /member of this project/],
      ["a viewer as coder", start(lead, { coders: [coderA.userId, viewer.userId] }), 400, /viewers cannot code/],
      ["one coder only", start(lead, { coders: [coderA.userId] }), 400, /at least two coders/],
      ["a coder named twice", start(lead, { coders: [coderA.userId, coderA.userId] }), 400, /only once/],
      ["not a list", start(lead, { coders: "everyone" }), 400, /coders/],
      ["a non-lead starting it", start(coderA, { coders: [coderA.userId, coderB.userId] }), 403, /role/],
      ["an outsider starting it", start(outsider, { coders: [coderA.userId, coderB.userId] }), 404, /not found/],
      ["reveal of a document not in blind mode", call(lead, "POST", `/documents/${documentId}/reveal`), 409, /not being coded blind/],
      ["done on a document not in blind mode", call(coderA, "POST", `/documents/${documentId}/done`), 409, /not being coded blind/],
      ["a non-lead changing the settings", call(coderA, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: true }), 403, /role/],
      ["a setting that is not a yes or no", call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: "yes" }), 400, /leadMayWatchBlindCoding/],
      ["an unknown unit", call(lead, "GET", `/documents/${documentId}/agreement?unit=paragraph`), 400, /unit must be one of/],
      ["a threshold above 1", call(lead, "GET", `/documents/${documentId}/agreement?threshold=2`), 400, /between 0 and 1/],
      ["a settle action that does not exist", call(lead, "POST", `/documents/${documentId}/disagreements/settle`, { codingIds: ["x"], action: "toss" }), 400, /keep_one, keep_both/],
    ];
    for (const [what, response, status, message] of refusals) {
      const answer = await response;
      const body = (await answer.json()) as { error: { message: string } };
      expect(answer.status, `${what}: ${body.error.message}`).toBe(status);
      expect(body.error.message, what).toMatch(message);
    }
    await json(await call(lead, "GET", `/documents/${documentId}/blind`), 404);
    expect(await json(await call(lead, "GET", `/projects/${projectId}/settings`), 200)).toEqual({ leadMayWatchBlindCoding: false });
  });

  test("before reveal coder B's sockets and answers carry no byte of coder A's codings, codes, threads or agreement; a watching lead sees them live", async () => {
    await json(await call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: true }), 200);
    const round = await json<{ status: string; coders: { id: string }[] }>(await call(lead, "POST", `/documents/${documentId}/blind`, { coders: [coderA.userId, coderB.userId] }), 201);
    expect(round.status).toBe("blind");
    expect(round.coders.map((c) => c.id).sort()).toEqual([coderA.userId, coderB.userId].sort());
    await json(await call(lead, "POST", `/documents/${documentId}/blind`, { coders: [coderA.userId, coderB.userId] }), 409);

    // B codes first, so B has a layer of its own to open; then B opens every document B may, on one recorded socket.
    const bFirst = await code(coderB, "like a fraud, comparing myself", sharedCode);
    const bBodies: string[] = [];
    const asB = async (method: string, route: string, body?: unknown) => {
      const response = await call(coderB, method, route, body);
      bBodies.push(await response.clone().text());
      return response;
    };
    const bDocs = [...(await json<{ collab: CollabEntry[] }>(await asB("GET", `/documents/${documentId}`), 200)).collab, ...(await json<{ collab: CollabEntry[] }>(await asB("GET", `/projects/${projectId}`), 200)).collab];
    expect(bDocs.map((d) => d.kind).sort()).toEqual(["codebook", "layer", "round", "text", "threads"]);
    expect(bDocs.find((d) => d.kind === "layer")!.coderId).toBe(coderB.userId);
    const frames: Buffer[] = [];
    const socket = recordingSocket(server.url, frames);
    const bClients: CollabClient[] = [];
    const watcher: CollabClient[] = [];
    try {
      for (const doc of bDocs) bClients.push(await synced(connect(server.url, doc.name, coderB.token, { websocketProvider: socket }), doc.name));
      const bLayer = bClients[bDocs.findIndex((d) => d.kind === "layer")]!;

      // A works blind: a new code (kept with A's work), codings with it and with the shared code, a thread on A's coding.
      const heldCode = await json<{ id: string; blindDocumentId?: string }>(
        await call(coderA, "POST", `/projects/${projectId}/codes`, { name: SECRET.code, level: "initial", documentId }),
        201,
      );
      expect(heldCode.blindDocumentId).toBe(documentId);
      const aHeld = await code(coderA, "comparing myself to the others", heldCode.id, SECRET.note);
      const aShared = await code(coderA, "felt like a fraud", sharedCode);
      await json(await call(coderA, "POST", `/projects/${projectId}/threads`, { anchor: { codingId: aHeld.id }, body: SECRET.thread }), 201);
      await json(await call(coderA, "POST", `/projects/${projectId}/threads`, { anchor: { codeId: heldCode.id }, body: `${SECRET.thread} on the code` }), 201);

      // The lead, not coding and allowed to watch, sees A's layer live and the agreement building up.
      const leadCollab = await collabOf(lead);
      const aLayerName = leadCollab.find((d) => d.kind === "layer" && d.coderId === coderA.userId)!.name;
      watcher.push(await connectSynced(server.url, aLayerName, lead.token));
      await within(
        new Promise<void>((resolve) => {
          const check = () => readCodings(watcher[0]!.doc).length === 2 && resolve();
          watcher[0]!.doc.on("update", check);
          check();
        }),
        10_000,
        "the watching lead sees A's codings",
      );
      const watched = await json<Agreement>(await call(lead, "GET", `/documents/${documentId}/agreement?unit=word&threshold=0.5`), 200);
      expect(watched.coders.sort()).toEqual([coderA.userId, coderB.userId].sort());
      expect(watched.disagreements.length).toBeGreaterThan(0);

      // B's own new coding reaches B's layer socket: every frame sent before it on this socket has arrived.
      const bSecond = await code(coderB, "all the time", sharedCode);
      await within(
        new Promise<void>((resolve) => {
          const check = () => readCodings(bLayer.doc).some((c) => c.id === bSecond.id) && resolve();
          bLayer.doc.on("update", check);
          check();
        }),
        10_000,
        "B's own coding arrives",
      );

      // What B asks over REST holds none of A's work either; agreement is refused to B.
      expect((await json<{ codings: Coding[] }>(await asB("GET", `/documents/${documentId}/codings`), 200)).codings.map((c) => c.id).sort()).toEqual([bFirst.id, bSecond.id].sort());
      const bCodes = (await json<{ codes: { id: string }[] }>(await asB("GET", `/projects/${projectId}/codes`), 200)).codes;
      expect(bCodes.map((c) => c.id)).toEqual([sharedCode]);
      expect((await json<{ threads: unknown[] }>(await asB("GET", `/projects/${projectId}/threads`), 200)).threads).toEqual([]);
      const refusedAgreement = await json<{ error: { message: string } }>(await asB("GET", `/documents/${documentId}/agreement`), 403);
      expect(refusedAgreement.error.message).toMatch(/once this transcript's blind coding is revealed/);
      await json(await asB("GET", `/projects/${projectId}/codes/${heldCode.id}/segments`), 404);
      await json(await asB("DELETE", `/codings/${aHeld.id}`), 404);
      // B cannot split A's coding off, use A's code, nor talk about A's coding.
      await json(await call(coderB, "POST", `/projects/${projectId}/codes/${sharedCode}/split`, { name: "Taken from A", codingIds: [aShared.id] }), 400);
      await json(await asB("POST", `/documents/${documentId}/codings`, { codeId: heldCode.id, start: 3, end: 7 }), 400);
      await json(await asB("POST", `/projects/${projectId}/threads`, { anchor: { codingId: aHeld.id }, body: "What is this?" }), 400);
      // A member who is neither coder nor lead sees no layer at all while it is blind.
      expect((await collabOf(viewer)).map((d) => d.kind)).toEqual(["text", "round"]);

      // A's layer, by its real name, is refused to B as if it did not exist.
      expect(await within(connect(server.url, aLayerName, coderB.token).refused, 10_000, "A's layer as B")).toMatch(/does not exist/);

      const everything = Buffer.concat([...frames, ...bBodies.map((body) => Buffer.from(body))]);
      expect(frames.length).toBeGreaterThan(bDocs.length);
      for (const secret of [SECRET.code, SECRET.note, SECRET.thread, aHeld.id, aShared.id, heldCode.id, "Secretly-A"]) {
        expect(everything.includes(Buffer.from(secret)), `B received "${secret}"`).toBe(false);
      }
      // ...while B's own work did arrive on the same socket, so the search would have found A's.
      expect(everything.includes(Buffer.from(bSecond.id))).toBe(true);
    } finally {
      for (const client of [...bClients, ...watcher]) client.destroy();
      socket.destroy();
    }
  });

  test("a forged layer name and a garbled layer update are refused, and the server keeps serving", async () => {
    const aLayer = (await collabOf(coderA)).find((d) => d.kind === "layer" && d.coderId === coderA.userId)!.name;
    const before = await codings(coderA);
    const forged = [`${documentId}/layer/${coderA.userId.toUpperCase()}`, `${documentId}/layer/${coderA.userId}/`, `${documentId}/layers/${coderA.userId}`];
    for (const name of forged) expect(await within(connect(server.url, name, coderB.token).refused, 10_000, name)).toMatch(/does not exist/);
    const socket = await openRawSocket(server.url);
    try {
      socket.ws.send(authFrame(aLayer, coderA.token));
      await socket.next((frame) => frame.kind === "authenticated");
      socket.ws.send(updateFrame(aLayer, new Uint8Array([1, 2, 3, 250, 251, 252])));
      const garbage = new Y.Doc();
      garbage.getMap("codings").set("planted", { codeId: sharedCode });
      socket.ws.send(updateFrame(aLayer, Y.encodeStateAsUpdate(garbage)));
    } finally {
      socket.ws.terminate();
    }
    expect(await codings(coderA)).toEqual(before);
    expect((await codings(coderB)).every((c) => c.coder.id === coderB.userId)).toBe(true);

    // The round's document is the server's to write: names it could not have built are refused, a member's update is dropped.
    const round = (await collabOf(coderB)).find((d) => d.kind === "round")!.name;
    for (const name of [`${round}/`, `${documentId}/Round`, `${documentId}/round/${coderA.userId}`]) {
      expect(await within(connect(server.url, name, coderB.token).refused, 10_000, name)).toMatch(/does not exist/);
    }
    const planter = await connectSynced(server.url, round, coderB.token);
    planter.doc.getMap("round").set("changedAt", "planted");
    await new Promise((resolve) => setTimeout(resolve, 300));
    planter.destroy();
    const reader = await connectSynced(server.url, round, coderA.token);
    expect(reader.doc.getMap("round").get("changedAt")).not.toBe("planted");
    reader.destroy();
  });

  test("reveal shows every layer, takes A's codes into the codebook, opens A's threads and the agreement to B", async () => {
    const revealed = await json<{ status: string; revealedBy: string; revealedAutomatically: boolean }>(await call(lead, "POST", `/documents/${documentId}/reveal`), 200);
    expect(revealed).toMatchObject({ status: "revealed", revealedBy: lead.userId, revealedAutomatically: false });
    await json(await call(lead, "POST", `/documents/${documentId}/reveal`), 409);
    const bCollab = await collabOf(coderB);
    const aLayer = bCollab.find((d) => d.kind === "layer" && d.coderId === coderA.userId);
    expect(aLayer).toBeDefined();
    const reader = await connectSynced(server.url, aLayer!.name, coderB.token);
    try {
      expect(readCodings(reader.doc).map((c) => c.note)).toContain(SECRET.note);
    } finally {
      reader.destroy();
    }
    const { codes, lineage } = await json<{ codes: { id: string; name: string; blindDocumentId?: string }[]; lineage: { op: string; into: string[] }[] }>(
      await call(coderB, "GET", `/projects/${projectId}/codes`),
      200,
    );
    const adopted = codes.find((c) => c.name === SECRET.code)!;
    expect(adopted.blindDocumentId).toBeUndefined();
    expect(lineage).toContainEqual(expect.objectContaining({ op: "create", into: [adopted.id] }));
    const threads = (await json<{ threads: { messages: { body: string }[] }[] }>(await call(coderB, "GET", `/projects/${projectId}/threads`), 200)).threads;
    expect(threads.map((t) => t.messages[0]!.body)).toEqual([SECRET.thread, `${SECRET.thread} on the code`]);
    const agreement = await json<Agreement>(await call(coderB, "GET", `/documents/${documentId}/agreement?unit=word&threshold=0.5`), 200);
    expect(agreement.overall.segments.pairs).toHaveLength(1);
    expect(agreement.overall).toHaveProperty("boundary_u_alpha");
    expect(agreement.at_reveal).not.toBeNull();
  });

  test("disagreements are settled — merged, kept, dropped — with who settled them, and the agreement at reveal and after settling are both kept", async () => {
    const before = await json<Agreement>(await call(lead, "GET", `/documents/${documentId}/agreement?unit=word&threshold=0.9`), 200);
    const all = await codings(lead);
    const onShared = (coder: TestUser) => all.filter((c) => c.codeId === sharedCode && c.coder.id === coder.userId);
    const aFraud = onShared(coderA).find((c) => c.text === "felt like a fraud")!;
    const bFraud = onShared(coderB).find((c) => c.text === "like a fraud, comparing myself")!;
    const pair = before.disagreements.find((d) => d.codings.length === 2 && d.codings.some((c) => c.id === aFraud.id))!;
    expect(pair.codings.map((c) => c.id).sort()).toEqual([aFraud.id, bFraud.id].sort());
    const singles = before.disagreements.filter((d) => d.codings.length === 1);
    expect(singles.length).toBeGreaterThanOrEqual(2);

    const settle = (who: TestUser, body: object) => call(who, "POST", `/documents/${documentId}/disagreements/settle`, { unit: "word", threshold: 0.9, ...body });
    await json(await settle(coderB, { codingIds: pair.codings.map((c) => c.id), action: "merge", keep: "someone-else" }), 400);
    // Only what the agreement lists is a disagreement: not a coding of one with a coding of another, not a made-up set.
    const [single] = singles.map((d) => d.codings[0]!.id).filter((id) => id !== bFraud.id && id !== aFraud.id);
    const mixed = await json<{ error: { message: string } }>(await settle(lead, { codingIds: [aFraud.id, single!], action: "drop" }), 409);
    expect(mixed.error.message).toMatch(/not one of this transcript's disagreements/);
    await json(await settle(lead, { codingIds: [aFraud.id], action: "drop" }), 409);
    await json(await settle(coderB, { codingIds: pair.codings.map((c) => c.id), action: "drop", keep: aFraud.id }), 400);
    await json(await settle(viewer, { codingIds: pair.codings.map((c) => c.id), action: "drop" }), 403);
    expect(await codings(lead)).toEqual(all);

    const merged = await json<{ action: string; kept: string; settledBy: { id: string; name: string } }>(
      await settle(coderB, { codingIds: pair.codings.map((c) => c.id), action: "merge", keep: aFraud.id, note: "Same idea" }),
      201,
    );
    expect(merged).toMatchObject({ action: "merge", kept: aFraud.id, settledBy: { id: coderB.userId, name: coderB.name } });
    await json(await settle(coderB, { codingIds: pair.codings.map((c) => c.id), action: "merge", keep: aFraud.id }), 409);
    const afterMerge = await codings(lead);
    expect(afterMerge.find((c) => c.id === aFraud.id)!.text).toBe("felt like a fraud, comparing myself");
    expect(afterMerge.some((c) => c.id === bFraud.id)).toBe(false);

    const [keep, drop] = singles.map((d) => d.codings[0]!.id).filter((id) => id !== bFraud.id && id !== aFraud.id);
    await json(await settle(lead, { codingIds: [keep], action: "keep_both" }), 201);
    await json(await settle(lead, { codingIds: [drop], action: "drop" }), 201);
    const after = await json<Agreement>(await call(lead, "GET", `/documents/${documentId}/agreement?unit=word&threshold=0.9`), 200);
    expect(after.disagreements.some((d) => d.key === pair.key || d.key === keep || d.key === drop)).toBe(false);
    expect(after.settled.map((s) => [s.action, s.settledBy.name])).toEqual([
      ["merge", coderB.name],
      ["keep_both", lead.name],
      ["drop", lead.name],
    ]);
    expect(after.at_reveal).not.toBeNull();
    expect(after.after_settling).not.toBeNull();
    expect(after.at_reveal).toEqual(before.at_reveal);
    expect(after.after_settling).not.toEqual(after.at_reveal);
  });

  test("the last coder to mark a transcript done reveals it; settling and agreement wait for reveal", async () => {
    const second = await createTranscript(server.url, lead.token, projectId, TEXT, "Interview 2");
    await json(await call(lead, "POST", `/documents/${second}/blind`, { coders: [lead.userId, coderB.userId] }), 201);
    const leadCoding = await code(lead, "felt like a fraud", sharedCode, "", second);
    // The lead is a coder here, so watching does not apply to them: agreement waits for reveal, settling too.
    await json(await call(lead, "GET", `/documents/${second}/agreement`), 403);
    await json(await call(lead, "POST", `/documents/${second}/disagreements/settle`, { codingIds: [leadCoding.id], action: "drop" }), 409);
    await json(await call(lead, "POST", `/projects/${projectId}/threads`, { anchor: { disagreement: { documentId: second, codingIds: [leadCoding.id, leadCoding.id] } }, body: "Early" }), 409);
    await json(await call(coderA, "POST", `/documents/${second}/done`), 403);
    // Coder B has the round's document open: each step of the round reaches them at once, no polling.
    const round = (await collabOf(coderB, second)).find((d) => d.kind === "round")!;
    const watcher = await connectSynced(server.url, round.name, coderB.token);
    const nextChange = () => new Promise<void>((resolve) => watcher.doc.once("update", () => resolve()));
    const leadDone = nextChange();
    const halfway = await json<{ status: string; coders: { id: string; done: boolean }[] }>(await call(lead, "POST", `/documents/${second}/done`), 200);
    expect(halfway.status).toBe("blind");
    expect(halfway.coders.find((c) => c.id === lead.userId)!.done).toBe(true);
    expect((await collabOf(coderB, second)).some((d) => d.kind === "layer" && d.coderId === lead.userId)).toBe(false);
    await within(leadDone, 5_000, "the round's document changing when the lead marks done");
    const revealing = nextChange();
    const revealed = await json<{ status: string; revealedAutomatically: boolean }>(await call(coderB, "POST", `/documents/${second}/done`), 200);
    expect(revealed).toMatchObject({ status: "revealed", revealedAutomatically: true });
    await within(revealing, 5_000, "the round's document changing at reveal");
    watcher.destroy();
    expect((await collabOf(coderB, second)).some((d) => d.kind === "layer" && d.coderId === lead.userId)).toBe(true);
    await json(await call(coderB, "POST", `/documents/${second}/done`), 409);
    await json(await call(coderB, "GET", `/documents/${second}/agreement`), 200);
  });

  test("turning watching off closes the lead's view of a blind round at once", async () => {
    const third = await createTranscript(server.url, lead.token, projectId, TEXT, "Interview 3");
    await json(await call(lead, "POST", `/documents/${third}/blind`, { coders: [coderA.userId, coderB.userId] }), 201);
    await code(coderA, "felt like a fraud", sharedCode, "", third);
    const aLayer = (await collabOf(lead, third)).find((d) => d.kind === "layer" && d.coderId === coderA.userId)!.name;
    const watching = await connectSynced(server.url, aLayer, lead.token);
    try {
      const closed = new Promise<string>((resolve) => watching.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event.reason)));
      await json(await call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: false }), 200);
      expect(await within(closed, 10_000, "the watching socket closes")).toBe(CLOSE.accessChanged.reason);
    } finally {
      watching.destroy();
    }
    expect(await within(connect(server.url, aLayer, lead.token).refused, 10_000, "A's layer as the lead")).toMatch(/does not exist/);
    expect((await collabOf(lead, third)).map((d) => d.kind)).toEqual(["text", "round"]);
    await json(await call(lead, "GET", `/documents/${third}/agreement`), 403);
  });
});
