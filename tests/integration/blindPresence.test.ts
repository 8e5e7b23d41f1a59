// A blind coder's presence on a transcript, on a real server with real providers: while the
// transcript is coded blind, where a coder's cursor is and what they select is what they are
// coding, so the server relays their presence (who is here) without it, to everyone; a member
// who is not coding still shows theirs. After reveal the cursor is relayed again.
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { connect, connectSynced, recordingSocket, synced, within, type CollabClient } from "../helpers/collab";
import { api, createTranscript, discard, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";
import { parseFrame } from "./hocuspocusFrames";

const TEXT = "I: Tell me about the first weeks in the role.\nP: I felt like a fraud, comparing myself to the others all the time.";

let server: ServerProcess;
let lead: TestUser;
let coderA: TestUser;
let coderB: TestUser;
let viewer: TestUser;
let projectId: string;

const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { coderA, coderB, viewer },
  } = await startTeam({
    lead: "Lead Researcher",
    members: { coderA: { name: "Ada Supervisor", role: "supervisor" }, coderB: { name: "Bea Consultant", role: "consultant" }, viewer: { name: "Vic Viewer", role: "viewer" } },
  }));
});

afterAll(async () => {
  if (server) await discard(server);
});

test("a blind coder's cursor on the transcript reaches no one, their presence does; after reveal the cursor is relayed again", async () => {
  const documentId = await createTranscript(server.url, lead.token, projectId, TEXT);
  await json(await call(lead, "POST", `/documents/${documentId}/blind`, { coders: [coderA.userId, coderB.userId] }), 201);
  // Each state is told apart by its colour, so "B has seen it" does not hang on message order.
  const cursorIn = (client: CollabClient) =>
    Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(client.doc.getXmlFragment("default"), 0)) as unknown;
  const point = (client: CollabClient, color: string) => client.provider.awareness!.setLocalState({ user: { color }, cursor: { anchor: cursorIn(client), head: cursorIn(client) } });
  type Presence = { user: { id: string; color: string }; cursor: unknown };
  /** Every presence state that reached B's socket, once one from `userId` in `color` has. */
  const seenByB = async (frames: Buffer[], userId: string, color: string): Promise<Presence[]> => {
    const states = () =>
      frames.flatMap((frame) => {
        const parsed = parseFrame(new Uint8Array(frame));
        return parsed.kind === "awareness" ? parsed.entries.map((entry) => entry.state as Presence | null) : [];
      }).filter((state): state is Presence => state !== null);
    await within(
      new Promise<void>((resolve) => {
        const timer = setInterval(() => states().some((p) => p.user.id === userId && p.user.color === color) && (clearInterval(timer), resolve()), 20);
      }),
      10_000,
      `B sees ${color}`,
    );
    return states();
  };
  const watch = async (frames: Buffer[]) => {
    const socket = recordingSocket(server.url, frames);
    return { socket, client: await synced(connect(server.url, documentId, coderB.token, { websocketProvider: socket }), "B's text") };
  };

  const blindFrames: Buffer[] = [];
  const b = await watch(blindFrames);
  const a = await connectSynced(server.url, documentId, coderA.token);
  const other = await connectSynced(server.url, documentId, viewer.token);
  try {
    point(a, "#a0a0a0");
    point(other, "#b0b0b0");
    await seenByB(blindFrames, viewer.userId, "#b0b0b0");
    const fromA = (await seenByB(blindFrames, coderA.userId, "#a0a0a0")).filter((p) => p.user.id === coderA.userId);
    expect(fromA.length).toBeGreaterThan(0);
    expect(fromA.map((p) => p.cursor)).toEqual(fromA.map(() => null));
    // A member who is not coding still shows where they are, so the frames above could carry a cursor.
    expect((await seenByB(blindFrames, viewer.userId, "#b0b0b0")).find((p) => p.user.color === "#b0b0b0")!.cursor).not.toBeNull();
  } finally {
    for (const client of [b.client, a, other]) client.destroy();
    b.socket.destroy();
  }

  await json(await call(lead, "POST", `/documents/${documentId}/reveal`), 200);
  const revealedFrames: Buffer[] = [];
  const b2 = await watch(revealedFrames);
  const a2 = await connectSynced(server.url, documentId, coderA.token);
  try {
    point(a2, "#c0c0c0");
    const shown = (await seenByB(revealedFrames, coderA.userId, "#c0c0c0")).find((p) => p.user.color === "#c0c0c0")!;
    expect(shown.cursor).not.toBeNull();
  } finally {
    for (const client of [b2.client, a2]) client.destroy();
    b2.socket.destroy();
  }
});
