import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AgreementInputError } from "../errors";
import { CliUsageError, parseArgs } from "./args";
import { parseCsv } from "./csv";
import { AgreementFileError } from "./errors";
import { agreementFromJson, readAgreementBody } from "./fromJson";
import { runCli } from "./run";

const STAT_KEYS = [
  "percent_agreement",
  "cohen_kappa",
  "weighted_kappa",
  "scott_pi",
  "fleiss_kappa",
  "krippendorff_alpha",
  "gwet_ac1",
  "gwet_ac2",
  "brennan_prediger",
];

/** Every statistic is {value, se, ci} or {value: null, reason}. */
function expectStatisticShapes(report: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const stat = report[key] as Record<string, unknown>;
    if (stat.value === null) expect(stat).toEqual({ value: null, reason: expect.any(String) });
    else expect(stat).toMatchObject({ value: expect.any(Number), se: expect.toSatisfy((v) => v === null || typeof v === "number") });
  }
}

describe("parseArgs", () => {
  it("reads every option", () => {
    expect(
      parseArgs(["f.csv", "--level", "ordinal", "--weights=quadratic", "--weight-basis", "rank", "--categories", "No,Can't tell,Yes", "--bootstrap", "200", "--seed", "7", "--json"]),
    ).toEqual({
      file: "f.csv",
      json: true,
      options: { level: "ordinal", weights: "quadratic", weightBasis: "rank", bootstrap: 200, seed: 7 },
      categories: ["No", "Can't tell", "Yes"],
    });
  });

  it("refuses unknown options, bad values and a missing file", () => {
    expect(() => parseArgs(["f.csv", "--colour"])).toThrow(/unknown option --colour/);
    expect(() => parseArgs(["f.csv", "--level", "fuzzy"])).toThrow(CliUsageError);
    expect(() => parseArgs(["f.csv", "--bootstrap", "ten"])).toThrow(/whole number/);
    expect(() => parseArgs(["f.csv", "--level"])).toThrow(/needs a value/);
    expect(() => parseArgs(["--json"])).toThrow(/no input file/);
  });
});

describe("parseCsv", () => {
  it("keeps category names, treats empty cells as missing and all-numeric data as numbers", () => {
    const { table } = parseCsv("id,a,b\n1,Yes,No\n2,,Yes\n", "nominal");
    expect(table).toEqual({ unitIds: ["1", "2"], raterIds: ["a", "b"], ratings: [["Yes", "No"], [null, "Yes"]] });
    expect(parseCsv("id,a,b\n1,1,2.5\n2,3,\n", "nominal").table.ratings).toEqual([[1, 2.5], [3, null]]);
    expect(parseCsv("id,a,b\n1,1,x\n2,3,4\n", "nominal").table.ratings).toEqual([["1", "x"], ["3", "4"]]);
  });

  it("names the file line and column of a bad cell", () => {
    expect(() => parseCsv("id,a,b\n\n1,1,2\n2,3,x\n", "interval")).toThrow(/line 4, column 3: "x" is not a number/);
    expect(() => parseCsv("id,a,b\n1,1,2\n2,3\n", "nominal")).toThrow(/line 3, column 3: .*ragged/);
    expect(() => parseCsv("id,a,b\n1,1,2\n", "nominal")).toThrow(/only one unit/);
    expect(() => parseCsv("", "nominal")).toThrow(/empty/);
    expect(() => parseCsv('id,a,b\n1,"1,2\n', "nominal")).toThrow(AgreementFileError);
  });
});

