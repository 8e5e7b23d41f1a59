// The review's reports on a real server (issue 9 §6): the PRISMA 2020 diagram drawn from the
// actual counts (per source, duplicates, screening, full-text exclusions with their reasons,
// records added by hand on the second path) as JSON, SVG and PNG; the appraisal scores and
// study-characteristics tables as CSV, DOCX and XLSX; a stage's decisions as CSV, in which a
// blind rater sees no one else's decision. Non-members get nothing.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demoCaspAnswers } from "@concord/shared/appraisal/demoAppraisals";
import { api, discard, type ServerProcess, type TestUser } from "../helpers/server";
import { startTeam } from "../helpers/team";

let server: ServerProcess;
let lead: TestUser;
let raterB: TestUser;
let outsider: TestUser;
let projectId: string;

const ris = (titles: string[], firstYear: number, doiOf?: (i: number) => string) =>
  titles
    .map((title, i) => `TY  - JOUR\r\nTI  - ${title}\r\nAU  - Hale, T.\r\nAU  - Mensah, J.\r\nPY  - ${firstYear + i}\r\n${doiOf ? `DO  - ${doiOf(i)}\r\n` : ""}ER  - \r\n`)
    .join("");
const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);
const stage = (name: string) => `/projects/${projectId}/stages/${name}`;

