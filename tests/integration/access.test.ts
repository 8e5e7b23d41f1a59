// Who may open a document over /collab: members only, the document must exist, and a
// viewer can read but never change it. A refused client must never see a word of it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { CLOSE } from "@concord/shared";
import { appendParagraph, connect, connectSynced, within, type CollabClient } from "../helpers/collab";
import {
  addMember,
  createProject,
  createTranscript,
  discard,
  projectWithTranscript,
  signUp,
  startServer,
  storedText,
  type ServerProcess,
  type TestUser,
} from "../helpers/server";
import { MESSAGE } from "./hocuspocusFrames";

const TRANSCRIPT = "I: What does a good day look like?\nP: Confidential answer about the clinic.";

let server: ServerProcess;
let lead: TestUser;
let projectId: string;
let documentId: string;
let outsider: TestUser;
let outsidersDocumentId: string;

beforeAll(async () => {
  server = await startServer();
  ({ lead, projectId, documentId } = await projectWithTranscript(server.url, TRANSCRIPT));
  outsider = await signUp(server.url, "Outsider");
  const outsidersProject = await createProject(server.url, outsider.token, "Someone else's study");
  outsidersDocumentId = await createTranscript(server.url, outsider.token, outsidersProject, "I: Unrelated.");
});

afterAll(async () => {
  if (server) await discard(server);
});

/** Connects, expects a refusal, and returns the reason and the client's document text. */
async function expectRefused(name: string, token: string): Promise<{ reason: string; client: CollabClient }> {
  const client = connect(server.url, name, token);
  const reason = await within(
    Promise.race([client.refused, client.synced.then(() => Promise.reject(new Error(`${name} was opened`)))]),
    10_000,
    `refusal of ${name}`,
  );
  return { reason, client };
}

/** Whether a Y.Doc received any content at all (any shared type, any struct). */
function isEmpty(client: CollabClient): boolean {
  return client.doc.store.clients.size === 0 && client.text() === "";
}

describe("refused connections", () => {
  test("a signed-in non-member is refused with a reason and receives no content", async () => {
    const { reason, client } = await expectRefused(documentId, outsider.token);
    try {
      expect(reason).toBe(CLOSE.noSuchDocument.reason);
      // The same socket then opens a document the outsider may open. Frames on a socket
      // arrive in order, so once this one has synced, anything the server had sent for the
      // refused document would already be here.
      const own = connect(server.url, outsidersDocumentId, outsider.token, {
        websocketProvider: client.provider.configuration.websocketProvider,
      });
      await own.synced;
      own.destroy();
      expect(isEmpty(client)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  test("a stranger with a bad token is refused", async () => {
    for (const token of ["cnc_not-a-real-token", "not even the token format", ""]) {
      const { reason, client } = await expectRefused(documentId, token);
      expect(reason).toBe(CLOSE.notSignedIn.reason);
      expect(isEmpty(client)).toBe(true);
      client.destroy();
    }
  });

  test.each([
    ["not a UUID", () => "not-a-uuid"],
    ["a path", () => "../../concord.sqlite"],
    ["an unknown UUID", () => randomUUID()],
    ["an id with something appended", () => `${documentId}x`],
    ["the uppercased id", () => documentId.toUpperCase()],
    ["a document of another project", () => outsidersDocumentId],
  ])("a forged document name (%s) is refused", async (_, name) => {
    const { reason, client } = await expectRefused(name(), lead.token);
    expect(reason).toBe(CLOSE.noSuchDocument.reason);
    expect(isEmpty(client)).toBe(true);
    client.destroy();
  });
});

/** Resolves when the server answers one of this client's updates with "not applied". */
function nextRefusedUpdate(client: CollabClient): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      client.provider.on("message", ({ message }: { message: { readVarString(): string; readVarUint(): number } }) => {
        message.readVarString();
        if (message.readVarUint() === MESSAGE.syncStatus && message.readVarUint() === 0) resolve();
      });
    }),
    10_000,
    "the server's answer to the viewer's edit",
  );
}

test("a viewer receives the document but cannot change it, also after a restart", async () => {
  const viewer = await signUp(server.url, "Viewer");
  await addMember(server.url, lead.token, projectId, viewer.email, "viewer");
  const editor = await connectSynced(server.url, documentId, lead.token);
  const reader = connect(server.url, documentId, viewer.token);
  try {
    expect(await reader.authenticated).toEqual({ readOnly: true });
    await reader.synced;
    expect(reader.text()).toBe(TRANSCRIPT);

    const refused = nextRefusedUpdate(reader);
    appendParagraph(reader.doc, "Viewer tried to write this.");
    await refused;
    // The editor keeps working and the viewer keeps receiving.
    appendParagraph(editor.doc, "Lead wrote this.");
    await editor.waitAcknowledged();
    await reader.waitForText((text) => text.includes("Lead wrote this."));

    expect(editor.text()).not.toContain("Viewer tried");
    expect(await storedText(server.url, lead.token, documentId)).toBe(`${TRANSCRIPT}\nLead wrote this.`);
  } finally {
    editor.destroy();
    reader.destroy();
  }

  await server.stop();
  server = await startServer({ dataDir: server.dataDir });
  expect(await storedText(server.url, lead.token, documentId)).toBe(`${TRANSCRIPT}\nLead wrote this.`);
  const again = await connectSynced(server.url, documentId, viewer.token);
  expect(again.text()).not.toContain("Viewer tried");
  again.destroy();
});


test("a member the lead removes is disconnected at once and refused when they try again", async () => {
  const rater = await signUp(server.url, "Rater");
  await addMember(server.url, lead.token, projectId, rater.email, "rater");
  const client = await connectSynced(server.url, documentId, rater.token);
  try {
    const closed = new Promise<string>((resolve) =>
      client.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    const response = await fetch(`${server.url}/api/projects/${projectId}/members/${rater.userId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${lead.token}` },
    });
    expect(response.status).toBe(204);
    expect(await within(closed, 10_000, "the removed member's connection to close")).toBe(CLOSE.accessChanged.reason);
  } finally {
    client.destroy();
  }
  const { reason } = await expectRefused(documentId, rater.token);
  expect(reason).toBe(CLOSE.noSuchDocument.reason);
});

test("a member whose role becomes viewer is re-authorised read-only on the same socket", async () => {
  const rater = await signUp(server.url, "Second rater");
  await addMember(server.url, lead.token, projectId, rater.email, "rater");
  const client = await connectSynced(server.url, documentId, rater.token);
  try {
    const reauthorised = new Promise<string>((resolve) => {
      client.provider.on("close", ({ event }: { event: { reason?: string } }) => {
        if (event.reason === CLOSE.accessChanged.reason) void client.provider.sendToken().then(() => client.provider.startSync());
      });
      client.provider.on("authenticated", ({ scope }: { scope: string }) => resolve(scope));
    });
    const response = await fetch(`${server.url}/api/projects/${projectId}/members/${rater.userId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${lead.token}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(response.status).toBe(200);
    expect(await within(reauthorised, 10_000, "re-authorisation")).toBe("readonly");
  } finally {
    client.destroy();
  }
});