describe("agreementFromJson", () => {
  it("computes the item report from rater arrays", () => {
    const report = agreementFromJson({ raters: [["a", "b", "a", null], ["a", "b", "b", "a"]] }) as unknown as Record<string, unknown>;
    expect(report).toMatchObject({ n_units: 4, n_raters: 2 });
    expectStatisticShapes(report, STAT_KEYS);
  });

  it("computes the unitizing report from segments", () => {
    const report = agreementFromJson({
      length: 20,
      segments: [
        { coder: "A", code: "X", start: 0, end: 5 },
        { coder: "B", code: "X", start: 1, end: 5 },
      ],
    });
    expect(Object.keys(report).sort()).toEqual(["Cu_alpha", "boundary_u_alpha", "cu_alpha", "per_code", "u_alpha"]);
  });

  it("names the rater and index of a bad rating", () => {
    expect(() => readAgreementBody({ raters: [[1, 2], [1, true]] })).toThrow(/raters\[1\]\[1\]/);
    expect(() => readAgreementBody({ raters: [[1, 2], [1, 2, 3]] })).toThrow(/raters\[1\] has 3 ratings/);
    expect(() => readAgreementBody({ raters: [[1, "x"], [1, 2]] }, "ratio")).toThrow(/raters\[0\]\[1\] \(rater 1, unit 2\)/);
    expect(() => readAgreementBody({ raters: [[1]] })).toThrow(/two raters/);
    expect(() => readAgreementBody([1, 2])).toThrow(AgreementInputError);
    expect(() => readAgreementBody({ length: 5, segments: [{ coder: "A", code: "X", start: -1, end: 2 }] })).toThrow(/segments\[0\]\.start/);
  });
});

describe("runCli", () => {
  const files: Record<string, string> = {
    "ok.csv": "id,a,b\n1,Yes,Yes\n2,No,No\n3,Yes,No\n",
    "bad.json": '{"raters": [[1, 2]',
    "outside.json": '{"length": 10, "segments": [{"coder": "A", "code": "X", "start": 2, "end": 12}, {"coder": "B", "code": "X", "start": 0, "end": 3}]}',
  };
  const read = (path: string) => {
    if (!(path in files)) throw new Error("no such file");
    return files[path]!;
  };

  it("prints an aligned table with labels and reasons", () => {
    const result = runCli(["ok.csv"], read);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 units, 2 raters, nominal level/);
    expect(result.stdout).toMatch(/Cohen's kappa +0\.400 +\[.*\] +fair \(Landis & Koch\)/);
    expect(result.stdout).toMatch(/weighted kappa +— +.*no weights/);
  });

  it("exits 2 with a located message for bad input", () => {
    expect(runCli(["bad.json"], read)).toMatchObject({ code: 2, stderr: expect.stringMatching(/invalid JSON/) });
    expect(runCli(["outside.json"], read)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Segment 1 .*outside the text/) });
    expect(runCli(["missing.csv"], read)).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read missing\.csv/) });
    expect(runCli(["ok.csv", "--nope"], read)).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown option --nope/) });
  });
});

// Spawning tsx costs 1–3 s on a loaded machine: a few runs end to end, the rest in-process.
describe("pnpm agreement end to end", { timeout: 30_000 }, () => {
  const main = fileURLToPath(new URL("../../../bin/agreement.ts", import.meta.url));
  const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8", timeout: 30_000 });

  it("prints the item report as JSON", () => {
    const result = run(fixture("casp.csv"), "--json", "--level", "ordinal", "--categories", "No,Cant tell,Yes", "--weights", "linear");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ n_units: 8, n_raters: 2 });
    expectStatisticShapes(report, STAT_KEYS);
    expect(report.weighted_kappa).toMatchObject({ value: expect.any(Number) });
  });

  it("prints the unitizing report as JSON", () => {
    const result = run(fixture("segments.json"), "--json");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(["Cu_alpha", "boundary_u_alpha", "cu_alpha", "per_code", "u_alpha"]);
    expect(report).toEqual(agreementFromJson(JSON.parse(readFileSync(fixture("segments.json"), "utf8"))));
  });

  it.each([
    ["ragged.csv", [], /line 3, column 4/],
    ["text-interval.csv", ["--level", "interval"], /line 3, column 3/],
    ["one-unit.csv", [], /one unit/],
    ["empty.csv", [], /empty/],
    ["invalid.json", [], /invalid JSON/],
    ["bad-rater.json", [], /raters\[1\]\[1\]/],
    ["casp.csv", ["--frobnicate"], /unknown option/],
  ] as const)("exits 2 for %s %j", (name, extra, message) => {
    const result = runCli([fixture(name), ...extra], (path) => readFileSync(path, "utf8"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it.each([
    ["ragged.csv", [], /line 3, column 4/],
    ["invalid.json", [], /invalid JSON/],
    ["casp.csv", ["--frobnicate"], /unknown option/],
  ] as const)("spawned, exits 2 for %s %j", (name, extra, message) => {
    const result = run(fixture(name), ...extra);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
