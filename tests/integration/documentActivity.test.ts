// The project overview's facts follow live edits: when another member edits a transcript
// through the real collaboration server, the list names them as the last to change it and
// counts the words of the edited text once the edit is stored.
import { afterAll, beforeAll, expect, test } from "vitest";
import { appendParagraph, connectSynced } from "../helpers/collab";
import { addMember, api, discard, projectWithTranscript, signUp, startServer, type ServerProcess } from "../helpers/server";

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  if (server) await discard(server);
});

type Listed = { id: string; words: number; participant: string | null; lastChangedBy: { id: string; name: string } };

async function listed(token: string, projectId: string, documentId: string): Promise<Listed> {
  const body = (await (await api(server.url, token, "GET", `/projects/${projectId}/documents`)).json()) as { documents: Listed[] };
  return body.documents.find((d) => d.id === documentId)!;
}

/** Asks the list again until `done` holds: the row is written by the debounced store (2 s). */
async function listedOnce(token: string, projectId: string, documentId: string, done: (d: Listed) => boolean): Promise<Listed> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const document = await listed(token, projectId, documentId);
    if (done(document) || Date.now() > deadline) return document;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("a live edit by another member changes who changed the transcript last and its word count", async () => {
  const { lead, projectId, documentId } = await projectWithTranscript(server.url, "Interviewer: Tell me about your work.\nAlex: I coordinate the clinic.");
  const consultant = await signUp(server.url, "Jo Mensah");
  await addMember(server.url, lead.token, projectId, consultant.email, "consultant");
  expect(await listed(lead.token, projectId, documentId)).toMatchObject({
    words: 9,
    participant: "Alex",
    lastChangedBy: { id: lead.userId, name: "Lead" },
  });

  const client = await connectSynced(server.url, documentId, consultant.token);
  try {
    appendParagraph(client.doc, "A short note.");
    await client.waitAcknowledged();
    const after = await listedOnce(lead.token, projectId, documentId, (d) => d.lastChangedBy.id === consultant.userId);
    expect(after).toMatchObject({ words: 12, participant: "Alex", lastChangedBy: { id: consultant.userId, name: "Jo Mensah" } });
  } finally {
    client.destroy();
  }
});
