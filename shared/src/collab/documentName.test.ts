import { describe, expect, it } from "vitest";
import { buildDocumentName, parseDocumentName, type DocumentAddress } from "./documentName";

const A = "0b7e6a52-3c1d-4f7e-9a0b-1c2d3e4f5a6b";
const B = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

describe("document names", () => {
  it("round-trips every kind of address", () => {
    const addresses: DocumentAddress[] = [
      { kind: "text", documentId: A },
      { kind: "layer", documentId: A, coderId: B },
      { kind: "round", documentId: B },
      { kind: "codebook", projectId: A },
      { kind: "threads", projectId: B },
      { kind: "reviewRater", projectId: A, stage: "full_text", raterId: B },
      { kind: "reviewRevealed", projectId: B, stage: "appraisal" },
    ];
    for (const address of addresses) expect(parseDocumentName(buildDocumentName(address))).toEqual(address);
  });

  it("keeps the transcript's name its bare id, as stored before layers existed", () => {
    expect(buildDocumentName({ kind: "text", documentId: A })).toBe(A);
    expect(buildDocumentName({ kind: "layer", documentId: A, coderId: B })).toBe(`${A}/layer/${B}`);
    expect(buildDocumentName({ kind: "codebook", projectId: A })).toBe(`project/${A}/codebook`);
  });

  it("parses anything Concord could not have built to null", () => {
    const forgeries = [
      "",
      A.toUpperCase(),
      `${A} `,
      ` ${A}`,
      `${A}/layer/`,
      `project/${A}/review/screening/rater/${B}`,
      `project/${A}/review/full_text/rater/${B}/`,
      `project/${A}/review/full_text/revealed/${B}`,
      `${A}/layer/${B}/`,
      `${A}/round/`,
      `${A}/round/${B}`,
      `${A}/Round`,
      `project/${A}/round`,
      `${A}/layer/${B}/layer/${A}`,
      `${A}/Layer/${B}`,
      `${A}//layer/${B}`,
      `${A}/layer/${B.slice(1)}`,
      `${A}/layers/${B}`,
      `${A}/codebook`,
      `project/${A}`,
      `project/${A}/codebook/`,
      `project/${A}/notes`,
      `project/${A}/layer/${B}`,
      `project/../${A}/codebook`,
      `Project/${A}/codebook`,
      `project/${A}/codebook\n`,
      `${A}/layer/${B}\u0000`,
      `${A}%2Flayer%2F${B}`,
    ];
    for (const name of forgeries) expect(parseDocumentName(name), JSON.stringify(name)).toBeNull();
  });
});
