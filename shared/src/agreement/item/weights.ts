// Agreement weights for weighted kappa and AC2: w[k][l] in [0, 1], 1 = full credit.
import { AgreementInputError } from "../errors";
import type { ItemOptions } from "../types";
import type { NormalisedTable } from "./table";

export interface WeightMatrix {
  /** Row-major q×q. */
  w: Float64Array;
  name: string;
}

/** Identity weights: the unweighted coefficients. */
export function identityWeights(q: number): WeightMatrix {
  const w = new Float64Array(q * q);
  for (let k = 0; k < q; k++) w[k * q + k] = 1;
  return { w, name: "unweighted" };
}

function explicitWeights(m: number[][], q: number): WeightMatrix {
  if (m.length !== q || m.some((row) => !Array.isArray(row) || row.length !== q)) {
    throw new AgreementInputError(`the weight matrix must be ${q}×${q}, one row and column per category`);
  }
  const w = new Float64Array(q * q);
  m.forEach((row, k) =>
    row.forEach((x, l) => {
      if (typeof x !== "number" || !Number.isFinite(x) || x < 0 || x > 1) {
        throw new AgreementInputError(`weight [${k}][${l}] must be a number from 0 to 1`);
      }
      if (k === l && x !== 1) throw new AgreementInputError(`weight [${k}][${k}] must be 1 (full credit for agreement)`);
      w[k * q + l] = x;
    }),
  );
  return { w, name: "given weight matrix" };
}

/**
 * The weights options ask for, or a reason they cannot be built. Distances come from the
 * numeric category values (weightBasis "value", the default when every category is a
 * number) or from positions in the declared order ("rank").
 */
export function weightMatrix(norm: NormalisedTable, options: ItemOptions): WeightMatrix | { reason: string } {
  const q = norm.categories.length;
  const weights = options.weights;
  if (weights === undefined) {
    return { reason: "no weights were asked for: pass weights \"linear\", \"quadratic\" or a weight matrix" };
  }
  if (Array.isArray(weights)) return explicitWeights(weights, q);
  if (weights !== "linear" && weights !== "quadratic") {
    throw new AgreementInputError(`weights must be "linear", "quadratic" or a weight matrix, not ${JSON.stringify(weights)}`);
  }
  const basis = options.weightBasis ?? (norm.numeric ? "value" : "rank");
  if (basis !== "value" && basis !== "rank") {
    throw new AgreementInputError(`weightBasis must be "value" or "rank", not ${JSON.stringify(basis)}`);
  }
  if (basis === "value" && !norm.numeric) {
    const bad = norm.categories.find((c) => typeof c !== "number" && !Number.isFinite(Number(c)));
    return {
      reason: `weightBasis "value" needs numeric categories, but ${JSON.stringify(bad)} is not a number; use weightBasis "rank"`,
    };
  }
  if (basis === "rank" && !norm.orderKnown) {
    return { reason: "rank weights need the category order: declare the categories in order" };
  }
  if (q < 2) return { reason: "weights need at least two categories" };
  const x = basis === "value" && norm.numeric ? norm.numeric : Float64Array.from(norm.categories, (_, i) => i);
  const span = Math.max(...x) - Math.min(...x);
  const w = new Float64Array(q * q);
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const d = span === 0 ? 0 : Math.abs((x[k] as number) - (x[l] as number)) / span;
      w[k * q + l] = weights === "linear" ? 1 - d : 1 - d * d;
    }
  }
  return { w, name: `${weights} weights on category ${basis === "value" ? "values" : "ranks"}` };
}

export function weightSum(wm: WeightMatrix): number {
  let s = 0;
  for (const x of wm.w) s += x;
  return s;
}
