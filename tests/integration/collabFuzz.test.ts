// Property: whatever a hostile member sends over the socket — garbled bytes, structures the
// editor never makes, forged or oversized presence — the server never stores or relays
// anything the transcript schema forbids, and keeps serving everyone else. Runs are few:
// each is a real socket against the real server on a small machine.
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { checkTranscriptUpdate } from "@concord/shared";
import { appendParagraph, connectSynced, nestElements, updateMadeTo, type CollabClient } from "../helpers/collab";
import { addMember, discard, projectWithTranscript, signUp, startServer, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { authFrame, awarenessFrame, openRawSocket, updateFrame, type AwarenessEntry } from "./hocuspocusFrames";

let server: ServerProcess;
let lead: TestUser;
let mallory: TestUser;
let documentId: string;
let editor: CollabClient;
let observer: CollabClient;

beforeAll(async () => {
  server = await startServer();
  let projectId: string;
  ({ lead, projectId, documentId } = await projectWithTranscript(server.url));
  mallory = await signUp(server.url, "Mallory");
  await addMember(server.url, lead.token, projectId, mallory.email, "rater");
  editor = await connectSynced(server.url, documentId, lead.token);
  observer = await connectSynced(server.url, documentId, lead.token);
  for (const client of [editor, observer]) client.provider.awareness!.setLocalStateField("user", { id: lead.userId, name: lead.name, color: "#1d4ed8" });
});

afterAll(async () => {
  editor?.destroy();
  observer?.destroy();
  if (server) await discard(server);
});

type Tree = { name: string; attrs: Record<string, string | number>; children: Tree[] } | { text: string; marks: Record<string, unknown> };

function build(tree: Tree): Y.XmlElement | Y.XmlText {
  if ("text" in tree) {
    const text = new Y.XmlText();
    text.insert(0, tree.text, tree.marks);
    return text;
  }
  const element = new Y.XmlElement(tree.name);
  for (const [key, value] of Object.entries(tree.attrs)) element.setAttribute(key, value as string);
  element.insert(0, tree.children.map(build));
  return element;
}

const trees = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small" },
    fc.record({
      text: fc.string({ minLength: 1, maxLength: 12 }),
      marks: fc.dictionary(fc.constantFrom("bold", "link", "color"), fc.constantFrom({}, { href: "javascript:alert(1)" }), { maxKeys: 2 }),
    }),
    fc.record({
      name: fc.constantFrom("paragraph", "speakerTurn", "blockquote", "listItem", "heading", "div", "script", "img"),
      attrs: fc.dictionary(fc.constantFrom("speaker", "level", "onclick"), fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 9 })), { maxKeys: 2 }),
      children: fc.array(tie("tree"), { maxLength: 3 }),
    }),
  ),
})).tree;

type Hostile = { kind: "update"; bytes: () => Uint8Array } | { kind: "awareness"; entries: () => AwarenessEntry[] };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.uint8Array({ maxLength: 48 }).map((bytes): Hostile => ({ kind: "update", bytes: () => bytes })),
  fc.tuple(trees, fc.nat()).map(([tree, at]): Hostile => ({
    kind: "update",
    bytes: () => updateMadeTo(observer.doc, (fragment) => fragment.insert(at % (fragment.length + 1), [build(tree)])),
  })),
  fc.integer({ min: 30, max: 300 }).map((depth): Hostile => ({
    kind: "update",
    bytes: () => updateMadeTo(observer.doc, (fragment) => nestElements(fragment, depth)),
  })),
  fc
    .array(
      fc.record({
        whose: fc.constantFrom("editor", "observer", "new"),
        clientId: fc.integer({ min: 1, max: 2 ** 31 }),
        clock: fc.integer({ min: 1, max: 10_000 }),
        state: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record({ user: fc.record({ id: fc.constant("forged"), name: fc.constantFrom("Priya", "Lead"), color: fc.string() }) }),
          fc.integer({ min: 1, max: 20_000 }).map((n) => ({ user: { name: "x".repeat(n) } })),
        ),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((specs): Hostile => ({
      kind: "awareness",
      entries: () =>
        specs.map(({ whose, clientId, clock, state }) => ({
          clientId: whose === "editor" ? editor.doc.clientID : whose === "observer" ? observer.doc.clientID : clientId,
          clock,
          state,
        })),
    })),
);

let marker = 0;

test("property: nothing the schema forbids is stored or relayed, and everyone else keeps being served", { timeout: 300_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 4 }), async (messages) => {
      const socket = await openRawSocket(server.url);
      try {
        socket.ws.send(authFrame(documentId, mallory.token));
        await socket.next((frame) => frame.kind === "authenticated");
        let updates = 0;
        for (const message of messages) {
          if (message.kind === "update") {
            socket.ws.send(updateFrame(documentId, message.bytes()));
            updates++;
          } else {
            socket.ws.send(awarenessFrame(documentId, message.entries()));
          }
        }
        // An empty update last: once it is answered (or the connection closed) all were handled.
        socket.ws.send(updateFrame(documentId, Y.encodeStateAsUpdate(new Y.Doc())));
        updates++;
        await socket.next(() => socket.frames.some((f) => f.kind === "close") || socket.frames.filter((f) => f.kind === "syncStatus").length >= updates);
      } finally {
        socket.ws.terminate();
      }

      // Everyone else is still served: an edit is acknowledged, stored and relayed.
      const line = `Marker ${++marker}`;
      appendParagraph(editor.doc, line);
      await editor.waitAcknowledged();
      await observer.waitForText((text) => text.includes(line));
      expect(await storedText(server.url, lead.token, documentId)).toContain(line);

      // What was relayed fits the schema, and no presence is forged.
      expect(checkTranscriptUpdate(new Y.Doc(), Y.encodeStateAsUpdate(observer.doc))).toBeNull();
      for (const [clientId, state] of observer.provider.awareness!.getStates()) {
        const user = (state as { user?: { id?: string; name?: string } }).user;
        if (clientId === editor.doc.clientID || clientId === observer.doc.clientID) expect(user?.name).toBe(lead.name);
        else expect(user).toEqual(expect.objectContaining({ id: mallory.userId, name: mallory.name }));
      }
    }),
    { numRuns: 30 },
  );
});
