import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

function upload(projectId: string, cookie: Record<string, string>, name: string, bytes: Uint8Array, title?: string) {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  if (title) form.set("title", title);
  return t.app.request(`/api/projects/${projectId}/documents`, { method: "POST", body: form, headers: cookie });
}

describe("transcripts", () => {
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
});
