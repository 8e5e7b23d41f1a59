import { gunzipSync } from "node:zlib";
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_TRANSCRIPT_CHARS } from "@concord/shared";
import { createTestApp, type TestApp } from "../testing";

let t: TestApp;
beforeEach(async () => (t = await createTestApp()));
afterEach(async () => t.close());

const TEXT = "Interview 3, remote\nI: How did it start?\nP: Slowly.\nIt took months.\nInterviewer: And then?\nDr Lee: Then it changed.";

async function setup() {
  const lead = await t.signUp("Lead");
  const viewer = await t.signUp("Viewer");
  const project = (await (await t.call("POST", "/api/projects", { title: "Study" }, lead.cookie)).json()) as { id: string };
  await t.call("POST", `/api/projects/${project.id}/members`, { email: viewer.email, role: "viewer" }, lead.cookie);
  return { lead, viewer, project };
}

function upload(projectId: string, cookie: Record<string, string>, name: string, bytes: Uint8Array, title?: string, extra: Record<string, string> = {}, path = "") {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  if (title) form.set("title", title);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return t.app.request(`/api/projects/${projectId}/documents${path}`, { method: "POST", body: form, headers: cookie });
}

async function documentCount(): Promise<number> {
  const count = await t.store.db.selectFrom("documents").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(count.n);
}

// Several label styles in one transcript, an unlabelled line and a forgotten label.
const VARIANTS = [
  "Interview 6 (video call)",
  "I: Anything to ask before we start?",
  "Participant (Alex): No, that's it.",
  "[00:01:10] Interviewer: Then tell me about the first week.",
  "",
  "00:01:30 [P]: It was a blur.",
  "Mostly I remember the forms.",
].join("\n");

