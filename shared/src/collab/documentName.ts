// The one place that builds and parses WebSocket document names. Every collaborative
// document has an address; its name is what the provider sends and what the update log is
// keyed by. Parsing is strict: anything Concord could not have built is null, so a forged
// or mistyped name never reaches a policy check as something it resembles.
//
//   <documentId>                      the transcript text (names of existing data, unchanged)
//   <documentId>/layer/<coderId>      one coder's codings of that transcript
//   <documentId>/round                that transcript's coding round: when it last changed (server-written)
//   project/<projectId>/codebook      the project's codebook
//   project/<projectId>/threads       the project's discussion threads (reserved)
//   project/<projectId>/review/<stage>/rater/<raterId>   one rater's own work at a review stage
//   project/<projectId>/review/<stage>/revealed          the stage's revealed items, everyone's work

import { STAGES, type Stage } from "../review/items";

const ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ID = new RegExp(`^${ID_PATTERN}$`);
const LAYER = new RegExp(`^(${ID_PATTERN})/layer/(${ID_PATTERN})$`);
const ROUND = new RegExp(`^(${ID_PATTERN})/round$`);
const PROJECT_DOC = new RegExp(`^project/(${ID_PATTERN})/(codebook|threads)$`);
const STAGE_PATTERN = STAGES.join("|");
const REVIEW_RATER = new RegExp(`^project/(${ID_PATTERN})/review/(${STAGE_PATTERN})/rater/(${ID_PATTERN})$`);
const REVIEW_REVEALED = new RegExp(`^project/(${ID_PATTERN})/review/(${STAGE_PATTERN})/revealed$`);

export type DocumentAddress =
  | { kind: "text"; documentId: string }
  | { kind: "layer"; documentId: string; coderId: string }
  | { kind: "round"; documentId: string }
  | { kind: "codebook"; projectId: string }
  | { kind: "threads"; projectId: string }
  | { kind: "reviewRater"; projectId: string; stage: Stage; raterId: string }
  | { kind: "reviewRevealed"; projectId: string; stage: Stage };

export type DocumentKind = DocumentAddress["kind"];

/** Whether a string has the shape of a Concord id (a lowercase UUID). */
export function isId(value: string): boolean {
  return ID.test(value);
}

export function buildDocumentName(address: DocumentAddress): string {
  switch (address.kind) {
    case "text":
      return address.documentId;
    case "layer":
      return `${address.documentId}/layer/${address.coderId}`;
    case "round":
      return `${address.documentId}/round`;
    case "codebook":
    case "threads":
      return `project/${address.projectId}/${address.kind}`;
    case "reviewRater":
      return `project/${address.projectId}/review/${address.stage}/rater/${address.raterId}`;
    case "reviewRevealed":
      return `project/${address.projectId}/review/${address.stage}/revealed`;
  }
}

/** Parses a document name, or returns null when it is not one Concord could have made. */
export function parseDocumentName(name: string): DocumentAddress | null {
  if (isId(name)) return { kind: "text", documentId: name };
  const layer = LAYER.exec(name);
  if (layer) return { kind: "layer", documentId: layer[1]!, coderId: layer[2]! };
  const round = ROUND.exec(name);
  if (round) return { kind: "round", documentId: round[1]! };
  const project = PROJECT_DOC.exec(name);
  if (project) return { kind: project[2] as "codebook" | "threads", projectId: project[1]! };
  const rater = REVIEW_RATER.exec(name);
  if (rater) return { kind: "reviewRater", projectId: rater[1]!, stage: rater[2] as Stage, raterId: rater[3]! };
  const revealed = REVIEW_REVEALED.exec(name);
  if (revealed) return { kind: "reviewRevealed", projectId: revealed[1]!, stage: revealed[2] as Stage };
  return null;
}
