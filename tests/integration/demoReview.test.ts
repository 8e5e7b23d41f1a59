// The demo project's review (issue 9 §7), as a newcomer opens it: the thesis's agreement
// figures — title and abstract 100%; full text 80% before and 100% after; CASP 97.2% before
// and 100% after — a PRISMA diagram of twelve included studies, and Table 5's scores.
import { afterAll, beforeAll, expect, test } from "vitest";
import { api, discard, startServer, type ServerProcess } from "../helpers/server";

let server: ServerProcess;
let token: string;
let projectId: string;

async function ok<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  const body = await answer.text();
  expect(answer.status, body).toBe(200);
  return (answer.headers.get("content-type")?.includes("json") ? JSON.parse(body) : body) as T;
}

beforeAll(async () => {
  server = await startServer({ env: { CONCORD_DEMO: "on" } });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "lead@example.org", password: "concord-demo" }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const created = await fetch(`${server.url}/api/tokens`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ name: "demo test" }) });
  token = ((await created.json()) as { token: string }).token;
  const { projects } = await ok<{ projects: { id: string; title: string }[] }>(api(server.url, token, "GET", "/projects"));
  projectId = projects.find((p) => p.title.includes("(demo)"))!.id;
});

afterAll(async () => {
  await discard(server);
});

type Agreement = { before: { percent_agreement: { value: number } }; after: { percent_agreement: { value: number } }; disagreements: unknown[] };
const agreement = (stage: string) => ok<Agreement>(api(server.url, token, "GET", `/projects/${projectId}/stages/${stage}/agreement`));

test("the demo review reproduces the thesis's agreement before and after discussion", async () => {
  const abstracts = await agreement("title_abstract");
  expect(abstracts.before.percent_agreement.value).toBe(1);
  const fullText = await agreement("full_text");
  expect(fullText.before.percent_agreement.value).toBeCloseTo(0.8, 10);
  expect(fullText.after.percent_agreement.value).toBe(1);
  expect(fullText.disagreements).toHaveLength(1);
  const casp = await agreement("appraisal");
  expect(casp.before.percent_agreement.value).toBeCloseTo(35 / 36, 10);
  expect(Math.round(casp.before.percent_agreement.value * 1000) / 10).toBe(97.2);
  expect(casp.after.percent_agreement.value).toBe(1);
});

test("the demo review has a PRISMA diagram of twelve included studies and Table 5's scores", async () => {
  const { counts, inconsistencies } = await ok<{ counts: { studiesIncluded: number; main: { databases: unknown[]; duplicatesRemoved: number } }; inconsistencies: string[] }>(
    api(server.url, token, "GET", `/projects/${projectId}/prisma`),
  );
  expect(counts.studiesIncluded).toBe(12);
  expect(counts.main.databases).toHaveLength(5);
  expect(counts.main.duplicatesRemoved).toBe(10);
  expect(inconsistencies).toEqual([]);
  const csv = await ok<string>(api(server.url, token, "GET", `/projects/${projectId}/reports/appraisal-scores.csv`));
  const total = csv.split("\r\n").find((line) => line.startsWith("Total"));
  expect(total).toBe("Total,7,7,6.5,7.5,7.5,7,5.5,9,9,9,8,8");
});

test("the demo's twelve included studies have their characteristics filled in", async () => {
  const csv = await ok<string>(api(server.url, token, "GET", `/projects/${projectId}/reports/study-characteristics.csv`));
  const rows = csv.trim().split("\r\n").slice(1);
  expect(rows).toHaveLength(12);
  // Every row has an aim, a sample, a setting, data collection, analysis and key concepts.
  for (const row of rows) expect(row).toMatch(/To explore how peer workers experience/);
  expect(rows[0]).toMatch(/\(\d{4}\), UK/);
});
