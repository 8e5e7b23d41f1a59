// Uploaded files are unpacked and parsed in a worker thread under limits: a zip bomb, a
// markup bomb or a file that needs too much memory costs its sender a clear error, stores
// nothing, and never stalls the server for anyone else.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { docxOfLines, docxWithBody, zipBombDocx } from "../helpers/docx";
import { whileCheckingHealth } from "../helpers/health";
import { api, discard, projectWithTranscript, startServer, type ServerProcess, type TestUser } from "../helpers/server";

let server: ServerProcess;
let lead: TestUser;
let projectId: string;

beforeAll(async () => {
  // A small worker heap so that a file within the zip limits can still run out of memory.
  server = await startServer({ env: { CONCORD_WORKER_HEAP_MB: "96" } });
  ({ lead, projectId } = await projectWithTranscript(server.url));
});

afterAll(async () => {
  if (server) await discard(server);
});

function upload(bytes: Uint8Array, name = "interview.docx"): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name));
  return fetch(`${server.url}/api/projects/${projectId}/documents`, {
    method: "POST",
    headers: { authorization: `Bearer ${lead.token}` },
    body: form,
  });
}

async function documentCount(): Promise<number> {
  const { documents } = (await (await api(server.url, lead.token, "GET", `/projects/${projectId}/documents`)).json()) as { documents: unknown[] };
  return documents.length;
}

describe("uploaded .docx files", () => {
  test("a 9 KB file of a million empty paragraphs is refused as too large, and health answers meanwhile", async () => {
    const before = await documentCount();
    const bomb = docxWithBody("<w:p/>".repeat(1_000_000));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const result = await whileCheckingHealth(server.url, () => upload(bomb));
    expect(result.status).toBe(413);
    expect(result.body.error?.message).toMatch(/more than 500,000 pieces of markup/);
    expect(result.healthStatus).toBe(200);
    expect(result.order).toEqual(["health", "request"]);
    expect(await documentCount()).toBe(before);
  });

  test("a small file that inflates to 100 MB is refused before anything parses it", async () => {
    const bomb = zipBombDocx(100);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const response = await upload(bomb);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than 64 MB/);
  });

  test("a file within the limits that needs more memory than a worker may use is stopped; the next upload works", async () => {
    const before = await documentCount();
    const heavy = docxWithBody("<w:p/>".repeat(450_000));
    const result = await whileCheckingHealth(server.url, () => upload(heavy));
    expect(result.status).toBe(422);
    expect(result.body.error).toMatchObject({ code: "too_demanding" });
    expect(result.body.error?.message).toMatch(/needed more memory than the 96 MB/);
    expect(result.order).toEqual(["health", "request"]);
    expect(await documentCount()).toBe(before);

    const fine = await upload(docxOfLines(["Interviewer: How did the first week go?", "Alex: Slowly, then all at once."]), "week-one.docx");
    expect(fine.status).toBe(201);
    expect(await documentCount()).toBe(before + 1);
  });

  test("entities are never expanded or resolved: a billion-laughs and external-entity file is refused plainly", async () => {
    const laughs = Array.from({ length: 8 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const doctype = `<!DOCTYPE w:document [<!ENTITY l0 "lol">${laughs}<!ENTITY secret SYSTEM "file:///etc/passwd">]>`;
    const response = await upload(docxWithBody("<w:p><w:r><w:t>&l8; &secret;</w:t></w:r></w:p>", doctype));
    const text = await response.text();
    expect(response.status).toBe(415);
    expect(text).toMatch(/could not be read/);
    expect(text).not.toMatch(/root:|lollol/);
  });
});
