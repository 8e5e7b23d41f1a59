// A member of the project who turns hostile (or whose browser is taken over) can send any
// frame a raw socket can. What they send is refused for them alone: nothing they could not
// have made in the editor is stored or relayed, nobody's presence can be forged, and everyone
// else keeps working.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { CLOSE, TRANSCRIPT_FIELD, transcriptSize } from "@concord/shared";
import { appendParagraph, connectSynced, nestElements, paragraphText, updateMadeTo, within, type CollabClient } from "../helpers/collab";
import {
  addMember,
  api,
  createTranscript,
  discard,
  projectWithTranscript,
  signUp,
  startServer,
  storedText,
  type ServerProcess,
  type TestUser,
} from "../helpers/server";
import { authFrame, awarenessFrame, openRawSocket, updateFrame, type RawSocket } from "./hocuspocusFrames";

const TRANSCRIPT = "I: What helped?\nP: Having someone to call.";

let server: ServerProcess;
let lead: TestUser;
let projectId: string;
let documentId: string;

beforeAll(async () => {
  server = await startServer();
  ({ lead, projectId, documentId } = await projectWithTranscript(server.url, TRANSCRIPT));
});

afterAll(async () => {
  if (server) await discard(server);
});

/** A raw socket authenticated for the test document as `user`. */
async function rawAs(user: TestUser): Promise<RawSocket> {
  const socket = await openRawSocket(server.url);
  socket.ws.send(authFrame(documentId, user.token));
  await socket.next((frame) => frame.kind === "authenticated");
  return socket;
}

/** The lead appends a line; it is acknowledged, stored, and reaches `observer`. */
async function stillServing(editor: CollabClient, observer: CollabClient, line: string): Promise<void> {
  appendParagraph(editor.doc, line);
  await editor.waitAcknowledged();
  await observer.waitForText((text) => text.includes(line));
  expect(await storedText(server.url, lead.token, documentId)).toContain(line);
}

/** Sends `update` from an editor's raw socket; resolves with the reason the server closes it with. */
async function sendAsEditor(update: Uint8Array): Promise<string> {
  const socket = await rawAs(lead);
  try {
    socket.ws.send(updateFrame(documentId, update));
    const frame = await socket.next((f) => f.kind === "close", 20_000);
    return frame.kind === "close" ? frame.reason : "";
  } finally {
    socket.ws.terminate();
  }
}

describe("document updates the editor could never make", () => {
  test("finding 6: 4,000 nested elements are refused, the text stays readable, nobody receives them", async () => {
    const editor = await connectSynced(server.url, documentId, lead.token);
    const observer = await connectSynced(server.url, documentId, lead.token);
    try {
      const before = await storedText(server.url, lead.token, documentId);
      const deep = updateMadeTo(editor.doc, (fragment) => nestElements(fragment, 4_000, ["blockquote", "div"]));
      expect(await sendAsEditor(deep)).toBe(CLOSE.notEditorContent.reason);

      expect(await storedText(server.url, lead.token, documentId)).toBe(before);
      await stillServing(editor, observer, "Typed after the deep update.");
      expect(transcriptSize(observer.doc)).toBeLessThan(1_000);
    } finally {
      editor.destroy();
      observer.destroy();
    }
  });

  test("finding 13: a 7,000,000-character paragraph is refused over the socket as over REST", async () => {
    const editor = await connectSynced(server.url, documentId, lead.token);
    const observer = await connectSynced(server.url, documentId, lead.token);
    try {
      const before = await storedText(server.url, lead.token, documentId);
      const huge = updateMadeTo(editor.doc, (fragment) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("x".repeat(7_000_000))]);
        fragment.insert(fragment.length, [paragraph]);
      });
      expect(await sendAsEditor(huge)).toBe(CLOSE.tooLong.reason);

      expect(await storedText(server.url, lead.token, documentId)).toBe(before);
      await stillServing(editor, observer, "Typed after the huge paragraph.");
      expect(observer.text().length).toBeLessThan(10_000);
      // Ordinary typing into an existing paragraph is still accepted.
      paragraphText(editor.doc, 0).insert(0, "Ok. ");
      await editor.waitAcknowledged();
    } finally {
      editor.destroy();
      observer.destroy();
    }
  });
});


type Presence = { user?: { id?: string; name?: string; color?: string }; junk?: string };

