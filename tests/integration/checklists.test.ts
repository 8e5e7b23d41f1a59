// A team's own appraisal checklists on a real server (issue 9 §3): created and edited by the
// lead only, each edit a new version; a rating keeps the version it was first saved against,
// so publishing a version, or choosing another checklist, changes neither its answers nor
// its score; answers to questions a version lacks are refused; bad definitions store nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, discard, importRis, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";

let server: ServerProcess;
let lead: TestUser;
let raterB: TestUser;
let projectId: string;
let papers: string[];

const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);
const stage = (name: string) => `/projects/${projectId}/stages/${name}`;
const rate = (who: TestUser, recordId: string, answers: Record<string, string>) => call(who, "PUT", `${stage("appraisal")}/items/${recordId}/rating`, { answers, comments: {}, submit: true });

interface Summary {
  key: string;
  builtIn: boolean;
  current: boolean;
  versions: { version: number; createdBy: { id: string } | null }[];
}
const checklists = async () => json<{ checklists: Summary[]; current: { key: string; version: number } }>(call(lead, "GET", `/projects/${projectId}/checklists`), 200);

const yesNo = [
  { key: "yes", label: "Yes" },
  { key: "no", label: "No" },
];
const peerQuality = (questions: string[], yesPoints: number) => ({
  key: "peer-quality",
  name: "Peer-role study quality",
  questions: questions.map((key) => ({ key, label: `Is ${key} reported?`, answers: yesNo })),
  scoring: {
    points: { yes: yesPoints, no: 0 },
    counted: questions,
    grades: [
      { grade: "High", min: 2, description: "Well reported" },
      { grade: "Low", min: 0, description: "Poorly reported" },
    ],
  },
});

beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { raterB },
  } = await startTeam({
    lead: "Priya Lead",
    title: "Checklist review",
    members: {
      raterB: { name: "Sam Rater", role: "rater" },
    },
  }));
  const ris = ["Peer workers", "Lived experience", "Recovery colleges"].map((title, i) => `TY  - JOUR\r\nTI  - ${title}\r\nPY  - ${2015 + i}\r\nER  - \r\n`).join("");
  await json(importRis(server.url, lead.token, projectId, ris, "PsycINFO"), 201);
  papers = (await json<{ records: { id: string }[] }>(call(lead, "GET", `/projects/${projectId}/records`), 200)).records.map((r) => r.id);
  // The lead alone includes every record at both screening stages, so all three reach appraisal.
  for (const name of ["title_abstract", "full_text"]) {
    await json(call(lead, "POST", `${stage(name)}/assignments`, { userId: lead.userId }), 201);
    for (const id of papers) await json(call(lead, "PUT", `${stage(name)}/items/${id}/rating`, { decision: "include", submit: true }), 200);
  }
  await json(call(lead, "POST", `${stage("appraisal")}/assignments`, { userId: raterB.userId }), 201);
});

afterAll(async () => {
  if (server) await discard(server);
});

