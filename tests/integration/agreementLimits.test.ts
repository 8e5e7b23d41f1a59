// POST /api/agreement computes in a worker within limits: requests beyond what real studies
// use are refused at once with a clear 400, and the server keeps serving while it computes.
import { afterAll, beforeAll, expect, test } from "vitest";
import { whileCheckingHealth } from "../helpers/health";
import { api, discard, signUp, startServer, type ServerProcess, type TestUser } from "../helpers/server";

let server: ServerProcess;
let rater: TestUser;

beforeAll(async () => {
  server = await startServer();
  rater = await signUp(server.url, "Rater");
});

afterAll(async () => {
  if (server) await discard(server);
});

test("8,000 distinct categories in a small body are refused with a 400 while health answers", async () => {
  const a = Array.from({ length: 8_000 }, (_, i) => `c${i}`);
  const result = await whileCheckingHealth(server.url, () => api(server.url, rater.token, "POST", "/agreement", { raters: [a, [...a].reverse()] }));
  expect(result.status).toBe(400);
  expect(result.body.error?.message).toMatch(/8,000 distinct categories/);
  expect(result.order).toEqual(["health", "request"]);
});

test("a million bootstrap resamples are refused; ten thousand are computed", async () => {
  const body = { raters: [[1, 2, 3, 3, 2, 1], [1, 2, 3, 2, 2, 1]] };
  const tooMany = await api(server.url, rater.token, "POST", "/agreement?level=interval&bootstrap=1000000&seed=1", body);
  expect(tooMany.status).toBe(400);
  const fine = await api(server.url, rater.token, "POST", "/agreement?level=interval&bootstrap=10000&seed=1", body);
  expect(fine.status).toBe(200);
  const report = (await fine.json()) as { krippendorff_alpha: { ci_method: string } };
  expect(report.krippendorff_alpha.ci_method).toMatch(/bootstrap/);
});

test("the limits leave room for real studies: the largest item input allowed is computed within the deadline", async () => {
  // 100,000 units × 10 raters at the category limit: the heaviest item input allowed.
  const raters = Array.from({ length: 10 }, (_, r) => Array.from({ length: 100_000 }, (_, u) => `c${(u * (r + 1)) % 1_000}`));
  const response = await api(server.url, rater.token, "POST", "/agreement", { raters });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ n_units: 100_000, n_raters: 10 });
});