/** Resolves once `client` sees an awareness entry for `clientId` (checked on every change). */
function seesClient(client: CollabClient, clientId: number): Promise<Presence> {
  const awareness = client.provider.awareness!;
  return within(
    new Promise<Presence>((resolve) => {
      const check = () => {
        const state = awareness.getStates().get(clientId) as Presence | undefined;
        if (state) resolve(state);
      };
      awareness.on("change", check);
      check();
    }),
    10_000,
    `presence of client ${clientId}`,
  );
}

describe("presence", () => {
  test("finding 7: a viewer cannot forge or overwrite anyone's presence, nor relay a huge entry", async () => {
    const viewer = await signUp(server.url, "Viewer");
    await addMember(server.url, lead.token, projectId, viewer.email, "viewer");
    const leadClient = await connectSynced(server.url, documentId, lead.token);
    const observer = await connectSynced(server.url, documentId, lead.token);
    const leadId = leadClient.doc.clientID;
    leadClient.provider.awareness!.setLocalStateField("user", { id: lead.userId, name: lead.name, color: "#1d4ed8" });
    await seesClient(observer, leadId);
    const socket = await rawAs(viewer);
    try {
      // The lead's own entry, overwritten with a later clock; then a new entry claiming to be the lead.
      const forged = { user: { id: lead.userId, name: "Forged lead", color: "#1d4ed8" } };
      socket.ws.send(awarenessFrame(documentId, [{ clientId: leadId, clock: 1_000, state: forged }]));
      socket.ws.send(awarenessFrame(documentId, [{ clientId: 424242, clock: 1, state: { user: { id: lead.userId, name: lead.name, color: "red" } } }]));

      const impostor = await seesClient(observer, 424242);
      expect(impostor.user).toEqual({ id: viewer.userId, name: viewer.name, color: "#475467" });
      expect((observer.provider.awareness!.getStates().get(leadId) as Presence).user?.name).toBe(lead.name);
      expect((leadClient.provider.awareness!.getLocalState() as Presence).user?.name).toBe(lead.name);

      // 7 MB in one entry closes the viewer's connection; nobody receives it.
      socket.ws.send(awarenessFrame(documentId, [{ clientId: 424242, clock: 2, state: { junk: "x".repeat(7_000_000) } }]));
      expect(await socket.next((frame) => frame.kind === "close", 20_000)).toEqual({ kind: "close", reason: CLOSE.presenceTooLarge.reason });
      leadClient.provider.awareness!.setLocalStateField("cursor", null);
      await stillServing(leadClient, observer, "Typed after the huge presence.");
      for (const state of observer.provider.awareness!.getStates().values()) expect((state as Presence).junk).toBeUndefined();
    } finally {
      socket.ws.terminate();
      leadClient.destroy();
      observer.destroy();
    }
  });
});

/** A paragraph inserted at the start of any transcript, as an update that needs nothing else. */
function standaloneParagraph(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(TRANSCRIPT_FIELD).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

describe("membership", () => {
  test("finding 5: a member removed while their connection authenticates can never write", { timeout: 240_000 }, async () => {
    const TRIALS = 12;
    const leaks: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const member = await signUp(server.url, `Member ${trial}`);
      await addMember(server.url, lead.token, projectId, member.email, "rater");
      const cold = await createTranscript(server.url, lead.token, projectId, "P: Never opened before.");
      // The lead writes a lot to another document just before, so loading the cold one waits
      // for the disk: the window in which a removal used to miss the connection being set up.
      const busy = await connectSynced(server.url, await createTranscript(server.url, lead.token, projectId, "P: Busy."), lead.token);
      const socket = await openRawSocket(server.url);
      try {
        for (let i = 0; i < 4; i++) appendParagraph(busy.doc, `${i} ${"words ".repeat(40_000)}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        socket.ws.send(authFrame(cold, member.token));
        await socket.next((frame) => frame.kind === "authenticated");
        const removed = await api(server.url, lead.token, "DELETE", `/projects/${projectId}/members/${member.userId}`);
        expect(removed.status).toBe(204);
        socket.ws.send(updateFrame(cold, standaloneParagraph(`Written after removal ${trial}`)));
        // Either answer settles it: the update acknowledged (a leak), or the connection closed.
        const answer = await socket.next((frame) => frame.kind === "close" || frame.kind === "syncStatus", 20_000);
        if (answer.kind === "close") expect(answer.reason).toBe(CLOSE.accessChanged.reason);
        await busy.waitAcknowledged(30_000);
      } finally {
        socket.ws.terminate();
        busy.destroy();
      }
      if ((await storedText(server.url, lead.token, cold)).includes("Written after removal")) leaks.push(trial);
    }
    expect(leaks).toEqual([]);
  });
});
