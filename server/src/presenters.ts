// What leaves the server: each presenter whitelists the fields a client may see.
import { isRevealed, visibleWork, type Code, type ReviewItem, type Role, type Thread, type Viewer } from "@concord/shared";
import type { Assignment } from "./review/stageItems";
import type { PlacedCoding } from "./commands/codings";
import type { PlacedSpan } from "./commands/threads";
import type { RecordFlag } from "@concord/shared/records/index";
import type { User } from "./auth/identify";
import type {
  ApiTokensTable,
  DisagreementSettlementsTable,
  DocumentsTable,
  InvitationsTable,
  ProjectsTable,
  RecordImportsTable,
  RecordPairsTable,
  RecordsTable,
} from "./store/schema";
import type { BlindRound } from "./coding/blindRecord";

export function presentUser(user: User) {
  return { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified };
}

export function presentProject(project: Pick<ProjectsTable, "id" | "title" | "created_at">, role: Role) {
  return { id: project.id, title: project.title, role, createdAt: project.created_at };
}

/**
 * A member as others in the project see them. Email addresses go to leads only, who manage
 * membership: the consultant is a service user, and their address is personal.
 */
export function presentMember(member: { user_id: string; name: string; email: string; role: Role }, viewer: { seesEmails: boolean }) {
  const presented = { userId: member.user_id, name: member.name, role: member.role };
  return viewer.seesEmails ? { ...presented, email: member.email } : presented;
}

export function presentDocument(document: DocumentsTable & { last_changed_by_name: string }) {
  return {
    id: document.id,
    projectId: document.project_id,
    title: document.title,
    kind: document.kind,
    createdAt: document.created_at,
    updatedAt: document.updated_at,
    words: document.words,
    participant: document.participant,
    lastChangedBy: { id: document.last_changed_by, name: document.last_changed_by_name },
  };
}

/** A link as its project's leads see it: never its secret, which is stored only hashed. */
export function presentInvitation(
  invitation: Pick<InvitationsTable, "id" | "role" | "max_uses" | "use_count" | "created_by" | "created_at" | "expires_at"> & {
    created_by_name: string;
  },
) {
  return {
    id: invitation.id,
    role: invitation.role,
    maxUses: invitation.max_uses,
    uses: invitation.use_count,
    createdBy: { id: invitation.created_by, name: invitation.created_by_name },
    createdAt: invitation.created_at,
    expiresAt: invitation.expires_at,
  };
}

/** A token as its owner sees it: never the secret, which is shown once at creation. */
export function presentApiToken(token: Pick<ApiTokensTable, "id" | "name" | "created_at" | "last_used_at" | "expires_at">) {
  return { id: token.id, name: token.name, createdAt: token.created_at, lastUsedAt: token.last_used_at, expiresAt: token.expires_at };
}

/** A code as members see it, with how much it is used. */
export function presentCode(code: Code & { counts?: { codings: number; documents: number; coders: number }; blindDocumentId?: string }) {
  return {
    id: code.id,
    name: code.name,
    description: code.description,
    color: code.color,
    level: code.level,
    parentId: code.parentId,
    createdBy: code.createdBy,
    createdAt: code.createdAt,
    deleted: code.deletedAt !== null,
    deletedAt: code.deletedAt,
    mergedInto: code.mergedInto,
    ...(code.counts ? { counts: code.counts } : {}),
    ...(code.blindDocumentId ? { blindDocumentId: code.blindDocumentId } : {}),
  };
}

/** A coding placed in the current text; its anchors stay on the server and in the layer document. */
export function presentCoding(coding: PlacedCoding) {
  return {
    id: coding.id,
    codeId: coding.codeId,
    documentId: coding.documentId,
    coder: coding.coder,
    start: coding.start,
    end: coding.end,
    text: coding.text,
    orphaned: coding.orphaned,
    note: coding.note,
    createdAt: coding.createdAt,
  };
}

/** One segment of a code for constant comparison: the coded words and where they are. */
export function presentSegment(coding: PlacedCoding) {
  return { codingId: coding.id, documentId: coding.documentId, coder: coding.coder, start: coding.start, end: coding.end, text: coding.text, orphaned: coding.orphaned };
}

/** A person named in a thread; someone who has since left the project keeps their name. */
type Named = (id: string) => { id: string; name: string };

/**
 * A thread as members see it. A span anchor is given as offsets into the current text (like
 * a coding); its relative positions stay on the server.
 */
export function presentThread(thread: Thread, span: PlacedSpan | null, named: Named) {
  const { anchor } = thread;
  return {
    id: thread.id,
    anchor: anchor.kind === "span" ? { kind: anchor.kind, documentId: anchor.documentId, ...span! } : anchor,
    createdBy: named(thread.createdBy),
    createdAt: thread.createdAt,
    resolved: thread.resolved && { by: named(thread.resolved.by), at: thread.resolved.at },
    messages: thread.messages.map((message) => ({
      id: message.id,
      author: named(message.author),
      body: message.body,
      mentions: message.mentions.map(named),
      createdAt: message.createdAt,
    })),
  };
}

