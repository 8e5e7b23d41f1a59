// Bad input is refused cleanly: it never corrupts what is stored, and it never stops the
// server from serving everyone else.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLOSE, MAX_MESSAGE_BYTES } from "@concord/shared";
import { appendParagraph, connectSynced, type CollabClient } from "../helpers/collab";
import { api, discard, projectWithTranscript, startServer, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { authFrame, openRawSocket, updateFrame, type RawSocket } from "./hocuspocusFrames";

let server: ServerProcess;
let lead: TestUser;
let projectId: string;
let documentId: string;

beforeAll(async () => {
  server = await startServer();
  ({ lead, projectId, documentId } = await projectWithTranscript(server.url));
});

afterAll(async () => {
  if (server) await discard(server);
});

/** A raw socket authenticated for the test document. */
async function authenticatedSocket(): Promise<RawSocket> {
  const socket = await openRawSocket(server.url);
  socket.ws.send(authFrame(documentId, lead.token));
  await socket.next((frame) => frame.kind === "authenticated");
  return socket;
}

/** An editor appends a line and it is acknowledged and stored: the server is still serving. */
async function stillServing(editor: CollabClient, line: string): Promise<void> {
  appendParagraph(editor.doc, line);
  await editor.waitAcknowledged();
  expect(await storedText(server.url, lead.token, documentId)).toContain(line);
}

describe("WebSocket", () => {
  test("a garbled Yjs update closes that document connection with a reason and changes nothing; others keep working", async () => {
    const editor = await connectSynced(server.url, documentId, lead.token);
    const before = await storedText(server.url, lead.token, documentId);
    const socket = await authenticatedSocket();
    try {
      // Claims 0x0fffffff structs from client 1 and then ends: Yjs cannot read it.
      socket.ws.send(updateFrame(documentId, new Uint8Array([0xff, 0xff, 0xff, 0x7f, 1, 2, 3])));
      const closed = await socket.next((frame) => frame.kind === "close");
      expect(closed).toEqual({ kind: "close", reason: CLOSE.invalidUpdate.reason });

      expect(await storedText(server.url, lead.token, documentId)).toBe(before);
      await stillServing(editor, "Typed after the garbled update.");
      expect(editor.text()).toBe(`${before}\nTyped after the garbled update.`);
    } finally {
      socket.ws.terminate();
      editor.destroy();
    }
  });

  test("a message over 8 MB closes the socket with 1009 and the server keeps serving", async () => {
    const editor = await connectSynced(server.url, documentId, lead.token);
    const socket = await authenticatedSocket();
    try {
      socket.ws.send(updateFrame(documentId, new Uint8Array(MAX_MESSAGE_BYTES + 1)));
      expect((await socket.closed).code).toBe(1009);
      await stillServing(editor, "Typed after the oversized message.");
      const late = await connectSynced(server.url, documentId, lead.token);
      expect(late.text()).toContain("Typed after the oversized message.");
      late.destroy();
    } finally {
      editor.destroy();
    }
  });

  test("a frame that is not a Hocuspocus message closes the socket and nothing else", async () => {
    const editor = await connectSynced(server.url, documentId, lead.token);
    try {
      const socket = await openRawSocket(server.url);
      // A document name whose length runs past the end of the frame.
      socket.ws.send(new Uint8Array([0xff, 0xff, 0x03, 0x41]));
      expect((await socket.closed).code).toBe(4401); // Hocuspocus closes unparsable frames as Unauthorized
      await stillServing(editor, "Typed after the unreadable frame.");
    } finally {
      editor.destroy();
    }
  });

  test("a text frame is refused", async () => {
    const socket = await openRawSocket(server.url);
    socket.ws.send(JSON.stringify({ documentName: documentId, update: "hello" }));
    const closed = await socket.closed;
    expect(closed.code).toBe(1003);
    expect(closed.reason).toMatch(/binary/);
  });
});

describe("REST", () => {
  async function documentCount(): Promise<number> {
    const response = await api(server.url, lead.token, "GET", `/projects/${projectId}/documents`);
    return ((await response.json()) as { documents: unknown[] }).documents.length;
  }

  test("a 50 MB JSON paste gets 413 and creates nothing", async () => {
    const before = await documentCount();
    const text = "P: ".padEnd(50 * 1024 * 1024, "words ");
    const response = await api(server.url, lead.token, "POST", `/projects/${projectId}/documents`, { title: "Huge", kind: "transcript", text });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("too_large");
    expect(await documentCount()).toBe(before);
  });

  test("a binary file uploaded as .txt gets 415 and creates nothing", async () => {
    const before = await documentCount();
    const form = new FormData();
    // A PNG header: NUL bytes, not text, whatever its name says.
    form.append("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])]), "interview.txt");
    const response = await fetch(`${server.url}/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${lead.token}` },
      body: form,
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unsupported_media_type");
    expect(body.error.message).toMatch(/not plain text/);
    expect(await documentCount()).toBe(before);
  });

  test("a malformed JSON body gets 400 with a clear error", async () => {
    const response = await fetch(`${server.url}/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${lead.token}`, "content-type": "application/json" },
      body: '{"title": "Interview 2", "kind": "transcript", "text": "I: unterminated',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/JSON/);
  });
});
