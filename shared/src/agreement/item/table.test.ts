import { describe, expect, it } from "vitest";
import { AgreementInputError } from "../errors";
import { rows } from "./fixtures/published";
import { itemAgreement } from "./index";
import { normaliseTable } from "./table";

function thrown(f: () => unknown): AgreementInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AgreementInputError);
    return e as AgreementInputError;
  }
  throw new Error("expected an AgreementInputError");
}

describe("rating table validation", () => {
  it("rejects a ragged row with its unit index", () => {
    const e = thrown(() => itemAgreement({ unitIds: ["a", "b"], raterIds: ["r1", "r2"], ratings: [["x", "y"], ["x"]] }));
    expect(e).toMatchObject({ row: 1, column: 1 });
    expect(e.message).toMatch(/unit 2 has 1 ratings but there are 2 raters/);
  });

  it("rejects fewer than two raters", () => {
    expect(thrown(() => itemAgreement({ unitIds: ["a"], raterIds: ["r1"], ratings: [["x"]] })).message).toMatch(/at least 2 raters/);
  });

  it("rejects a table without units and mismatched unit ids", () => {
    thrown(() => itemAgreement({ unitIds: [], raterIds: ["r1", "r2"], ratings: [] }));
    thrown(() => itemAgreement({ unitIds: ["a"], raterIds: ["r1", "r2"], ratings: [["x", "y"], ["x", "y"]] }));
  });

  it("rejects a non-numeric rating at interval level with its cell", () => {
    const e = thrown(() => itemAgreement(rows([[1, 2], [3, "high"]]), { level: "interval" }));
    expect(e).toMatchObject({ row: 1, column: 1 });
  });

  it("rejects negative values at ratio level", () => {
    expect(thrown(() => itemAgreement(rows([[1, -2]]), { level: "ratio" }))).toMatchObject({ row: 0, column: 1 });
  });

  it("rejects ratings outside the declared categories, NaN and empty strings", () => {
    expect(thrown(() => itemAgreement(rows([["Yes", "Maybe"]], ["Yes", "No"])))).toMatchObject({ row: 0, column: 1 });
    expect(thrown(() => itemAgreement(rows([[1, Number.NaN]])))).toMatchObject({ row: 0, column: 1 });
    expect(thrown(() => itemAgreement(rows([["", "a"]])))).toMatchObject({ row: 0, column: 0 });
  });

  it("rejects duplicate categories and malformed weight matrices", () => {
    thrown(() => itemAgreement(rows([["a", "a"]], ["a", "b", "a"])));
    thrown(() => itemAgreement(rows([["a", "b"]], ["a", "b"]), { weights: [[1, 0]] }));
    thrown(() => itemAgreement(rows([["a", "b"]], ["a", "b"]), { weights: [[0.5, 0], [0, 1]] }));
  });

  it("rejects unknown levels, weight schemes and weight bases", () => {
    const data = rows([["a", "b"], ["a", "a"]], ["a", "b"]);
    thrown(() => itemAgreement(data, { level: "circular" as never }));
    thrown(() => itemAgreement(data, { weights: "cubic" as never }));
    thrown(() => itemAgreement(data, { weights: "linear", weightBasis: "position" as never }));
  });

  it("rejects a bad resample count", () => {
    thrown(() => itemAgreement(rows([["a", "b"], ["a", "a"]]), { bootstrap: 1.5 }));
  });
});

describe("normalisation", () => {
  it("keeps the declared order, including unused categories", () => {
    const n = normaliseTable(rows([["Yes", "No"]], ["Yes", "Can't tell", "No"]));
    expect(n.categories).toEqual(["Yes", "Can't tell", "No"]);
    expect(Array.from(n.codes)).toEqual([0, 2]);
    expect(n.orderKnown).toBe(true);
  });

  it("sorts undeclared numeric categories and matches numbers with numeric strings", () => {
    const n = normaliseTable(rows([[3, "1"], [1, 2]]));
    expect(n.categories).toEqual(["1", 2, 3]); // the first spelling seen names the category
    expect(Array.from(n.codes)).toEqual([2, 0, 0, 1]);
    expect(n.numeric && Array.from(n.numeric)).toEqual([1, 2, 3]);
  });

  it("marks undeclared names as of unknown order", () => {
    expect(normaliseTable(rows([["b", "a"]])).orderKnown).toBe(false);
  });
});
