// Shapes of the server's JSON responses, as the client uses them.
import type { Checklist } from "@concord/shared/appraisal/checklist";
import type { StudyField } from "@concord/shared/review/reportTables";
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
  | { name: string; kind: "round" }
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

export type AgreementFigures = Record<string, Statistic | number | unknown>;

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

/** A review stage: two of screening, then appraisal. */
export type ReviewStage = "title_abstract" | "full_text" | "appraisal";
export type Decision = "include" | "exclude" | "maybe";

/** A bibliographic record as listed. */
export type BibRecord = {
  id: string;
  title: string | null;
  year: number | null;
  doi: string | null;
  authors: string[];
  source: string;
  journal: string | null;
  abstract: string | null;
  duplicateOf: string | null;
};

export type RecordImport = { imported: number; duplicates: number; flagged: unknown[] };

export type Criterion = { id: string; text: string; keywords: string[] };
export type Criteria = { inclusion: Criterion[]; exclusion: Criterion[] };

export type { Checklist, ChecklistDefinition, Question } from "@concord/shared/appraisal/checklist";

/** One of the project's appraisal checklists, with its versions (oldest first). */
export type ChecklistSummary = {
  key: string;
  name: string;
  builtIn: boolean;
  current: boolean;
  versions: { version: number; name: string; createdAt: string | null; createdBy: { id: string; name: string } | null }[];
};

export type Person = { id: string; name: string };

/** A review item as the signed-in person may see it: their own work, everyone's once revealed. */
export type ReviewItem = {
  recordId: string;
  stage: ReviewStage;
  raters: Person[];
  revealed: boolean;
  work: {
    rater: Person;
    answers: Record<string, string>;
    comments: Record<string, string>;
    submitted: boolean;
    revised: { answers: Record<string, string>; at: string } | null;
    /** Appraisal: the checklist version the answers were given against (`key@version`). */
    checklist?: string | null;
  }[];
  consensus: { answers: Record<string, string>; decidedBy: Person; decidedAt: string } | null;
  collab: { own: string | null; revealed: string };
};

export type ReviewAssignment = {
  user: Person;
  mode: "all" | "percent" | "count";
  percent: number | null;
  count: number | null;
  seed: number | null;
  poolSize: number;
  recordIds: string[] | null;
};

/** The checklist a stage is appraised with, named `key@version`; null at the screening stages. */
export type ReviewChecklist = { ref: string; definition: Checklist } | null;

type StageFigures = { percent_agreement: Statistic; cohen_kappa: Statistic; gwet_ac1?: Statistic; n_units: number };

export type ReviewAgreement = {
  before: StageFigures | null;
  after: StageFigures | null;
  reason: string | null;
  /** Appraisal: the same figures for each scored checklist question alone; empty when screening. */
  per_question: { question: string; before: StageFigures | null; after: StageFigures | null; reason: string | null }[];
  items: { assigned: number; revealed: number; withConsensus: number; disagreeing: number };
  disagreements: {
    recordId: string;
    title: string | null;
    question: string;
    answers: { rater: Person; answer: string | null; reason: string | null; comment: string | null }[];
    consensus: { answer: string; decidedBy: Person; decidedAt: string } | null;
    threadId: string | null;
  }[];
};

/** A labelled count of the PRISMA diagram (a source, an exclusion reason). */
export type PrismaCount = { label: string; n: number };

/** GET /api/projects/:id/prisma: the flow diagram's counts and where they do not add up yet. */
export type PrismaReport = {
  counts: {
    main: { databases: PrismaCount[]; duplicatesRemoved: number; screened: number; screenedExcluded: number; sought: number; notRetrieved: number; assessed: number; excludedWithReasons: PrismaCount[] };
    other: { identified: PrismaCount[]; sought: number; notRetrieved: number; assessed: number } | null;
    studiesIncluded: number;
  };
  inconsistencies: string[];
};

/** What a thread is about, with a span placed in the current text (offsets into GET /api/documents/:id/text). */
export type ThreadAnchor =
  | { kind: "span"; documentId: string; start: number; end: number; text: string; orphaned: boolean }
  | { kind: "code"; codeId: string }
  | { kind: "coding"; documentId: string; codingId: string }
  | { kind: "codingDisagreement"; documentId: string; codingIds: string[] }
  | { kind: "ratingDisagreement"; stage: ReviewStage; recordId: string; question?: string };

export type ThreadMessage = { id: string; author: Person; body: string; mentions: Person[]; createdAt: string };

/** GET /api/projects/:projectId/threads: a discussion thread the caller may see. */
export type Thread = {
  id: string;
  anchor: ThreadAnchor;
  createdBy: Person;
  createdAt: string;
  resolved: { by: Person; at: string } | null;
  messages: ThreadMessage[];
};

/** What a new thread is anchored to, as POST /api/projects/:projectId/threads takes it. */
export type NewThreadAnchor =
  | { documentId: string; start: number; end: number }
  | { documentId: string; position: { start: string; end: string } }
  | { codeId: string }
  | { codingId: string }
  | { disagreement: { documentId: string; codingIds: string[] } };

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

/** GET /api/projects/:projectId/codes/:codeId/segments: a coding of the code, in any transcript, as the text is now. */
export type CodeSegment = { codingId: string; documentId: string; coder: Person; start: number; end: number; text: string; orphaned: boolean };

/** GET|POST /api/documents/:documentId/codings: a coding the caller may see, placed in the current text. */
export type CodingSummary = { id: string; codeId: string; documentId: string; coder: Person; start: number; end: number; text: string; orphaned: boolean; note: string };

/** An included study's extraction fields for the study-characteristics table. */
export type StudyExtraction = {
  recordId: string;
  number: number;
  fields: Record<StudyField, string>;
  updatedBy: { id: string; name: string } | null;
  updatedAt: string | null;
};

/** A full text sought but not retrieved. */
export type ReportNotRetrieved = { recordId: string; note: string; markedBy: { id: string; name: string }; markedAt: string };
