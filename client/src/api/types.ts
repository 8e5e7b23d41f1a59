// Shapes of the server's JSON responses, as the client uses them.
import type { SpeakerNames, TranscriptPreview as Preview } from "@concord/shared/transcript/preview";

export type { SpeakerNames };

export const ROLES = ["lead", "supervisor", "consultant", "rater", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type User = { id: string; email: string; name: string; emailVerified: boolean };

/** What the server offers: whether it sends email (address confirmation, password reset). */
export type AuthOptions = { email: boolean };

/** A "check your email" answer: what to do next, in plain words. */
export type Pending = { message: string };

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null; expiresAt: string };

/** A new token: the secret is in the answer this once. */
export type NewApiToken = ApiToken & { token: string };

/** Adding someone by email whose address has no confirmed account emails them an invitation. */
export type EmailedInvitation = { email: string; role: Role; expiresAt: string };

export type ProjectSummary = { id: string; title: string; role: Role; createdAt: string };

/** `email` is sent to the project's leads only. */
export type Member = { userId: string; name: string; email?: string; role: Role };

export type ProjectDetail = ProjectSummary & { members: Member[]; collab: { name: string; kind: "codebook" | "threads" }[] };

/** The roles an invitation link may carry (never lead; a co-lead is added by email). */
export { LINK_ROLES, type LinkRole } from "@concord/shared/project/roles";

/** An invitation link as the project's leads see it in the list. */
export type InvitationSummary = {
  id: string;
  role: Role;
  maxUses: number;
  uses: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
};

/** A link just made: the only time its address is shown. */
export type Invitation = InvitationSummary & { url: string; token: string };

export type InvitationInfo = { projectId: string; projectTitle: string; role: Role };

export type DocumentSummary = {
  id: string;
  projectId: string;
  title: string;
  kind: string;
  createdAt: string;
  updatedAt: string;
  /** Words of the current text (speaker labels not counted). */
  words: number;
  /** The participant's pseudonym from the speaker names; null when it cannot be told. */
  participant: string | null;
  /** The last person whose edit was stored; the creator until someone edits. */
  lastChangedBy: { id: string; name: string };
};

/** A WebSocket document the caller may open (from the server's `collab` listing; never build names yourself). */
export type CollabDocument =
  | { name: string; kind: "text" }
  | { name: string; kind: "layer"; coderId: string }
  | { name: string; kind: "codebook" }
  | { name: string; kind: "threads" };
export type DocumentDetail = DocumentSummary & { role: Role; readOnly: boolean; collab: CollabDocument[] };

/** POST /api/projects/:projectId/documents/preview: the transcript as it would be stored. */
export type TranscriptPreview = Preview & { characters: number; limit: number };

/** GET /api/documents/:documentId/blind: a transcript's blind double coding round. */
export type BlindRound = {
  documentId: string;
  status: "blind" | "revealed";
  coders: { id: string; name: string; done: boolean; doneAt: string | null }[];
  startedBy: string;
  startedAt: string;
  revealedAt: string | null;
  revealedBy: string | null;
  /** Revealed because every coder marked it done. */
  revealedAutomatically: boolean;
  leadMayWatch: boolean;
};

/** GET|PATCH /api/projects/:projectId/settings. */
export type ProjectSettings = { leadMayWatchBlindCoding: boolean };

/** A statistic of the agreement engine: a value (with its label) or the reason it is undefined. */
export type Statistic = { value: number; se: number | null; ci: [number, number] | null; label?: string } | { value: null; reason: string };

/** A disagreement between two coders (or one coder's coding the other did not match), to jump to and settle. */
export type CodingDisagreement = {
  key: string;
  code: string;
  coders: string[];
  codings: { id: string; coder: string; code: string; start: number; end: number; text: string }[];
  overlap: number;
};

export type Settlement = {
  id: string;
  codingIds: string[];
  action: "keep_one" | "keep_both" | "merge" | "drop";
  kept: string | null;
  note: string;
  settledBy: { id: string; name: string };
  settledAt: string;
};

type AgreementFigures = Record<string, Statistic | number | unknown>;

/** GET /api/documents/:documentId/agreement?unit=…&threshold=…: statistics in the agreement engine's JSON shape. */
export type DocumentAgreement = {
  unit: "character" | "word" | "sentence" | "turn";
  threshold: number;
  coders: string[];
  people: { id: string; name: string }[];
  n_units: number;
  per_code: Record<string, AgreementFigures>;
  overall: AgreementFigures;
  disagreements: CodingDisagreement[];
  settled: Settlement[];
  at_reveal: { takenAt: string; per_code: Record<string, AgreementFigures>; overall: AgreementFigures } | null;
  after_settling: { takenAt: string; per_code: Record<string, AgreementFigures>; overall: AgreementFigures } | null;
};

/** A code as GET|POST|PATCH /api/projects/:projectId/codes answers it. */
export type CodeSummary = {
  id: string;
  name: string;
  description: string;
  color: string;
  level: "initial" | "focused" | "category" | "concept";
  parentId: string | null;
  deleted: boolean;
  mergedInto: string | null;
  counts?: { codings: number; documents: number; coders: number };
};

/** POST /api/documents/:documentId/codings: a coding placed in the current text. */
export type CodingSummary = { id: string; codeId: string; start: number; end: number; text: string; orphaned: boolean; note: string };