describe("transcripts", () => {
  it("sends a transcript's text compressed to a client that accepts it", async () => {
    const { lead, project } = await setup();
    const long = Array.from({ length: 200 }, (_, i) => `I: Question ${i} about the first weeks?\nP: An answer about the team, number ${i}.`).join("\n");
    const created = (await (await t.call("POST", `/api/projects/${project.id}/documents`, { title: "Long", kind: "transcript", text: long }, lead.cookie)).json()) as { id: string };
    const response = await t.call("GET", `/api/documents/${created.id}/text`, undefined, { ...lead.cookie, "accept-encoding": "gzip" });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const compressed = new Uint8Array(await response.arrayBuffer());
    expect(compressed.length).toBeLessThan(long.length / 3);
    expect(gunzipSync(compressed).toString("utf8")).toBe(long);
  });

  it("creates a transcript from pasted text with speaker turns, readable as plain text", async () => {
    const { lead, project } = await setup();
    const created = await t.call("POST", `/api/projects/${project.id}/documents`, { title: "Interview 3", kind: "transcript", text: TEXT }, lead.cookie);
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { id: string; kind: string };
    expect(doc.kind).toBe("transcript");
    const text = await (await t.call("GET", `/api/documents/${doc.id}/text`, undefined, lead.cookie)).text();
    expect(text).toBe("Interview 3, remote\nI: How did it start?\nP: Slowly.\nIt took months.\nInterviewer: And then?\nDr Lee: Then it changed.");
    const list = (await (await t.call("GET", `/api/projects/${project.id}/documents`, undefined, lead.cookie)).json()) as { documents: { id: string }[] };
    expect(list.documents.map((d) => d.id)).toEqual([doc.id]);
  });

  it("creates a transcript from an uploaded .txt file, titled after the file", async () => {
    const { lead, project } = await setup();
    const response = await upload(project.id, lead.cookie, "interview-04.txt", new TextEncoder().encode("\uFEFFI: Hello\r\nP: Hi"));
    expect(response.status).toBe(201);
    const doc = (await response.json()) as { id: string; title: string };
    expect(doc.title).toBe("interview-04");
    expect(await (await t.call("GET", `/api/documents/${doc.id}/text`, undefined, lead.cookie)).text()).toBe("I: Hello\nP: Hi");
  });

  it("creates a transcript from a Word (.docx) file, keeping its speaker turns", async () => {
    const { lead, project } = await setup();
    // A minimal Word document written for this test (four paragraphs).
    const bytes = fs.readFileSync(new URL("../commands/fixtures/interview-05.docx", import.meta.url));
    const response = await upload(project.id, lead.cookie, "interview-05.docx", new Uint8Array(bytes), "Interview 5");
    expect(response.status).toBe(201);
    const doc = (await response.json()) as { id: string; title: string };
    expect(doc.title).toBe("Interview 5");
    expect(await (await t.call("GET", `/api/documents/${doc.id}/text`, undefined, lead.cookie)).text()).toBe(
      "Interview 5 (telephone)\nI: What helped you feel ready?\nP: Having a mentor who had been there.\nIt made a difference.",
    );
  });

  it("previews pasted text: turns as stored, speakers, unlabelled lines and the character count, storing nothing", async () => {
    const { lead, project } = await setup();
    const response = await t.call("POST", `/api/projects/${project.id}/documents/preview`, { text: VARIANTS }, lead.cookie);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as {
      turns: { label: string | null; speaker: string | null; line: number; paragraphs: { text: string; unlabelled?: true }[] }[];
      speakers: unknown[];
      unlabelledLines: unknown[];
      timestamps: number;
      characters: number;
      limit: number;
    };
    expect(preview.turns.map((turn) => [turn.speaker, turn.line, ...turn.paragraphs.map((p) => p.text)])).toEqual([
      [null, 1, "Interview 6 (video call)"],
      ["I", 2, "Anything to ask before we start?"],
      ["Participant (Alex)", 3, "No, that's it."],
      ["Interviewer", 4, "Then tell me about the first week."],
      ["P", 6, "It was a blur.", "Mostly I remember the forms."],
    ]);
    expect(preview.speakers).toEqual([
      { label: "I", name: "I", turns: 1 },
      { label: "Participant (Alex)", name: "Participant (Alex)", turns: 1 },
      { label: "Interviewer", name: "Interviewer", turns: 1 },
      { label: "P", name: "P", turns: 1 },
    ]);
    expect(preview.unlabelledLines).toEqual([
      { line: 1, text: "Interview 6 (video call)", speaker: null },
      { line: 7, text: "Mostly I remember the forms.", speaker: "P" },
    ]);
    expect(preview.timestamps).toBe(2);
    expect(preview).toMatchObject({ characters: VARIANTS.length, limit: MAX_TRANSCRIPT_CHARS });
    expect(await documentCount()).toBe(0);
    const openapi = (await (await t.call("GET", "/api/openapi.json")).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(openapi.paths)).toContain("/projects/{projectId}/documents/preview");
    expect(Object.keys(openapi.components.schemas)).toEqual(expect.arrayContaining(["TranscriptPreview", "SpeakerNames"]));
  });

  it("previews an uploaded file and stores, under the names chosen, what the preview showed", async () => {
    const { lead, project } = await setup();
    const bytes = new TextEncoder().encode(VARIANTS);
    const speakers = JSON.stringify({ I: "Interviewer", "Participant (Alex)": "Alex", P: "Alex" });
    const preview = await upload(project.id, lead.cookie, "interview-06.txt", bytes, undefined, { speakers }, "/preview");
    expect(preview.status).toBe(200);
    const { speakers: found, turns } = (await preview.json()) as { speakers: { label: string; name: string }[]; turns: { speaker: string | null }[] };
    expect(found.map((s) => s.name)).toEqual(["Interviewer", "Alex", "Interviewer", "Alex"]);
    expect(turns.map((turn) => turn.speaker)).toEqual([null, "Interviewer", "Alex", "Interviewer", "Alex"]);
    expect(await documentCount()).toBe(0);

    const created = await upload(project.id, lead.cookie, "interview-06.txt", bytes, undefined, { speakers });
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { id: string; title: string };
    expect(doc.title).toBe("interview-06");
    expect(await (await t.call("GET", `/api/documents/${doc.id}/text`, undefined, lead.cookie)).text()).toBe(
      "Interview 6 (video call)\nInterviewer: Anything to ask before we start?\nAlex: No, that's it.\n" +
        "Interviewer: Then tell me about the first week.\nAlex: It was a blur.\nMostly I remember the forms.",
    );
  });

  it("renames speakers of pasted text on creation, and refuses a name for a speaker the text does not have", async () => {
    const { lead, project } = await setup();
    const url = `/api/projects/${project.id}/documents`;
    const body = { title: "Interview 3", kind: "transcript", text: TEXT };
    const created = await t.call("POST", url, { ...body, speakers: { I: "Interviewer", P: "Sam", "Dr Lee": " " } }, lead.cookie);
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { id: string };
    expect(await (await t.call("GET", `/api/documents/${doc.id}/text`, undefined, lead.cookie)).text()).toBe(
      "Interview 3, remote\nInterviewer: How did it start?\nSam: Slowly.\nIt took months.\nInterviewer: And then?\nDr Lee: Then it changed.",
    );
    for (const [speakers, message] of [
      [{ Q: "Quinn" }, /no speaker labelled “Q”/],
      [{ P: "x".repeat(101) }, /at most 100 characters/],
      [{ P: "Alex: 2" }, /cannot contain a colon/],
    ] as const) {
      const refused = await t.call("POST", url, { ...body, speakers }, lead.cookie);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(message);
      const refusedPreview = await t.call("POST", `${url}/preview`, { text: TEXT, speakers }, lead.cookie);
      expect(refusedPreview.status).toBe(400);
    }
    const badForm = await upload(project.id, lead.cookie, "a.txt", new TextEncoder().encode("P: hi"), "A", { speakers: "{not json" });
    expect(badForm.status).toBe(400);
    expect(await documentCount()).toBe(1);
  });

  it("lets only those who may create a transcript preview one, with the same size cap", async () => {
    const { lead, viewer, project } = await setup();
    const stranger = await t.signUp("Stranger");
    const url = `/api/projects/${project.id}/documents/preview`;
    expect((await t.call("POST", url, { text: TEXT }, viewer.cookie)).status).toBe(403);
    expect((await t.call("POST", url, { text: TEXT }, stranger.cookie)).status).toBe(404);
    expect((await t.call("POST", url, { text: TEXT })).status).toBe(401);
    const huge = await t.call("POST", url, { text: "P: ".padEnd(MAX_TRANSCRIPT_CHARS + 1, "a") }, lead.cookie);
    expect([400, 413]).toContain(huge.status);
    const hugeFile = await upload(project.id, lead.cookie, "huge.txt", new TextEncoder().encode("P: ".padEnd(MAX_TRANSCRIPT_CHARS + 1, "a")), undefined, {}, "/preview");
    expect(hugeFile.status).toBe(413);
  });

  it("refuses files that are not text or Word, creating nothing", async () => {
    const { lead, project } = await setup();
    const binary = await upload(project.id, lead.cookie, "notes.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    expect(binary.status).toBe(415);
    const pdf = await upload(project.id, lead.cookie, "paper.pdf", new TextEncoder().encode("%PDF-1.7"));
    expect(pdf.status).toBe(415);
    const fakeDocx = await upload(project.id, lead.cookie, "fake.docx", new TextEncoder().encode("just text"));
    expect(fakeDocx.status).toBe(415);
    const plain = await t.app.request(`/api/projects/${project.id}/documents`, { method: "POST", body: "I: hi", headers: { ...lead.cookie, "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    const count = await t.store.db.selectFrom("documents").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("refuses an oversized paste with 413 and stores nothing", async () => {
    const { lead, project } = await setup();
    const text = "P: ".padEnd(3_000_000, "a");
    const response = await t.call("POST", `/api/projects/${project.id}/documents`, { title: "Huge", kind: "transcript", text }, lead.cookie);
    expect([400, 413]).toContain(response.status);
    const count = await t.store.db.selectFrom("documents").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("lets a viewer read but not create, and hides documents from strangers", async () => {
    const { lead, viewer, project } = await setup();
    const stranger = await t.signUp("Stranger");
    const doc = (await (await t.call("POST", `/api/projects/${project.id}/documents`, { title: "T", kind: "transcript", text: TEXT }, lead.cookie)).json()) as { id: string };
    const asViewer = await t.call("GET", `/api/documents/${doc.id}`, undefined, viewer.cookie);
    expect(await asViewer.json()).toMatchObject({ id: doc.id, role: "viewer", readOnly: true });
    const create = await t.call("POST", `/api/projects/${project.id}/documents`, { title: "T2", kind: "transcript", text: "x" }, viewer.cookie);
    expect(create.status).toBe(403);
    expect((await t.call("GET", `/api/documents/${doc.id}/text`, undefined, stranger.cookie)).status).toBe(404);
    expect((await t.call("GET", `/api/documents/${doc.id}`, undefined, stranger.cookie)).status).toBe(404);
  });

  it("answers malformed JSON with a clear 400", async () => {
    const { lead, project } = await setup();
    const response = await t.app.request(`/api/projects/${project.id}/documents`, {
      method: "POST",
      body: "{not json",
      headers: { ...lead.cookie, "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });

  it("lists each transcript with its words, participant and who changed it last, by title then creation time", async () => {
    const { lead, viewer, project } = await setup();
    const create = (title: string, text: string) =>
      t.call("POST", `/api/projects/${project.id}/documents`, { title, kind: "transcript", text }, lead.cookie).then((r) => r.json());
    const later = (await create("Interview B", "Interviewer: Hello there.\nParticipant 2 (Alex): Hi, it's good to be here.")) as { id: string };
    const first = (await create("Interview A", "I: One?\nP: Two three.")) as { id: string };
    const again = (await create("Interview B", "Interviewer: Ready?\nMaya: Yes.")) as { id: string };
    const response = await t.call("GET", `/api/projects/${project.id}/documents`, undefined, viewer.cookie);
    expect(response.status).toBe(200);
    const { documents } = (await response.json()) as { documents: Record<string, unknown>[] };
    expect(documents.map((d) => d.id)).toEqual([first.id, later.id, again.id]);
    expect(documents[1]).toMatchObject({
      title: "Interview B",
      words: 8,
      participant: "Alex",
      lastChangedBy: { id: lead.id, name: "Lead" },
      updatedAt: expect.any(String),
    });
    expect(documents[0]).toMatchObject({ words: 3, participant: null });
    expect(documents[2]).toMatchObject({ words: 2, participant: "Maya" });
  });
});
