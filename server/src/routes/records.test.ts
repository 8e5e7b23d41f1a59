import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing";

let t: TestApp;
beforeEach(async () => (t = await createTestApp()));
afterEach(async () => t.close());

type Cookie = Record<string, string>;
interface Rec {
  id: string;
  title: string | null;
  doi: string | null;
  source: string;
  duplicateOf: string | null;
  duplicateReason: string | null;
}

const fixture = (name: string) => new Uint8Array(fs.readFileSync(new URL(`../../../shared/src/records/fixtures/${name}`, import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);

async function setup() {
  const lead = await t.signUp("Lead");
  const project = (await (await t.call("POST", "/api/projects", { title: "Review" }, lead.cookie)).json()) as { id: string };
  const members: Record<string, { email: string; cookie: Cookie }> = {};
  for (const role of ["supervisor", "consultant", "rater", "viewer"]) {
    members[role] = await t.signUp(role);
    await t.call("POST", `/api/projects/${project.id}/members`, { email: members[role]!.email, role }, lead.cookie);
  }
  return { lead, members, projectId: project.id };
}

function upload(projectId: string, cookie: Cookie, name: string, bytes: Uint8Array, source?: string) {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  if (source !== undefined) form.set("source", source);
  return t.app.request(`/api/projects/${projectId}/records/import`, { method: "POST", body: form, headers: cookie });
}

async function records(projectId: string, cookie: Cookie): Promise<Rec[]> {
  const response = await t.call("GET", `/api/projects/${projectId}/records`, undefined, cookie);
  expect(response.status).toBe(200);
  return ((await response.json()) as { records: Rec[] }).records;
}

// Each test signs up five people (scrypt) and starts a worker thread: slow on a busy machine.
const SLOW = { timeout: 30_000 };

const PEER = "Peer support workers in community mental health teams: A qualitative study of role clarity";

describe("who may do what", SLOW, () => {
  it("lets the lead and a supervisor import and add; consultant, rater and viewer only read; a stranger learns nothing", async () => {
    const { lead, members, projectId } = await setup();
    expect((await upload(projectId, lead.cookie, "scopus.ris", fixture("scopus-style.ris"))).status).toBe(201);
    expect((await upload(projectId, members.supervisor!.cookie, "wos.txt", fixture("wos-plain.txt"))).status).toBe(201);
    for (const role of ["consultant", "rater", "viewer"]) {
      const refused = await upload(projectId, members[role]!.cookie, "scopus.ris", fixture("scopus-style.ris"));
      expect(refused.status).toBe(403);
      expect((await t.call("POST", `/api/projects/${projectId}/records`, { title: "A report" }, members[role]!.cookie)).status).toBe(403);
      expect(await records(projectId, members[role]!.cookie)).toHaveLength(5);
    }
    const stranger = await t.signUp("Stranger");
    expect((await t.call("GET", `/api/projects/${projectId}/records`, undefined, stranger.cookie)).status).toBe(404);
    expect((await upload(projectId, stranger.cookie, "scopus.ris", fixture("scopus-style.ris"))).status).toBe(404);
    expect((await t.call("GET", `/api/projects/${projectId}/records`)).status).toBe(401);
  });
});

describe("importing", SLOW, () => {
  it("labels the source from the file when none is given, and asks for one when the file names none, storing nothing", async () => {
    const { lead, projectId } = await setup();
    const scopus = (await (await upload(projectId, lead.cookie, "scopus.ris", fixture("scopus-style.ris"))).json()) as { source: string };
    expect(scopus.source).toBe("Scopus");
    const unnamed = await upload(projectId, lead.cookie, "ovid.ris", fixture("ovid-style.ris"));
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: { message: string } }).error.message).toMatch(/Say which database this file came from/);
    expect(await records(projectId, lead.cookie)).toHaveLength(3);
  });

  it("reports flagged records and tidied values, and keeps every tag for the one-record view", async () => {
    const { lead, projectId } = await setup();
    const response = await upload(projectId, lead.cookie, "odd.ris", fixture("odd-values.ris"), "CINAHL");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { imported: number; flagged: { position: number; recordId: string; flags: { code: string }[] }[]; notes: { code: string; records: number }[] };
    expect(body.imported).toBe(4);
    expect(body.flagged.map((f) => [f.position, f.flags.map((x) => x.code)])).toEqual([
      [1, ["year_unreadable", "doi_unreadable"]],
      [3, ["missing_title", "no_end"]],
    ]);
    expect(body.notes.map((n) => [n.code, n.records])).toEqual([
      ["year_tidied", 2],
      ["several_dois", 1],
      ["unknown_type", 1],
    ]);
    const one = (await (await t.call("GET", `/api/projects/${projectId}/records/${body.flagged[0]!.recordId}`, undefined, lead.cookie)).json()) as { raw: Record<string, string[]>; year: number | null };
    expect(one).toMatchObject({ year: null, raw: { PY: ["10 15"], DO: ["not a doi"] } });
  });
});

