// Table shapes, shared by every storage backend through Kysely. Times are ISO strings
// and binary columns are Uint8Array so the same queries run on SQLite and PostgreSQL.
import type { Generated } from "kysely";
import type { Role } from "@concord/shared";

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  /** When the person proved they receive mail at `email` (by a link); null: never. */
  email_verified_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  /** Refused from this moment on. */
  expires_at: string;
  last_used_at: string | null;
}

/** Single-use secrets sent by email: confirming an address, or resetting a password. */
export interface EmailLinksTable {
  token_hash: string;
  user_id: string;
  purpose: "verify" | "reset";
  created_at: string;
  expires_at: string;
}

export interface ProjectsTable {
  id: string;
  title: string;
  created_by: string;
  created_at: string;
  /** 1 when a lead who is not coding may watch a blind round (codings and agreement) as it happens. */
  lead_may_watch_blind_coding: Generated<number>;
  /** The key of the checklist new appraisals are given against (its latest version); null: the built-in CASP. */
  appraisal_checklist: string | null;
}

export interface MembershipsTable {
  project_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitationsTable {
  /** The public handle for listing and revoking; the link's secret is only ever stored hashed. */
  id: string;
  token_hash: string;
  project_id: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
  /** How many people may join through the link (1 unless the lead chose more). */
  max_uses: number;
  use_count: number;
  revoked_at: string | null;
}

/** Who joined through which link, so a removed member cannot rejoin through it. */
export interface InvitationAcceptancesTable {
  invitation_id: string;
  user_id: string;
  accepted_at: string;
}

export interface DocumentsTable {
  id: string;
  project_id: string;
  title: string;
  kind: "transcript";
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Words of the current text, as of the last store of the live document (summary.ts in @concord/shared). */
  words: number;
  /** The participant's pseudonym found in the speaker names; null when it cannot be told. */
  participant: string | null;
  /**
   * The last person whose edit was stored (the creator until someone edits). Always set; the
   * column itself allows null only because SQLite cannot add a NOT NULL reference to a table.
   */
  last_changed_by: string;
}

/**
 * The compacted state of a collaborative document: every logged update up to `last_seq`
 * merged. `document_id` holds the document NAME (documentName.ts in @concord/shared): the id
 * of a transcript, or the name of a layer or codebook.
 */
export interface DocSnapshotsTable {
  document_id: string;
  state: Uint8Array;
  last_seq: number;
  updated_at: string;
}

/** Append-only log of Yjs updates, written before the server acknowledges them. `document_id`: the document name. */
export interface DocUpdatesTable {
  seq: Generated<number>;
  document_id: string;
  data: Uint8Array;
  created_at: string;
}

/** The coders who have a layer (codings of their own) on a transcript. */
export interface CodingLayersTable {
  document_id: string;
  coder_id: string;
  created_at: string;
}

/** Which layer holds each coding, so a coding can be found by its id; the coding itself lives in the layer document. */
export interface CodingsTable {
  id: string;
  document_id: string;
  coder_id: string;
  created_at: string;
}

/** Where each discussion thread lives: `home` is the name of the document holding it. */
export interface ThreadsTable {
  id: string;
  project_id: string;
  home: string;
  created_by: string;
  created_at: string;
}

/** A transcript coded blind: independently by the named coders until revealed. */
export interface BlindCodingsTable {
  document_id: string;
  started_by: string;
  started_at: string;
  /** Null with `revealed_at` set: revealed automatically when every coder marked it done. */
  revealed_by: string | null;
  revealed_at: string | null;
}

export interface BlindCodersTable {
  document_id: string;
  coder_id: string;
  done_at: string | null;
}

/** The segments coded (with the text they index) at a moment worth keeping: "reveal" or "settled". */
export interface AgreementSnapshotsTable {
  document_id: string;
  moment: "reveal" | "settled";
  taken_at: string;
  text: string;
  /** JSON: [{id, coder, code, start, end}] */
  segments: string;
}

export interface DisagreementSettlementsTable {
  id: string;
  document_id: string;
  /** JSON array of the codings the disagreement was between. */
  coding_ids: string;
  action: "keep_one" | "keep_both" | "merge" | "drop";
  kept_coding_id: string | null;
  note: string;
  settled_by: string;
  settled_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** One file of records brought into a project, with what the import found. */
export interface RecordImportsTable {
  id: string;
  project_id: string;
  /** The database the records came from, as the person labelled it (PRISMA counts per source). */
  source: string;
  file_name: string;
  format: string;
  records: number;
  duplicates: number;
  flagged: number;
  near_pairs: number;
  added_by: string;
  created_at: string;
}

export type DuplicateReason = "doi" | "title_year_author" | "near_match" | "by_hand";

/** A bibliographic record. Lists (authors, keywords, raw tags, flags) are JSON text. */
export interface RecordsTable {
  id: string;
  project_id: string;
  /** Null for a record added by hand. */
  import_id: string | null;
  /** Its place in its file (0 for one added by hand): with created_at, the order records are listed in. */
  position: number;
  source: string;
  type: string | null;
  title: string | null;
  authors: string;
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  abstract: string | null;
  keywords: string;
  database: string | null;
  raw: string;
  flags: string;
  /** The title and first author's surname as deduplication compares them (keys.ts in @concord/shared). */
  title_key: string;
  author_key: string;
  /** The original this record duplicates; null for an original. Never a duplicate itself. */
  duplicate_of: string | null;
  duplicate_reason: DuplicateReason | null;
  added_by: string;
  created_at: string;
}

/** Two records that look alike, for a person to confirm as duplicates or reject. */
export interface RecordPairsTable {
  id: string;
  project_id: string;
  /** The earlier record. */
  record_a: string;
  /** The later one, marked as a duplicate of `record_a` when the pair is confirmed. */
  record_b: string;
  similarity: number;
  status: "open" | "confirmed" | "rejected";
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A project's inclusion and exclusion criteria (JSON: {inclusion, exclusion}, each [{id, text, keywords}]). */
export interface ReviewCriteriaTable {
  project_id: string;
  criteria: string;
  updated_by: string;
  updated_at: string;
}

/** Who rates which records at a review stage. */
export interface ReviewAssignmentsTable {
  project_id: string;
  stage: string;
  user_id: string;
  /** Every record at the stage (as it grows), or a sample by percentage or count. */
  mode: "all" | "percent" | "count";
  size: number | null;
  seed: number | null;
  /** How many records the stage held when the sample was drawn. */
  pool_size: number;
  /** The sample's record ids (JSON); null for `all`. */
  record_ids: string | null;
  assigned_by: string;
  assigned_at: string;
}

/** One rater's work on one record at one stage. Answers and comments are JSON objects. */
export interface ReviewRatingsTable {
  project_id: string;
  stage: string;
  record_id: string;
  rater_id: string;
  /** The independent answers: drafts until submitted, fixed once the item is revealed. */
  answers: string;
  comments: string;
  /** The checklist (key@version) appraisal answers were given against; null for screening. */
  checklist: string | null;
  submitted_at: string | null;
  updated_at: string;
  /** Answers the rater changed after reveal (JSON), kept apart from the independent ones. */
  revised_answers: string | null;
  revised_at: string | null;
}

/** The consensus on a revealed item. */
export interface ReviewConsensusTable {
  project_id: string;
  stage: string;
  record_id: string;
  answers: string;
  note: string;
  decided_by: string;
  decided_at: string;
}

/** One version of a project's own appraisal checklist; never updated, a new version is a new row. */
export interface ReviewChecklistsTable {
  project_id: string;
  key: string;
  version: number;
  /** The checklist as @concord/shared's ChecklistSchema parses it (JSON, with its key and version). */
  definition: string;
  created_by: string;
  created_at: string;
}

/** What was extracted from an included study (JSON field → text), and who last changed it. */
export interface StudyExtractionsTable {
  record_id: string;
  project_id: string;
  fields: string;
  updated_by: string;
  updated_at: string;
}

/** A full text sought but not obtained. */
export interface ReportsNotRetrievedTable {
  record_id: string;
  project_id: string;
  note: string;
  marked_by: string;
  marked_at: string;
}

export interface DatabaseSchema {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  email_links: EmailLinksTable;
  projects: ProjectsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  invitation_acceptances: InvitationAcceptancesTable;
  documents: DocumentsTable;
  doc_snapshots: DocSnapshotsTable;
  doc_updates: DocUpdatesTable;
  coding_layers: CodingLayersTable;
  codings: CodingsTable;
  threads: ThreadsTable;
  settings: SettingsTable;
  record_imports: RecordImportsTable;
  records: RecordsTable;
  record_pairs: RecordPairsTable;
  blind_codings: BlindCodingsTable;
  blind_coders: BlindCodersTable;
  agreement_snapshots: AgreementSnapshotsTable;
  disagreement_settlements: DisagreementSettlementsTable;
  review_criteria: ReviewCriteriaTable;
  review_assignments: ReviewAssignmentsTable;
  review_ratings: ReviewRatingsTable;
  review_consensus: ReviewConsensusTable;
  review_checklists: ReviewChecklistsTable;
  study_extractions: StudyExtractionsTable;
  reports_not_retrieved: ReportsNotRetrievedTable;
}