/** A bibliographic record, without its raw tags (they can be long: see presentRecordDetail). */
export function presentRecord(record: RecordsTable) {
  return {
    id: record.id,
    title: record.title,
    authors: JSON.parse(record.authors) as string[],
    year: record.year,
    journal: record.journal,
    volume: record.volume,
    issue: record.issue,
    pages: record.pages,
    doi: record.doi,
    abstract: record.abstract,
    keywords: JSON.parse(record.keywords) as string[],
    type: record.type,
    source: record.source,
    database: record.database,
    importId: record.import_id,
    flags: JSON.parse(record.flags) as RecordFlag[],
    duplicateOf: record.duplicate_of,
    duplicateReason: record.duplicate_reason,
    addedBy: record.added_by,
    createdAt: record.created_at,
  };
}

/** One record with every tag its file gave. */
export function presentRecordDetail(record: RecordsTable) {
  return { ...presentRecord(record), raw: JSON.parse(record.raw) as Record<string, string[]> };
}

export function presentRecordPair(pair: RecordPairsTable) {
  return {
    id: pair.id,
    recordA: pair.record_a,
    recordB: pair.record_b,
    similarity: pair.similarity,
    status: pair.status,
    decidedBy: pair.decided_by,
    decidedAt: pair.decided_at,
  };
}

export function presentRecordImport(entry: RecordImportsTable) {
  return {
    id: entry.id,
    source: entry.source,
    fileName: entry.file_name,
    format: entry.format,
    records: entry.records,
    duplicates: entry.duplicates,
    flagged: entry.flagged,
    nearDuplicates: entry.near_pairs,
    addedBy: entry.added_by,
    createdAt: entry.created_at,
  };
}

/** A transcript's blind round: who codes it, who has marked it done, and whether it is revealed. */
export function presentBlindRound(round: BlindRound) {
  return {
    documentId: round.documentId,
    status: round.revealedAt ? ("revealed" as const) : ("blind" as const),
    coders: round.coders.map((coder) => ({ id: coder.id, name: coder.name, done: coder.doneAt !== null, doneAt: coder.doneAt })),
    startedBy: round.startedBy,
    startedAt: round.startedAt,
    revealedAt: round.revealedAt,
    revealedBy: round.revealedBy,
    revealedAutomatically: round.revealedAt !== null && round.revealedBy === null,
    leadMayWatch: round.leadMayWatch,
  };
}

/** Who settled a disagreement, how and when. */
export function presentSettlement(row: DisagreementSettlementsTable & { settled_by_name?: string }) {
  return {
    id: row.id,
    codingIds: JSON.parse(row.coding_ids) as string[],
    action: row.action,
    kept: row.kept_coding_id,
    note: row.note,
    settledBy: { id: row.settled_by, name: row.settled_by_name ?? "A former member" },
    settledAt: row.settled_at,
  };
}

/** A person by id, named (a former member too). */
type NamedPerson = (id: string) => { id: string; name: string };

/** A rater's assignment at a review stage, with the seed that reproduces its sample. */
export function presentAssignment(assignment: Assignment, named: NamedPerson) {
  return {
    user: named(assignment.userId),
    mode: assignment.mode,
    percent: assignment.mode === "percent" ? assignment.size : null,
    count: assignment.mode === "count" ? assignment.size : null,
    seed: assignment.seed,
    poolSize: assignment.poolSize,
    recordIds: assignment.recordIds,
    assignedBy: named(assignment.assignedBy),
    assignedAt: assignment.assignedAt,
  };
}

/**
 * A review item as `viewer` may see it: the raters' work the one visibility rule allows
 * (review/items.ts visibleWork) and nothing of the rest — not even whether another rater
 * has submitted — until it reveals.
 */
export function presentReviewItem(item: ReviewItem, viewer: Viewer, named: NamedPerson) {
  const revealed = isRevealed(item);
  const watching = !item.raters.includes(viewer.userId) && viewer.mayWatch;
  return {
    recordId: item.itemId,
    raters: item.raters.map(named),
    revealed,
    work: visibleWork(item, viewer).map((work) => ({
      rater: named(work.rater),
      answers: work.answers,
      comments: work.comments,
      submitted: work.submittedAt !== null,
      submittedAt: work.submittedAt,
      revised: work.revised ?? null,
      checklist: work.checklist ?? null,
    })),
    consensus: (revealed || watching) && item.consensus ? { answers: item.consensus.answers, decidedBy: named(item.consensus.decidedBy), decidedAt: item.consensus.decidedAt } : null,
  };
}