describe("appraisal checklists", () => {
  test("bad definitions and non-leads are refused, with nothing stored", async () => {
    const bad = [
      { ...peerQuality(["q1"], 1), scoring: { ...peerQuality(["q1"], 1).scoring, counted: ["q9"] } },
      { ...peerQuality(["q1", "q1"], 1) },
      { ...peerQuality(["q1"], 1), key: "Not A Key" },
      { ...peerQuality(["q1"], 1), questions: [] },
      peerQuality(Array.from({ length: 101 }, (_, i) => `q${i}`), 1),
      { ...peerQuality(["q1"], 1), questions: [{ key: "q1", label: "Long hints", hints: Array.from({ length: 21 }, () => "x"), answers: yesNo }] },
    ];
    for (const definition of bad) await json(call(lead, "POST", `/projects/${projectId}/checklists`, definition), 400);
    await json(call(lead, "POST", `/projects/${projectId}/checklists`, { ...peerQuality(["q1"], 1), key: "casp-qualitative" }), 409);
    await json(call(raterB, "POST", `/projects/${projectId}/checklists`, peerQuality(["q1"], 1)), 403);
    await json(call(raterB, "PUT", `/projects/${projectId}/appraisal-checklist`, { key: "casp-qualitative" }), 403);
    await json(call(lead, "PUT", `/projects/${projectId}/appraisal-checklist`, { key: "no-such" }), 400);
    const listed = await checklists();
    expect(listed.checklists.map((c) => c.key)).toEqual(["casp-qualitative"]);
    expect(listed.current).toEqual({ key: "casp-qualitative", version: 1 });
  });

  test("a new version leaves the ratings given against the old one, their version and score, as they were", async () => {
    const created = await json<{ checklist: { key: string; version: number } }>(call(lead, "POST", `/projects/${projectId}/checklists`, peerQuality(["q1", "q2"], 1)), 201);
    expect(created.checklist).toMatchObject({ key: "peer-quality", version: 1 });
    await json(call(lead, "POST", `/projects/${projectId}/checklists`, peerQuality(["q1"], 1)), 409);
    await json(call(raterB, "POST", `/projects/${projectId}/checklists/peer-quality/versions`, peerQuality(["q1", "q2", "q3"], 2)), 403);
    await json(call(lead, "PUT", `/projects/${projectId}/appraisal-checklist`, { key: "peer-quality" }), 200);

    // Paper 1 is appraised against version 1: a question it lacks is refused.
    const refused = await json<{ error: { message: string } }>(rate(lead, papers[0]!, { q1: "yes", q2: "yes", q3: "yes" }), 400);
    expect(refused.error.message).toMatch(/"q3" is not a question/);
    await json(rate(lead, papers[0]!, { q1: "yes", q2: "yes" }), 200);
    await json(rate(raterB, papers[0]!, { q1: "yes", q2: "no" }), 200);
    // B starts paper 3 as a draft against version 1 too.
    await json(call(raterB, "PUT", `${stage("appraisal")}/items/${papers[2]}/rating`, { answers: { q1: "yes" }, comments: {} }), 200);

    // Version 2 doubles the points and adds a question; its number is the server's to give.
    const v2 = await json<{ checklist: { version: number } }>(call(lead, "POST", `/projects/${projectId}/checklists/peer-quality/versions`, peerQuality(["q1", "q2", "q3"], 2)), 201);
    expect(v2.checklist.version).toBe(2);
    await json(call(lead, "POST", `/projects/${projectId}/checklists/peer-quality/versions`, { ...peerQuality(["q1"], 1), scoring: { points: {}, counted: ["q7"], grades: [] } }), 400);
    await json(call(lead, "POST", `/projects/${projectId}/checklists/casp-qualitative/versions`, peerQuality(["q1"], 1)), 409);
    const listed = await checklists();
    expect(listed.current).toEqual({ key: "peer-quality", version: 2 });
    expect(listed.checklists.find((c) => c.key === "peer-quality")!.versions.map((v) => [v.version, v.createdBy?.id])).toEqual([
      [1, lead.userId],
      [2, lead.userId],
    ]);

    // B's draft of paper 3 stays on version 1 when saved again: version 2's new question is refused there.
    await json(call(raterB, "PUT", `${stage("appraisal")}/items/${papers[2]}/rating`, { answers: { q1: "yes", q2: "no", q3: "yes" }, comments: {} }), 400);
    await json(call(raterB, "PUT", `${stage("appraisal")}/items/${papers[2]}/rating`, { answers: { q1: "yes", q2: "no" }, comments: {} }), 200);

    // Paper 2 is appraised against version 2; paper 1's ratings keep version 1.
    await json(rate(lead, papers[1]!, { q1: "yes", q2: "yes", q3: "yes" }), 200);
    await json(rate(raterB, papers[1]!, { q1: "yes", q2: "yes", q3: "no" }), 200);
    const first = await json<{ work: { rater: { id: string }; checklist: string | null }[] }>(call(lead, "GET", `${stage("appraisal")}/items/${papers[0]}`), 200);
    expect(first.work.map((w) => w.checklist)).toEqual(["peer-quality@1", "peer-quality@1"]);
    const second = await json<{ work: { checklist: string | null }[] }>(call(lead, "GET", `${stage("appraisal")}/items/${papers[1]}`), 200);
    expect(second.work.map((w) => w.checklist)).toEqual(["peer-quality@2", "peer-quality@2"]);
    const old = await json<{ checklist: { version: number; scoring: { points: Record<string, number> }; questions: unknown[] } }>(
      call(raterB, "GET", `/projects/${projectId}/checklists/peer-quality/versions/1`),
      200,
    );
    expect(old.checklist).toMatchObject({ version: 1, scoring: { points: { yes: 1, no: 0 } } });
    expect(old.checklist.questions).toHaveLength(2);
    await json(call(raterB, "GET", `/projects/${projectId}/checklists/peer-quality/versions/3`), 404);

    // Agreement compares each paper on its own version's questions: 2 + 3 units.
    const agreement = await json<{ before: { n_units: number; percent_agreement: { value: number } }; disagreements: { recordId: string; question: string }[] }>(
      call(lead, "GET", `${stage("appraisal")}/agreement`),
      200,
    );
    expect(agreement.before.n_units).toBe(5);
    expect(agreement.before.percent_agreement.value).toBeCloseTo(3 / 5, 10);
    expect(agreement.disagreements.map((d) => [d.recordId, d.question])).toEqual([
      [papers[0], "q2"],
      [papers[1], "q3"],
    ]);
    // The consensus is checked against the paper's version too.
    await json(call(lead, "PUT", `${stage("appraisal")}/items/${papers[0]}/consensus`, { answers: { q3: "yes" } }), 400);
    await json(call(lead, "PUT", `${stage("appraisal")}/items/${papers[0]}/consensus`, { answers: { q2: "yes" } }), 200);
    await json(call(lead, "PUT", `${stage("appraisal")}/items/${papers[1]}/consensus`, { answers: { q3: "yes" } }), 200);

    // Scores: paper 1 with version 1's points (2 of 2), paper 2 with version 2's (6 of 6).
    const csv = await (await call(lead, "GET", `/projects/${projectId}/reports/appraisal-scores.csv`)).text();
    const rows = csv.trim().split("\r\n").map((line) => line.split(","));
    expect(rows.find((r) => r[0] === "Total")!.slice(1, 3)).toEqual(["2", "6"]);
    expect(rows.find((r) => r[0] === "Grade")!.slice(1, 3)).toEqual(["High", "High"]);

    // Choosing CASP again applies to new ratings only.
    await json(call(lead, "PUT", `/projects/${projectId}/appraisal-checklist`, { key: "casp-qualitative" }), 200);
    const current = await json<{ checklist: { key: string } }>(call(raterB, "GET", `/projects/${projectId}/appraisal-checklist`), 200);
    expect(current.checklist.key).toBe("casp-qualitative");
    await json(call(lead, "PUT", `${stage("appraisal")}/items/${papers[2]}/rating`, { answers: { q1: "yes" }, comments: {} }), 200);
    const third = await json<{ work: { checklist: string | null }[] }>(call(lead, "GET", `${stage("appraisal")}/items/${papers[2]}`), 200);
    expect(third.work.map((w) => w.checklist)).toEqual(["casp-qualitative@1"]);
    const bThird = await json<{ work: { checklist: string | null }[] }>(call(raterB, "GET", `${stage("appraisal")}/items/${papers[2]}`), 200);
    expect(bThird.work.map((w) => w.checklist)).toEqual(["peer-quality@1"]);
    const still = await json<{ work: { checklist: string | null }[] }>(call(lead, "GET", `${stage("appraisal")}/items/${papers[0]}`), 200);
    expect(still.work.map((w) => w.checklist)).toEqual(["peer-quality@1", "peer-quality@1"]);
    const after = await (await call(lead, "GET", `/projects/${projectId}/reports/appraisal-scores.csv`)).text();
    expect(after.trim().split("\r\n").map((line) => line.split(",")).find((r) => r[0] === "Total")!.slice(1, 3)).toEqual(["2", "6"]);
    // The study characteristics name the checklist the papers were appraised with, not the one chosen for new ones.
    const studies = await (await call(lead, "GET", `/projects/${projectId}/reports/study-characteristics.csv`)).text();
    expect(studies.split("\r\n")[0]!.split(",").at(-1)).toBe("Quality (Peer-role study quality)");
  });
});
