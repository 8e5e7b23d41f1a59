// Per-study extraction and full texts not retrieved, on a real server (issue 9 §6, PRISMA
// 2020): extraction fields saved per included study land in the study-characteristics table
// as CSV, DOCX and XLSX; bad input is refused and stores nothing; a viewer reads but may not
// write. A lead marks a full text as not retrieved: PRISMA counts it in its own box and it is
// not assessed; undoing it restores the counts. Another member's open review page learns of
// the mark and its undo through the stage's revealed document, which says no more than the list.
import { NOT_RETRIEVED_FIELD, REVIEW_ITEMS_FIELD } from "@concord/shared";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connect, synced, untilDoc, type CollabClient } from "../helpers/collab";
import { api, discard, importRis, type ServerProcess, type TestUser } from "../helpers/server";
import { startTeam } from "../helpers/team";

let server: ServerProcess;
let lead: TestUser;
let rater: TestUser;
let viewer: TestUser;
let projectId: string;
let ids: Record<string, string>;

const TITLES = ["Peer workers in crisis teams", "Recovery colleges and staff", "Consumer providers abroad", "Lived experience on wards"];
const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);

async function ok(response: Promise<Response>, status = 200): Promise<Response> {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${answer.status}: ${await answer.text()}`);
  return answer;
}
const json = async <T>(response: Promise<Response>) => (await (await ok(response)).json()) as T;
const decide = (recordId: string, stage: string, decision: string, reason?: string) =>
  ok(call(lead, "PUT", `/projects/${projectId}/stages/${stage}/items/${recordId}/rating`, { decision, ...(reason ? { reason } : {}), submit: true }));
type Main = { sought: number; notRetrieved: number; assessed: number };
const prisma = async () => json<{ counts: { main: Main; studiesIncluded: number }; inconsistencies: string[] }>(call(lead, "GET", `/projects/${projectId}/prisma`));
const text = (bytes: ArrayBuffer) => Object.values(unzipSync(new Uint8Array(bytes))).map((part) => strFromU8(part)).join("\n");

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { rater, viewer },
  } = await startTeam({
    lead: "Priya Lead",
    title: "Extraction review",
    members: {
      rater: { name: "Sam Rater", role: "rater" },
      viewer: { name: "Vic Viewer", role: "viewer" },
    },
  }));
  const ris = TITLES.map((t, i) => `TY  - JOUR\r\nTI  - ${t}\r\nAU  - Hale, T.\r\nPY  - ${2015 + i}\r\nER  - \r\n`).join("");
  await ok(importRis(server.url, lead.token, projectId, ris, "PsycINFO"), 201);
  const { records } = await json<{ records: { id: string; title: string }[] }>(call(lead, "GET", `/projects/${projectId}/records`));
  ids = Object.fromEntries(records.map((r) => [r.title, r.id]));
  await ok(call(lead, "PUT", `/projects/${projectId}/criteria`, { inclusion: [], exclusion: [{ id: "quantitative", text: "Quantitative only", keywords: [] }] }));
  await ok(call(lead, "POST", `/projects/${projectId}/stages/title_abstract/assignments`, { userId: lead.userId }), 201);
  for (const title of TITLES) await decide(ids[title]!, "title_abstract", "include");
  await ok(call(lead, "POST", `/projects/${projectId}/stages/full_text/assignments`, { userId: lead.userId }), 201);
  // Full text: two included, one excluded; the fourth is not decided yet.
  await decide(ids[TITLES[0]!]!, "full_text", "include");
  await decide(ids[TITLES[1]!]!, "full_text", "include");
  await decide(ids[TITLES[2]!]!, "full_text", "exclude", "quantitative");
});

afterAll(async () => {
  await discard(server);
});

describe("extraction fields per included study", () => {
  test("saved fields appear in the study-characteristics table as CSV, DOCX and XLSX", async () => {
    const first = ids[TITLES[0]!]!;
    const before = await json<{ studies: { recordId: string; number: number; fields: Record<string, string>; updatedBy: unknown }[] }>(call(viewer, "GET", `/projects/${projectId}/extraction`));
    expect(before.studies.map((s) => s.recordId)).toEqual([first, ids[TITLES[1]!]]);
    expect(before.studies[0]).toMatchObject({ number: 1, fields: { authors: "Hale (2015)", title: TITLES[0], aims: "" }, updatedBy: null });

    const saved = await json<{ fields: Record<string, string>; updatedBy: { name: string } }>(
      call(rater, "PUT", `/projects/${projectId}/extraction/${first}`, { authors: "Hale (2015), UK", aims: "To explore crisis work", sample: "12 peer workers" }),
    );
    expect(saved.fields).toMatchObject({ authors: "Hale (2015), UK", aims: "To explore crisis work", sample: "12 peer workers", title: TITLES[0] });
    expect(saved.updatedBy.name).toBe("Sam Rater");
    // A second save of another field keeps the first ones.
    await ok(call(lead, "PUT", `/projects/${projectId}/extraction/${first}`, { analysis: "Thematic analysis" }));
    const one = await json<{ fields: Record<string, string>; updatedBy: { name: string } }>(call(viewer, "GET", `/projects/${projectId}/extraction/${first}`));
    expect(one.fields).toMatchObject({ aims: "To explore crisis work", analysis: "Thematic analysis" });
    expect(one.updatedBy.name).toBe("Priya Lead");

    const csv = await (await ok(call(lead, "GET", `/projects/${projectId}/reports/study-characteristics.csv`))).text();
    expect(csv.split("\r\n")[1]).toBe(`1,"Hale (2015), UK",${TITLES[0]},To explore crisis work,12 peer workers,,,Thematic analysis,,`);
    for (const file of ["study-characteristics.docx", "study-characteristics.xlsx"]) {
      const parts = text(await (await ok(call(lead, "GET", `/projects/${projectId}/reports/${file}`))).arrayBuffer());
      for (const value of ["Hale (2015), UK", "To explore crisis work", "12 peer workers", "Thematic analysis"]) expect(parts, file).toContain(value);
    }
  });

  test("bad input is refused with a 4xx and nothing stored changes; a viewer may not write", async () => {
    const first = ids[TITLES[0]!]!;
    const read = () => json<{ fields: Record<string, string>; updatedAt: string }>(call(lead, "GET", `/projects/${projectId}/extraction/${first}`));
    const before = await read();
    const refused: [TestUser, unknown, number, string?][] = [
      [lead, { aims: "x".repeat(2001) }, 400, "at most 2000"],
      [lead, { aims: "fine", colour: "blue" }, 400, "Unknown field"],
      [lead, { aims: 42 }, 400],
      [lead, {}, 400, "at least one field"],
      [lead, ["aims"], 400],
      [viewer, { aims: "A viewer's aim" }, 403],
    ];
    for (const [who, body, status, words] of refused) {
      const answer = await call(who, "PUT", `/projects/${projectId}/extraction/${first}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      if (words) expect(await answer.text()).toContain(words);
    }
    // Not included at full text: excluded, or not a record of this project.
    expect((await call(lead, "PUT", `/projects/${projectId}/extraction/${ids[TITLES[2]!]}`, { aims: "x" })).status).toBe(409);
    expect((await call(lead, "PUT", `/projects/${projectId}/extraction/no-such-record`, { aims: "x" })).status).toBe(404);
    expect(await read()).toEqual(before);
  });
});