describe("duplicates", SLOW, () => {
  it("marks a record added by hand that has an imported record's DOI, and refuses a bad DOI storing nothing", async () => {
    const { lead, projectId } = await setup();
    await upload(projectId, lead.cookie, "scopus.ris", fixture("scopus-style.ris"));
    const [original] = await records(projectId, lead.cookie);
    const added = await t.call("POST", `/api/projects/${projectId}/records`, { title: "Peer workers and role clarity (conference version)", doi: "https://doi.org/10.5555/JMHP.2021.0412", source: "Reference lists" }, lead.cookie);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ duplicateOf: original!.id, duplicateReason: "doi", source: "Reference lists", doi: "10.5555/jmhp.2021.0412" });
    const bad = await t.call("POST", `/api/projects/${projectId}/records`, { title: "A report", doi: "see the trust's website" }, lead.cookie);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^doi: This is not a DOI/);
    const untitled = await t.call("POST", `/api/projects/${projectId}/records`, { title: "   " }, lead.cookie);
    expect(untitled.status).toBe(400);
    expect(await records(projectId, lead.cookie)).toHaveLength(4);
  });

  it("proposes a near match as a pair; confirming marks the later record, rejecting restores it", async () => {
    const { lead, members, projectId } = await setup();
    await upload(projectId, lead.cookie, "scopus.ris", fixture("scopus-style.ris"));
    const typo = `TY  - JOUR\nTI  - ${PEER.replace("qualitative", "qualitive")}\nPY  - 2022\nAU  - Okafor, N.\nER  - \n`;
    const response = await upload(projectId, lead.cookie, "psycinfo.ris", text(typo), "PsycINFO");
    expect(await response.json()).toMatchObject({ imported: 1, duplicates: 0, nearDuplicates: 1 });
    const list = (await (await t.call("GET", `/api/projects/${projectId}/records/duplicate-pairs`, undefined, members.viewer!.cookie)).json()) as { pairs: { id: string; recordA: string; recordB: string; similarity: number }[] };
    expect(list.pairs).toHaveLength(1);
    const [pair] = list.pairs;
    expect(pair!.similarity).toBeGreaterThan(0.9);
    const all = await records(projectId, lead.cookie);
    expect(all.find((r) => r.id === pair!.recordA)!.title).toBe(PEER);

    expect((await t.call("PUT", `/api/projects/${projectId}/records/duplicate-pairs/${pair!.id}`, { decision: "confirmed" }, members.rater!.cookie)).status).toBe(403);
    const confirmed = await t.call("PUT", `/api/projects/${projectId}/records/duplicate-pairs/${pair!.id}`, { decision: "confirmed" }, lead.cookie);
    expect(await confirmed.json()).toMatchObject({ status: "confirmed" });
    expect((await records(projectId, lead.cookie)).find((r) => r.id === pair!.recordB)).toMatchObject({ duplicateOf: pair!.recordA, duplicateReason: "near_match" });
    expect(((await (await t.call("GET", `/api/projects/${projectId}/records/duplicate-pairs`, undefined, lead.cookie)).json()) as { pairs: unknown[] }).pairs).toHaveLength(0);

    await t.call("PUT", `/api/projects/${projectId}/records/duplicate-pairs/${pair!.id}`, { decision: "rejected" }, lead.cookie);
    expect((await records(projectId, lead.cookie)).find((r) => r.id === pair!.recordB)).toMatchObject({ duplicateOf: null, duplicateReason: null });
    const bad = await t.call("PUT", `/api/projects/${projectId}/records/duplicate-pairs/${pair!.id}`, { decision: "maybe" }, lead.cookie);
    expect(bad.status).toBe(400);
  });

  it("marks by hand (pointing at the original, so no chains), restores, and refuses a record as its own duplicate", async () => {
    const { lead, projectId } = await setup();
    await upload(projectId, lead.cookie, "scopus.ris", fixture("scopus-style.ris"));
    const [a, b, c] = await records(projectId, lead.cookie);
    const mark = (id: string, of: string | null) => t.call("PUT", `/api/projects/${projectId}/records/${id}/duplicate-of`, { of }, lead.cookie);
    expect((await mark(b!.id, c!.id)).status).toBe(200);
    // c becomes a duplicate of a: b, which duplicated c, follows it to a.
    expect(await (await mark(c!.id, a!.id)).json()).toMatchObject({ duplicateOf: a!.id, duplicateReason: "by_hand" });
    expect((await records(projectId, lead.cookie)).map((r) => r.duplicateOf)).toEqual([null, a!.id, a!.id]);
    // Marking a as a duplicate of b would make a its own duplicate's duplicate.
    const loop = await mark(a!.id, b!.id);
    expect(loop.status).toBe(409);
    expect((await mark(b!.id, null)).status).toBe(200);
    expect((await records(projectId, lead.cookie)).map((r) => r.duplicateOf)).toEqual([null, null, a!.id]);
    expect((await mark(a!.id, "no-such-record")).status).toBe(404);
  });

  it("counts records and duplicates per source for the PRISMA diagram", async () => {
    const { lead, projectId } = await setup();
    await upload(projectId, lead.cookie, "scopus.ris", fixture("scopus-style.ris"));
    await upload(projectId, lead.cookie, "wos.txt", fixture("wos-plain.txt"));
    const body = (await (await t.call("GET", `/api/projects/${projectId}/records/imports`, undefined, lead.cookie)).json()) as { imports: { source: string; records: number; duplicates: number }[]; sources: unknown[] };
    expect(body.imports.map((i) => [i.source, i.records, i.duplicates])).toEqual([
      ["Scopus", 3, 0],
      ["Web of Science", 2, 1],
    ]);
    expect(body.sources).toEqual([
      { source: "Scopus", records: 3, duplicates: 0 },
      { source: "Web of Science", records: 2, duplicates: 1 },
    ]);
  });
});
