// Records imported through the real server: files from different databases, duplicates
// counted across them, and the bad input of issue 9 (a binary file as RIS, a 100 MB upload, a
// record without a title, an empty file) refused or flagged in plain words, with nothing
// stored changed by a refusal and the server answering others while it reads.
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ovidRis, scopusRis, syntheticPapers } from "../../shared/bench/syntheticRecords";
import { whileCheckingHealth } from "../helpers/health";
import { api, createProject, discard, signUp, startServer, type ServerProcess, type TestUser } from "../helpers/server";

let server: ServerProcess;
let lead: TestUser;

beforeAll(async () => {
  server = await startServer();
  lead = await signUp(server.url, "Lead");
});

afterAll(async () => {
  if (server) await discard(server);
});

const fixture = (name: string) => new Uint8Array(fs.readFileSync(new URL(`../../shared/src/records/fixtures/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

function upload(projectId: string, name: string, body: Uint8Array | Blob, source?: string): Promise<Response> {
  const form = new FormData();
  form.set("file", body instanceof Blob ? body : new Blob([new Uint8Array(body)]), name);
  if (source !== undefined) form.set("source", source);
  return fetch(`${server.url}/api/projects/${projectId}/records/import`, { method: "POST", headers: { authorization: `Bearer ${lead.token}` }, body: form });
}

async function records(projectId: string) {
  const response = await api(server.url, lead.token, "GET", `/projects/${projectId}/records`);
  return ((await response.json()) as { records: { id: string; title: string | null; source: string; duplicateOf: string | null }[] }).records;
}

/**
 * Starts a multipart upload of `size` bytes and stops sending as soon as the server answers.
 * fetch cannot read an answer that arrives before its body is sent (the server answers from
 * the declared length, then closes the connection past 64 MB), so this uses node:http.
 */
function uploadWithoutWaiting(projectId: string, size: number): Promise<{ status: number; body: string }> {
  const boundary = "concord-test-boundary";
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="source"\r\n\r\nScopus\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="search.ris"\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      {
        hostname,
        port,
        method: "POST",
        path: `/api/projects/${projectId}/records/import`,
        headers: { authorization: `Bearer ${lead.token}`, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + size + tail.length },
      },
      (response) => {
        answered = true;
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    // Writing after the server has answered and closed fails; only an error before an answer counts.
    request.on("error", (error) => answered || reject(error));
    request.write(head);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const more = () => {
      while (!answered && sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", more);
      }
      if (!answered) request.end(tail);
    };
    more();
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("importing from several databases", () => {
  test("counts duplicates across files from different sources, per source", async () => {
    const projectId = await createProject(server.url, lead.token, "Review");
    const imported = [];
    for (const [name, source] of [
      ["scopus-style.ris", "Scopus"],
      ["wos-plain.txt", "Web of Science"],
      ["ovid-style.ris", "PsycINFO"],
      ["semicolon.csv", "Reference lists"],
      ["pubmed.nbib", "MEDLINE"],
    ] as const) {
      const response = await upload(projectId, name, fixture(name), source);
      expect(response.status).toBe(201);
      imported.push((await response.json()) as { imported: number; duplicates: number });
    }
    // Web of Science has the Scopus peer-support paper (same DOI); the reference list has Ovid's autonomy paper.
    expect(imported.map((i) => [i.imported, i.duplicates])).toEqual([
      [3, 0],
      [2, 1],
      [2, 0],
      [2, 1],
      [2, 0],
    ]);
    const all = await records(projectId);
    expect(all).toHaveLength(11);
    const original = all.find((r) => r.source === "Scopus" && r.title?.startsWith("Peer support workers"))!;
    expect(all.filter((r) => r.duplicateOf === original.id).map((r) => r.source)).toEqual(["Web of Science"]);
    const { sources } = (await (await api(server.url, lead.token, "GET", `/projects/${projectId}/records/imports`)).json()) as { sources: unknown[] };
    expect(sources).toEqual([
      { source: "MEDLINE", records: 2, duplicates: 0 },
      { source: "PsycINFO", records: 2, duplicates: 0 },
      { source: "Reference lists", records: 2, duplicates: 1 },
      { source: "Scopus", records: 3, duplicates: 0 },
      { source: "Web of Science", records: 2, duplicates: 1 },
    ]);
  });

  test("5,000 records from two databases import in one request, and the server answers others meanwhile", async () => {
    const projectId = await createProject(server.url, lead.token, "Big search");
    const papers = syntheticPapers(3_500, 11);
    expect((await upload(projectId, "scopus.ris", bytes(scopusRis(papers.slice(0, 2_500))), "Scopus")).status).toBe(201);
    // The Ovid file repeats 1,500 of the Scopus papers; a third of its records give no DOI, so those match by title.
    const result = await whileCheckingHealth(server.url, () => upload(projectId, "psycinfo.ris", bytes(ovidRis(papers.slice(1_000), { dropDoiEvery: 3 })), "PsycINFO"));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ imported: 2_500, duplicates: 1_500, nearSearchComplete: true });
    expect(result.healthStatus).toBe(200);
    expect(result.order).toEqual(["health", "request"]);
  });
});

describe("bad input", () => {
  let projectId: string;
  let before: unknown;

  beforeAll(async () => {
    projectId = await createProject(server.url, lead.token, "Bad input");
    expect((await upload(projectId, "scopus.ris", fixture("scopus-style.ris"), "Scopus")).status).toBe(201);
    before = await records(projectId);
  });

  /** Nothing stored changed: the same records, and no import was counted. */
  async function unchanged() {
    expect(await records(projectId)).toEqual(before);
    const { imports } = (await (await api(server.url, lead.token, "GET", `/projects/${projectId}/records/imports`)).json()) as { imports: unknown[] };
    expect(imports).toHaveLength(1);
  }

  test("a binary file sent as RIS gets 415 saying what to export instead", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const response = await upload(projectId, "search.ris", png, "Scopus");
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toMatchObject({ code: "unsupported_media_type", message: expect.stringMatching(/^This file is a PNG image, so it holds no records.*Export the records/) });
    await unchanged();
  });

  test("a 100 MB upload gets 413 before it is read", async () => {
    const { status, body } = await uploadWithoutWaiting(projectId, 100 * 1024 * 1024);
    expect(status).toBe(413);
    expect(JSON.parse(body).error).toMatchObject({ code: "too_large", message: expect.stringMatching(/^A file of records may be at most 20 MB\. Export the search in smaller parts/) });
    await unchanged();
  });

  test("an empty file, and one with no records in it, get 422", async () => {
    const empty = await upload(projectId, "search.ris", new Uint8Array(), "Scopus");
    expect(empty.status).toBe(422);
    expect(await errorOf(empty)).toMatchObject({ code: "no_records", message: expect.stringMatching(/^This file is empty\./) });
    const letter = await upload(projectId, "search.ris", bytes("Dear colleague,\nthe search results are attached.\n"), "Scopus");
    expect(letter.status).toBe(422);
    expect((await errorOf(letter)).message).toMatch(/^No records were found in this file/);
    await unchanged();
  });

  test("a record without a title is kept and flagged; the rest of its file is imported", async () => {
    const response = await upload(projectId, "untitled.ris", bytes("TY  - JOUR\nAU  - Quinn, D.\nPY  - 2020\nER  - \nTY  - JOUR\nTI  - A titled record\nER  - \n"), "CINAHL");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { imported: number; flagged: { position: number; title: string | null; flags: { code: string; message: string }[] }[] };
    expect(body.imported).toBe(2);
    expect(body.flagged).toEqual([{ position: 1, recordId: expect.any(String), title: null, flags: [{ field: "title", code: "missing_title", message: expect.stringMatching(/^No title: the record was kept/) }] }]);
    expect((await records(projectId)).map((r) => r.title).slice(-2)).toEqual([null, "A titled record"]);
  });
});
