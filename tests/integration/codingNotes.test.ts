// The note on a coding (issue 8), on a real server with real providers: only the coder who
// made a coding changes its note, and everyone who may see the coder's layer sees the new
// note live; bad input (too long, not a note, someone else's coding, a coding one may not
// see, an unknown id) is refused and changes neither the note nor the layer document.
import { afterAll, beforeAll, expect, test } from "vitest";
import { readCodings } from "@concord/shared";
import { connectSynced, within, type CollabClient } from "../helpers/collab";
import { api, createTranscript, discard, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";

const TEXT = "I: Tell me about the first weeks in the role.\nP: I felt like a fraud, comparing myself to the others all the time.";

let server: ServerProcess;
let lead: TestUser;
let coderA: TestUser;
let coderB: TestUser;
let viewer: TestUser;
let projectId: string;
let codeId: string;

type Coding = { id: string; coder: { id: string }; note: string };
type Collab = { name: string; kind: string; coderId?: string };

const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);
const codings = async (who: TestUser, documentId: string) => (await json<{ codings: Coding[] }>(call(who, "GET", `/documents/${documentId}/codings`), 200)).codings;

async function code(who: TestUser, documentId: string, words: string, note?: string): Promise<Coding> {
  const start = TEXT.indexOf(words);
  return json<Coding>(call(who, "POST", `/documents/${documentId}/codings`, { codeId, start, end: start + words.length, ...(note === undefined ? {} : { note }) }), 201);
}

/** Opens `coderId`'s layer of the transcript as `who`, by the name the server lists. */
async function openLayer(who: TestUser, documentId: string, coderId: string): Promise<CollabClient> {
  const { collab } = await json<{ collab: Collab[] }>(call(who, "GET", `/documents/${documentId}`), 200);
  const layer = collab.find((d) => d.kind === "layer" && d.coderId === coderId);
  if (!layer) throw new Error("The layer is not listed to this member.");
  return connectSynced(server.url, layer.name, who.token);
}

function noteIn(client: CollabClient, codingId: string): string | undefined {
  return readCodings(client.doc).find((c) => c.id === codingId)?.note;
}

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
  codeId = (await json<{ id: string }>(call(lead, "POST", `/projects/${projectId}/codes`, { name: "Feeling like a fraud", level: "initial" }), 201)).id;
});

afterAll(async () => {
  if (server) await discard(server);
});

test("the coder changes their coding's note, and everyone who sees the layer sees it live", async () => {
  const documentId = await createTranscript(server.url, lead.token, projectId, TEXT);
  const coding = await code(coderA, documentId, "I felt like a fraud", "First take");
  const watchers = [await openLayer(viewer, documentId, coderA.userId), await openLayer(coderB, documentId, coderA.userId)];
  try {
    const changed = await json<Coding>(call(coderA, "PATCH", `/codings/${coding.id}`, { note: "Impostor feelings, in her own words" }), 200);
    expect(changed).toMatchObject({ id: coding.id, note: "Impostor feelings, in her own words", coder: { id: coderA.userId } });
    for (const watcher of watchers) {
      await within(
        new Promise<void>((resolve) => {
          const check = () => noteIn(watcher, coding.id) === "Impostor feelings, in her own words" && resolve();
          watcher.doc.on("update", check);
          check();
        }),
        10_000,
        "the new note reaches a member with the layer open",
      );
    }
    expect((await codings(viewer, documentId)).find((c) => c.id === coding.id)!.note).toBe("Impostor feelings, in her own words");
    // An empty note clears it.
    await json(call(coderA, "PATCH", `/codings/${coding.id}`, { note: "" }), 200);
    expect((await codings(lead, documentId)).find((c) => c.id === coding.id)!.note).toBe("");
  } finally {
    for (const watcher of watchers) watcher.destroy();
  }
});

test("bad input is refused and changes neither the note nor the layer document", async () => {
  const documentId = await createTranscript(server.url, lead.token, projectId, TEXT, "Interview 2");
  const coding = await code(coderA, documentId, "comparing myself", "Kept as it is");
  const watcher = await openLayer(viewer, documentId, coderA.userId);
  let updates = 0;
  watcher.doc.on("update", () => updates++);
  try {
    const refused: [string, TestUser, string, unknown, number, RegExp][] = [
      ["too long", coderA, coding.id, { note: "n".repeat(2001) }, 400, /at most 2000/],
      ["not a text", coderA, coding.id, { note: 42 }, 400, /./],
      ["no note", coderA, coding.id, {}, 400, /./],
      ["another field", coderA, coding.id, { note: "x", codeId }, 400, /./],
      ["someone else's coding", coderB, coding.id, { note: "Bea was here" }, 403, /Only the person who made a coding/],
      ["a viewer", viewer, coding.id, { note: "Vic was here" }, 403, /Only the person who made a coding/],
      ["the lead", lead, coding.id, { note: "The lead was here" }, 403, /Only the person who made a coding/],
      ["an unknown id", coderA, "00000000-0000-4000-8000-000000000000", { note: "x" }, 404, /no such coding/],
    ];
    for (const [what, who, id, body, status, words] of refused) {
      const answer = await call(who, "PATCH", `/codings/${id}`, body);
      const text = await answer.text();
      expect(answer.status, `${what}: ${text}`).toBe(status);
      expect(text, what).toMatch(words);
    }
    // A later change is the first to reach the watcher: none of the refused ones did.
    await json(call(coderA, "PATCH", `/codings/${coding.id}`, { note: "Changed at last" }), 200);
    await within(
      new Promise<void>((resolve) => {
        const check = () => noteIn(watcher, coding.id) === "Changed at last" && resolve();
        watcher.doc.on("update", check);
        check();
      }),
      10_000,
      "the accepted change",
    );
    expect(updates).toBe(1);
  } finally {
    watcher.destroy();
  }
});

test("a blind coding is as missing to the other coder as an unknown one, and keeps its note", async () => {
  const documentId = await createTranscript(server.url, lead.token, projectId, TEXT, "Interview 3");
  await json(call(lead, "POST", `/documents/${documentId}/blind`, { coders: [coderA.userId, coderB.userId] }), 201);
  const coding = await code(coderA, documentId, "the others all the time", "A's blind note");
  const answer = await call(coderB, "PATCH", `/codings/${coding.id}`, { note: "Bea was here" });
  expect(answer.status).toBe(404);
  expect(await answer.text()).not.toContain("A's blind note");
  expect((await codings(coderA, documentId)).find((c) => c.id === coding.id)!.note).toBe("A's blind note");
  // A changes their own blind coding's note as usual.
  await json(call(coderA, "PATCH", `/codings/${coding.id}`, { note: "Still blind" }), 200);
  expect((await codings(coderA, documentId)).find((c) => c.id === coding.id)!.note).toBe("Still blind");
});

test("the route is in the OpenAPI document, with its body", async () => {
  const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
  expect(Object.keys(openapi.paths["/codings/{codingId}"] ?? {})).toEqual(expect.arrayContaining(["delete", "patch"]));
  expect(openapi.components.schemas).toHaveProperty("CodingNote");
});
