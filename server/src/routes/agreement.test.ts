import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing";
import { boundaryUnitizingAlpha } from "@concord/shared/agreement/text/index";

let t: TestApp;
beforeEach(async () => (t = await createTestApp()));
afterEach(async () => t.close());

// Cohen (1960)-style two-rater data: 10 units, 8 agreements.
const RATERS = {
  raters: [
    ["yes", "yes", "no", "no", "yes", "yes", "no", "yes", "no", "yes"],
    ["yes", "yes", "no", "yes", "yes", "yes", "no", "no", "no", "yes"],
  ],
};

describe("POST /api/agreement", () => {
  it("reports every statistic for two raters, as the CLI's JSON does", async () => {
    const me = await t.signUp("Rater");
    const response = await t.call("POST", "/api/agreement", RATERS, me.cookie);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Record<string, { value: number | null; reason?: string; ci?: number[] }>;
    expect(report).toMatchObject({ n_units: 10, n_raters: 2 });
    expect(report.percent_agreement!.value).toBeCloseTo(0.8, 10);
    // kappa = (0.8 - 0.52) / (1 - 0.52) with margins 6/4 and 6/4.
    expect(report.cohen_kappa!.value).toBeCloseTo(0.28 / 0.48, 10);
    expect(report.cohen_kappa!.ci).toHaveLength(2);
    expect(report.weighted_kappa!.value).toBeNull();
    expect(report.weighted_kappa!.reason).toBeTruthy();
  });

  it("takes the CLI's options as query parameters", async () => {
    const me = await t.signUp("Rater");
    const body = { raters: [[1, 2, 3, 3, 2], [1, 2, 3, 2, 2]] };
    const response = await t.call("POST", "/api/agreement?level=ordinal&weights=quadratic", body, me.cookie);
    const report = (await response.json()) as Record<string, { value: number | null }>;
    expect(report.weighted_kappa!.value).not.toBeNull();
    expect(report.gwet_ac2!.value).not.toBeNull();
  });

  it("computes unitizing alpha for coded text", async () => {
    const me = await t.signUp("Coder");
    const body = {
      length: 100,
      segments: [
        { coder: "a", code: "Feeling unworthy", start: 10, end: 40 },
        { coder: "b", code: "Feeling unworthy", start: 12, end: 40 },
      ],
    };
    const report = (await (await t.call("POST", "/api/agreement", body, me.cookie)).json()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["u_alpha", "cu_alpha", "Cu_alpha", "per_code", "boundary_u_alpha"]));
    // Beside the 2016 form, the 1995/2004 boundary-distance form, pooled and per code.
    const expected = boundaryUnitizingAlpha(body);
    expect(report.boundary_u_alpha).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.pooled.value).toBeGreaterThan(0.9);
    expect(expected.per_code["Feeling unworthy"]!.value).toBe(expected.pooled.value);
  });

  it("answers bad input with a clear 400 and anonymous callers with 401", async () => {
    const me = await t.signUp("Rater");
    const ragged = await t.call("POST", "/api/agreement", { raters: [["a", "b"], ["a"]] }, me.cookie);
    expect(ragged.status).toBe(400);
    expect(((await ragged.json()) as { error: { message: string } }).error.message).toMatch(/raters\[1\]/);
    const badLevel = await t.call("POST", "/api/agreement?level=fuzzy", RATERS, me.cookie);
    expect(badLevel.status).toBe(400);
    expect((await t.call("POST", "/api/agreement", RATERS)).status).toBe(401);
  });
});

describe("POST /api/agreement within limits", () => {
  it("refuses more distinct categories than real studies use, with a clear 400", async () => {
    const me = await t.signUp("Rater");
    // The attack that stalled the server for 31 s: a small body naming 8,000 categories.
    const a = Array.from({ length: 8_000 }, (_, i) => `c${i}`);
    const response = await t.call("POST", "/api/agreement", { raters: [a, [...a].reverse()] }, me.cookie);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/8,000 distinct categories.*1,000/);
  });

  it("refuses a million bootstrap resamples and says where the limit is", async () => {
    const me = await t.signUp("Rater");
    const response = await t.call("POST", "/api/agreement?bootstrap=1000000", RATERS, me.cookie);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/bootstrap resamples.*10,000/);
  });

  it("refuses a body that is not JSON with a 400, parsed off the event loop", async () => {
    const me = await t.signUp("Rater");
    const response = await t.app.request("/api/agreement", {
      method: "POST",
      headers: { "content-type": "application/json", ...me.cookie },
      body: '{"raters": [["a"',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
  });
});