async function ok(response: Promise<Response>, status = 200): Promise<Response> {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${answer.status}: ${await answer.text()}`);
  return answer;
}

async function importFile(name: string, source: string, text: string): Promise<void> {
  const form = new FormData();
  form.set("file", new Blob([text]), name);
  form.set("source", source);
  await ok(fetch(`${server.url}/api/projects/${projectId}/records/import`, { method: "POST", headers: { authorization: `Bearer ${lead.token}` }, body: form }), 201);
}

async function records(): Promise<{ id: string; title: string; source: string; duplicateOf: string | null }[]> {
  return ((await (await ok(call(lead, "GET", `/projects/${projectId}/records`))).json()) as { records: { id: string; title: string; source: string; duplicateOf: string | null }[] }).records;
}

const decide = (who: TestUser, name: string, recordId: string, decision: string, reason?: string) =>
  ok(call(who, "PUT", `${stage(name)}/items/${recordId}/rating`, { decision, ...(reason ? { reason } : {}), submit: true }));

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { raterB, outsider },
  } = await startTeam({
    lead: "Priya Lead",
    title: "Peer roles review",
    members: {
      raterB: { name: "Sam Rater", role: "rater" },
      outsider: { name: "Olga Outsider", role: null },
    },
  }));
  // Six records from PsycINFO, four from Scopus of which two repeat PsycINFO's by DOI, and one added by hand.
  const psyc = ["Peer workers in crisis teams", "Lived experience in inpatient wards", "Recovery colleges and staff", "Peer support on night shifts", "Survey of ward morale", "Expert by experience roles"];
  await importFile("psycinfo.ris", "PsycINFO", ris(psyc, 2010, (i) => `10.1000/p${i}`));
  await importFile("scopus.ris", "Scopus", ris(["Peer workers in crisis teams", "Lived experience in inpatient wards", "Consumer providers abroad", "Hiring peer staff"], 2010, (i) => `10.1000/${i < 2 ? `p${i}` : `s${i}`}`));
  await ok(call(lead, "POST", `/projects/${projectId}/records`, { title: "Peer roles in a charity's report", authors: ["Raman, P."], year: 2021, source: "Grey literature" }), 201);
  await ok(
    call(lead, "PUT", `/projects/${projectId}/criteria`, {
      inclusion: [{ id: "qualitative", text: "Qualitative study of peer roles", keywords: ["peer"] }],
      exclusion: [
        { id: "quantitative", text: "Quantitative only", keywords: ["survey"] },
        { id: "not-peer", text: "Not about a peer role", keywords: [] },
      ],
    }),
  );
});

afterAll(async () => {
  await discard(server);
});

describe("the review's reports", () => {
  test("the PRISMA counts follow every stage's outcomes, and the diagram shows them", async () => {
    const all = await records();
    const originals = all.filter((r) => r.duplicateOf === null);
    expect(all).toHaveLength(11);
    expect(originals).toHaveLength(9);
    // Title and abstract: the lead screens all nine; B a sample of two, blind.
    await ok(call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: lead.userId }), 201);
    const excludedAtAbstract = ["Survey of ward morale", "Hiring peer staff"];
    for (const record of originals) await decide(lead, "title_abstract", record.id, excludedAtAbstract.includes(record.title) ? "exclude" : "include");
    // Full text: seven reports assessed, two excluded with reasons.
    await ok(call(lead, "POST", `${stage("full_text")}/assignments`, { userId: lead.userId }), 201);
    const fullText = originals.filter((r) => !excludedAtAbstract.includes(r.title));
    for (const record of fullText) {
      const reason = record.title === "Consumer providers abroad" ? "not-peer" : record.title === "Recovery colleges and staff" ? "quantitative" : undefined;
      await decide(lead, "full_text", record.id, reason ? "exclude" : "include", reason);
    }

    const { counts, inconsistencies } = (await (await ok(call(lead, "GET", `/projects/${projectId}/prisma`))).json()) as {
      counts: { main: Record<string, unknown>; other: Record<string, unknown> | null; studiesIncluded: number };
      inconsistencies: string[];
    };
    expect(counts.main).toMatchObject({
      databases: [
        { label: "PsycINFO", n: 6 },
        { label: "Scopus", n: 4 },
      ],
      duplicatesRemoved: 2,
      screened: 8,
      screenedExcluded: 2,
      sought: 6,
      assessed: 6,
      excludedWithReasons: [
        { label: "Not about a peer role", n: 1 },
        { label: "Quantitative only", n: 1 },
      ],
    });
    expect(counts.other).toMatchObject({ identified: [{ label: "Grey literature", n: 1 }], sought: 1, assessed: 1, excludedWithReasons: [] });
    expect(counts.studiesIncluded).toBe(5);
    expect(inconsistencies).toEqual([]);

    const svg = await ok(call(lead, "GET", `/projects/${projectId}/prisma.svg`));
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const drawn = await svg.text();
    for (const text of ["PsycINFO (n = 6)", "Duplicate records removed", "(n = 2)", "Quantitative only (n = 1)", "Studies included in review", "Identification of studies via other methods"]) {
      expect(drawn).toContain(text);
    }
    // B, blind at title and abstract, may see the diagram: it holds settled outcomes only.
    expect((await ok(call(raterB, "GET", `/projects/${projectId}/prisma.svg`))).status).toBe(200);

    const png = await ok(call(lead, "GET", `/projects/${projectId}/prisma.png`));
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = new DataView(bytes.buffer).getUint32(16);
    expect(width).toBeGreaterThan(1_000);
  });

  test("the appraisal scores and study characteristics of the included studies, as CSV, DOCX and XLSX", async () => {
    const included = ["Peer workers in crisis teams", "Lived experience in inpatient wards", "Peer support on night shifts", "Expert by experience roles", "Peer roles in a charity's report"];
    const ids = (await records()).filter((r) => r.duplicateOf === null && included.includes(r.title));
    await ok(call(lead, "POST", `${stage("appraisal")}/assignments`, { userId: lead.userId }), 201);
    // Papers 8 and 3 of the thesis's Table 5 for the first two included studies: 9 (A) and 6.5 (B).
    await ok(call(lead, "PUT", `${stage("appraisal")}/items/${ids[0]!.id}/rating`, { answers: demoCaspAnswers(7), submit: true }));
    await ok(call(lead, "PUT", `${stage("appraisal")}/items/${ids[1]!.id}/rating`, { answers: demoCaspAnswers(2), submit: true }));

    const csv = await (await ok(call(lead, "GET", `/projects/${projectId}/reports/appraisal-scores.csv`))).text();
    const rows = csv.trim().split("\r\n").map((line) => line.split(","));
    expect(rows[0]).toEqual(["Question", "1", "2", "3", "4", "5"]);
    expect(rows.find((r) => r[0] === "Total")).toEqual(["Total", "9", "6.5", "0", "0", "0"]);
    expect(rows.find((r) => r[0] === "Grade")).toEqual(["Grade", "A", "B", "", "", ""]);

    const studies = await (await ok(call(lead, "GET", `/projects/${projectId}/reports/study-characteristics.csv`))).text();
    expect(studies).toContain("Hale et al (2010),Peer workers in crisis teams");
    expect(studies).toContain("9 (A)");
    // The quality column is named for the checklist the stage appraised with: CASP, built in.
    expect(studies.split("\r\n")[0]!.split(",").at(-1)).toBe("Quality (CASP qualitative studies checklist)");

    for (const [file, type] of [
      ["appraisal-scores.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["study-characteristics.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["study-characteristics.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ] as const) {
      const answer = await ok(call(lead, "GET", `/projects/${projectId}/reports/${file}`));
      expect(answer.headers.get("content-type")).toBe(type);
      expect(answer.headers.get("content-disposition")).toContain(file);
      // All are zip archives; the study characteristics name the checklist in their quality column.
      const bytes = new Uint8Array(await answer.arrayBuffer());
      expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
      const text = Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join("\n");
      expect(text.includes("Quality (CASP qualitative studies checklist)"), file).toBe(file.startsWith("study-characteristics"));
    }
    expect((await call(lead, "GET", `/projects/${projectId}/reports/everything.pdf`)).status).toBe(400);
  });

  test("a stage's decisions as CSV hold no one else's blind decision", async () => {
    // A second round at title and abstract for B alone, on a record the lead already decided.
    await ok(call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, count: 1, seed: 4 }), 201);
    const sampled = ((await (await ok(call(lead, "GET", `${stage("title_abstract")}/assignments`))).json()) as { assignments: { user: { id: string }; recordIds: string[] | null }[] }).assignments.find(
      (a) => a.user.id === raterB.userId,
    )!.recordIds![0]!;
    const asB = await (await ok(call(raterB, "GET", `${stage("title_abstract")}/decisions.csv`))).text();
    const leadsRow = asB.split("\r\n").find((line) => line.startsWith(sampled) && line.includes("Priya Lead"))!;
    // The lead's decision and when it was submitted are blank for B until B submits.
    expect(leadsRow.split(",").slice(-5, -2)).toEqual(["", "", ""]);
    await decide(raterB, "title_abstract", sampled, "include");
    const after = await (await ok(call(raterB, "GET", `${stage("title_abstract")}/decisions.csv`))).text();
    expect(after.split("\r\n").find((line) => line.startsWith(sampled) && line.includes("Priya Lead"))).toMatch(/,(include|exclude),/);
  });

  test("non-members get nothing", async () => {
    for (const route of ["prisma", "prisma.svg", "prisma.png", "reports/appraisal-scores.csv", "stages/title_abstract/decisions.csv"]) {
      expect((await call(outsider, "GET", `/projects/${projectId}/${route}`)).status, route).toBe(404);
    }
  });
});