describe("full texts not retrieved", () => {
  test("marking one moves it to PRISMA's not-retrieved box, out of full-text screening; undo restores both", async () => {
    const fourth = ids[TITLES[3]!]!;
    const before = await prisma();
    expect(before.counts.main).toMatchObject({ sought: 4, notRetrieved: 0, assessed: 3 });
    expect(before.inconsistencies.length).toBeGreaterThan(0);

    // Only a lead marks; a report someone has assessed was retrieved.
    expect((await call(rater, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, { note: "x" })).status).toBe(403);
    expect((await call(viewer, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, {})).status).toBe(403);
    expect((await call(lead, "PUT", `/projects/${projectId}/not-retrieved/${ids[TITLES[0]!]}`, {})).status).toBe(409);
    expect((await call(lead, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, { note: "n".repeat(1001) })).status).toBe(400);
    expect((await prisma()).counts.main.notRetrieved).toBe(0);

    const mark = await json<{ note: string; markedBy: { name: string } }>(call(lead, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, { note: "Requested from the authors, no reply" }));
    expect(mark).toMatchObject({ note: "Requested from the authors, no reply", markedBy: { name: "Priya Lead" } });
    const marked = await prisma();
    expect(marked.counts.main).toMatchObject({ sought: 4, notRetrieved: 1, assessed: 3 });
    expect(marked.inconsistencies).toEqual([]);
    const svg = await (await ok(call(lead, "GET", `/projects/${projectId}/prisma.svg`))).text();
    expect(svg).toMatch(/Reports not retrieved[^]*\(n = 1\)/);
    const { items } = await json<{ items: { recordId: string }[] }>(call(lead, "GET", `/projects/${projectId}/stages/full_text/items`));
    expect(items.map((i) => i.recordId)).not.toContain(fourth);
    expect((await call(lead, "PUT", `/projects/${projectId}/stages/full_text/items/${fourth}/rating`, { decision: "include", submit: true })).status).toBeGreaterThanOrEqual(400);
    const listed = await json<{ reports: { recordId: string }[] }>(call(viewer, "GET", `/projects/${projectId}/not-retrieved`));
    expect(listed.reports.map((r) => r.recordId)).toEqual([fourth]);

    expect((await call(rater, "DELETE", `/projects/${projectId}/not-retrieved/${fourth}`)).status).toBe(403);
    await ok(call(lead, "DELETE", `/projects/${projectId}/not-retrieved/${fourth}`), 204);
    expect((await prisma()).counts.main).toEqual(before.counts.main);
    expect((await call(lead, "DELETE", `/projects/${projectId}/not-retrieved/${fourth}`)).status).toBe(404);
  });

  test("a second member's watched revealed document changes on the mark and on its undo, carrying only the record id", async () => {
    const fourth = ids[TITLES[3]!]!;
    // The viewer rates nothing, so lists no items; the stage's document comes with the list anyway.
    const listing = await json<{ items: unknown[]; collab: { revealed: string } }>(call(viewer, "GET", `/projects/${projectId}/stages/full_text/items?mine=true`));
    expect(listing.items).toEqual([]);
    const watched: CollabClient[] = [];
    try {
      for (const who of [viewer, rater]) watched.push(await synced(connect(server.url, listing.collab.revealed, who.token), "the full-text revealed document"));
      const marks = (client: CollabClient) => client.doc.getMap<string>(NOT_RETRIEVED_FIELD);
      const itemsBefore = watched[0]!.doc.getMap(REVIEW_ITEMS_FIELD).toJSON();

      // A refused mark changes no document; the accepted one after it is the first change seen.
      let updates = 0;
      watched[0]!.doc.on("update", () => updates++);
      expect((await call(lead, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, { note: "n".repeat(1001) })).status).toBe(400);
      expect((await call(rater, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, { note: "x" })).status).toBe(403);
      const mark = await json<{ markedAt: string }>(call(lead, "PUT", `/projects/${projectId}/not-retrieved/${fourth}`, { note: "Asked the library twice" }));
      for (const client of watched) await untilDoc(client, () => marks(client).get(fourth) === mark.markedAt, "the mark reaches a watching member");
      expect(updates).toBe(1);
      expect(marks(watched[0]!).toJSON()).toEqual({ [fourth]: mark.markedAt });
      // Nothing of anyone's work, nor the note, travels with it.
      expect(watched[0]!.doc.getMap(REVIEW_ITEMS_FIELD).toJSON()).toEqual(itemsBefore);
      expect(JSON.stringify(watched[0]!.doc.toJSON())).not.toContain("library");

      await ok(call(lead, "DELETE", `/projects/${projectId}/not-retrieved/${fourth}`), 204);
      for (const client of watched) await untilDoc(client, () => !marks(client).has(fourth), "the undo reaches a watching member");
    } finally {
      for (const client of watched) client.destroy();
    }
  });
});
