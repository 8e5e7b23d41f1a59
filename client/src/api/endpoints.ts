// The API calls the client makes, one small function each.
import type { LineageEntry } from "@concord/shared/coding/codebook";
import type { StudyField } from "@concord/shared/review/reportTables";
import type { EncodedAnchor } from "../editor/relativeAnchor";
import { request } from "./http";
import type {
  ApiToken,
  AuthOptions,
  CodeSegment,
  CodeSummary,
  CodingSummary,
  DocumentDetail,
  EmailedInvitation,
  NewApiToken,
  Pending,
  DocumentSummary,
  Invitation,
  InvitationInfo,
  InvitationSummary,
  LinkRole,
  Member,
  ProjectDetail,
  ProjectSummary,
  Role,
  SpeakerNames,
  TranscriptPreview,
  User,
  BibRecord,
  Checklist,
  ChecklistDefinition,
  ChecklistSummary,
  Criteria,
  Decision,
  RecordImport,
  ReviewAgreement,
  ReviewAssignment,
  ReviewChecklist,
  ReviewItem,
  ReportNotRetrieved,
  StudyExtraction,
  ReviewStage,
  PrismaReport,
  BlindRound,
  DocumentAgreement,
  NewThreadAnchor,
  ProjectSettings,
  Settlement,
  Thread,
  ThreadMessage,
} from "./types";

const enc = encodeURIComponent;

function transcriptForm(file: File, title: string, speakers: SpeakerNames): FormData {
  const form = new FormData();
  form.append("file", file);
  if (title) form.append("title", title);
  if (Object.keys(speakers).length > 0) form.append("speakers", JSON.stringify(speakers));
  return form;
}

export const api = {
  /** Signed in at once, or (on a server that sends email) asked to confirm the address first. */
  signUp: (input: { email: string; password: string; name: string }) =>
    request<{ user: User } | Pending>("POST", "/api/auth/signup", input),
  signIn: (input: { email: string; password: string }) =>
    request<{ user: User }>("POST", "/api/auth/login", input),
  signOut: () => request<void>("POST", "/api/auth/logout"),
  me: () => request<{ user: User }>("GET", "/api/me"),
  authOptions: () => request<AuthOptions>("GET", "/api/auth/options"),
  signOutEverywhere: () => request<void>("POST", "/api/auth/logout-everywhere"),
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    request<void>("POST", "/api/auth/password", input),
  verifyEmail: (token: string) => request<{ user: User }>("POST", "/api/auth/verify-email", { token }),
  sendVerification: () => request<Pending>("POST", "/api/auth/verify-email/send"),
  requestPasswordReset: (email: string) => request<Pending>("POST", "/api/auth/password-reset", { email }),
  resetPassword: (input: { token: string; newPassword: string }) =>
    request<{ user: User }>("POST", "/api/auth/password-reset/complete", input),

  listTokens: () => request<{ tokens: ApiToken[] }>("GET", "/api/tokens"),
  createToken: (input: { name: string; expiresInDays: number }) => request<NewApiToken>("POST", "/api/tokens", input),
  revokeToken: (tokenId: string) => request<void>("DELETE", `/api/tokens/${enc(tokenId)}`),

  listProjects: () => request<{ projects: ProjectSummary[] }>("GET", "/api/projects"),
  createProject: (title: string) => request<ProjectSummary>("POST", "/api/projects", { title }),
  getProject: (projectId: string) => request<ProjectDetail>("GET", `/api/projects/${enc(projectId)}`),
  /** `confirm` must be true to add a lead. */
  addMember: (projectId: string, input: { email: string; role: Role; confirm?: boolean }) =>
    request<Member | EmailedInvitation>("POST", `/api/projects/${enc(projectId)}/members`, input),
  /** `confirm` must be true to make someone a lead. */
  changeRole: (projectId: string, userId: string, role: Role, confirm?: boolean) =>
    request<Member>("PATCH", `/api/projects/${enc(projectId)}/members/${enc(userId)}`, { role, confirm }),
  removeMember: (projectId: string, userId: string) =>
    request<void>("DELETE", `/api/projects/${enc(projectId)}/members/${enc(userId)}`),
  createInvitation: (projectId: string, input: { role: LinkRole; maxUses: number }) =>
    request<Invitation>("POST", `/api/projects/${enc(projectId)}/invitations`, input),
  listInvitations: (projectId: string) =>
    request<{ invitations: InvitationSummary[] }>("GET", `/api/projects/${enc(projectId)}/invitations`),
  revokeInvitation: (projectId: string, invitationId: string) =>
    request<void>("DELETE", `/api/projects/${enc(projectId)}/invitations/${enc(invitationId)}`),
  getInvitation: (token: string) => request<InvitationInfo>("GET", `/api/invitations/${enc(token)}`),
  acceptInvitation: (token: string) =>
    request<{ projectId: string; role: Role }>("POST", `/api/invitations/${enc(token)}/accept`),

  listDocuments: (projectId: string) =>
    request<{ documents: DocumentSummary[] }>("GET", `/api/projects/${enc(projectId)}/documents`),
  previewTranscriptFromText: (projectId: string, text: string) =>
    request<TranscriptPreview>("POST", `/api/projects/${enc(projectId)}/documents/preview`, { text }),
  previewTranscriptFromFile: (projectId: string, file: File) =>
    request<TranscriptPreview>("POST", `/api/projects/${enc(projectId)}/documents/preview`, transcriptForm(file, "", {})),
  createTranscriptFromText: (projectId: string, input: { title: string; text: string; speakers: SpeakerNames }) =>
    request<DocumentSummary>("POST", `/api/projects/${enc(projectId)}/documents`, {
      ...input,
      kind: "transcript",
    }),
  createTranscriptFromFile: (projectId: string, file: File, title: string, speakers: SpeakerNames) =>
    request<DocumentSummary>("POST", `/api/projects/${enc(projectId)}/documents`, transcriptForm(file, title, speakers)),
  getDocument: (documentId: string) => request<DocumentDetail>("GET", `/api/documents/${enc(documentId)}`),
  getDocumentText: (documentId: string) => request<string>("GET", `/api/documents/${enc(documentId)}/text`),

  listRecords: (projectId: string) => request<{ records: BibRecord[] }>("GET", `/api/projects/${enc(projectId)}/records`),
  importRecords: (projectId: string, file: File, source: string) => {
    const form = new FormData();
    form.append("file", file);
    if (source) form.append("source", source);
    return request<RecordImport>("POST", `/api/projects/${enc(projectId)}/records/import`, form);
  },
  getCriteria: (projectId: string) => request<Criteria>("GET", `/api/projects/${enc(projectId)}/criteria`),
  saveCriteria: (projectId: string, criteria: Criteria) => request<Criteria>("PUT", `/api/projects/${enc(projectId)}/criteria`, criteria),
  listChecklists: (projectId: string) => request<{ checklists: ChecklistSummary[]; current: { key: string; version: number } }>("GET", `/api/projects/${enc(projectId)}/checklists`),
  getChecklist: (projectId: string, key: string, version: number) =>
    request<{ checklist: Checklist }>("GET", `/api/projects/${enc(projectId)}/checklists/${enc(key)}/versions/${version}`),
  createChecklist: (projectId: string, definition: ChecklistDefinition) => request<{ checklist: Checklist }>("POST", `/api/projects/${enc(projectId)}/checklists`, definition),
  publishChecklist: (projectId: string, key: string, definition: ChecklistDefinition) =>
    request<{ checklist: Checklist }>("POST", `/api/projects/${enc(projectId)}/checklists/${enc(key)}/versions`, definition),
  chooseChecklist: (projectId: string, key: string) => request<{ checklist: Checklist }>("PUT", `/api/projects/${enc(projectId)}/appraisal-checklist`, { key }),
  listReviewItems: (projectId: string, stage: ReviewStage) =>
    request<{ items: ReviewItem[]; checklist: ReviewChecklist; collab: { revealed: string } }>("GET", `/api/projects/${enc(projectId)}/stages/${stage}/items?mine=true`),
  listAssignments: (projectId: string, stage: ReviewStage) =>
    request<{ assignments: ReviewAssignment[] }>("GET", `/api/projects/${enc(projectId)}/stages/${stage}/assignments`),
  assignReviewer: (projectId: string, stage: ReviewStage, input: { userId: string; percent?: number; count?: number; seed?: number }) =>
    request<{ assignments: ReviewAssignment[] }>("POST", `/api/projects/${enc(projectId)}/stages/${stage}/assignments`, input),
  rate: (
    projectId: string,
    stage: ReviewStage,
    recordId: string,
    input: { decision: Decision; reason?: string; submit: boolean } | { answers: Record<string, string>; comments: Record<string, string>; submit: boolean },
  ) =>
    request<ReviewItem>("PUT", `/api/projects/${enc(projectId)}/stages/${stage}/items/${enc(recordId)}/rating`, input),
  recordConsensus: (
    projectId: string,
    stage: ReviewStage,
    recordId: string,
    input: { decision: Decision; reason?: string; note?: string } | { answers: Record<string, string>; note?: string },
  ) =>
    request<ReviewItem>("PUT", `/api/projects/${enc(projectId)}/stages/${stage}/items/${enc(recordId)}/consensus`, input),
  prisma: (projectId: string) => request<PrismaReport>("GET", `/api/projects/${enc(projectId)}/prisma`),
  listExtraction: (projectId: string) => request<{ studies: StudyExtraction[] }>("GET", `/api/projects/${enc(projectId)}/extraction`),
  saveExtraction: (projectId: string, recordId: string, fields: Partial<Record<StudyField, string>>) =>
    request<StudyExtraction>("PUT", `/api/projects/${enc(projectId)}/extraction/${enc(recordId)}`, fields),
  listNotRetrieved: (projectId: string) => request<{ reports: ReportNotRetrieved[] }>("GET", `/api/projects/${enc(projectId)}/not-retrieved`),
  markNotRetrieved: (projectId: string, recordId: string, note: string) =>
    request<ReportNotRetrieved>("PUT", `/api/projects/${enc(projectId)}/not-retrieved/${enc(recordId)}`, { note }),
  unmarkNotRetrieved: (projectId: string, recordId: string) => request<void>("DELETE", `/api/projects/${enc(projectId)}/not-retrieved/${enc(recordId)}`),
  reviewAgreement: (projectId: string, stage: ReviewStage) => request<ReviewAgreement>("GET", `/api/projects/${enc(projectId)}/stages/${stage}/agreement`),
  /** `question`: the checklist question an appraisal disagreement is about. */
  startRatingThread: (projectId: string, stage: ReviewStage, recordId: string, message: { body: string; mentions: string[] }, question?: string) =>
    request<{ id: string }>("POST", `/api/projects/${enc(projectId)}/threads`, {
      anchor: { ratingDisagreement: { stage, recordId, ...(question ? { question } : {}) } },
      ...message,
    }),
  listCodings: (documentId: string) => request<{ codings: CodingSummary[] }>("GET", `/api/documents/${enc(documentId)}/codings`),
  listCodes: (projectId: string) => request<{ codes: CodeSummary[]; lineage: LineageEntry[] }>("GET", `/api/projects/${enc(projectId)}/codes`),

  // Discussion: threads on a span, a code or a disagreement (read live from the threads document).
  /** The threads on one transcript, or on the raters' disagreements at one review stage. */
  listThreads: (projectId: string, on: { documentId: string } | { stage: ReviewStage }) =>
    request<{ threads: Thread[] }>("GET", `/api/projects/${enc(projectId)}/threads?${new URLSearchParams(on).toString()}`),
  startThread: (projectId: string, input: { anchor: NewThreadAnchor; body: string; mentions: string[] }) =>
    request<Thread>("POST", `/api/projects/${enc(projectId)}/threads`, input),
  replyToThread: (threadId: string, input: { body: string; mentions: string[] }) =>
    request<ThreadMessage>("POST", `/api/threads/${enc(threadId)}/replies`, input),
  resolveThread: (threadId: string, resolved: boolean) => request<Thread>("PATCH", `/api/threads/${enc(threadId)}`, { resolved }),

  // Blind double coding and agreement.
  getBlindRound: (documentId: string) => request<BlindRound>("GET", `/api/documents/${enc(documentId)}/blind`),
  startBlindRound: (documentId: string, coders: string[]) => request<BlindRound>("POST", `/api/documents/${enc(documentId)}/blind`, { coders }),
  revealBlindRound: (documentId: string) => request<BlindRound>("POST", `/api/documents/${enc(documentId)}/reveal`),
  markBlindDone: (documentId: string) => request<BlindRound>("POST", `/api/documents/${enc(documentId)}/done`),
  getProjectSettings: (projectId: string) => request<ProjectSettings>("GET", `/api/projects/${enc(projectId)}/settings`),
  updateProjectSettings: (projectId: string, settings: ProjectSettings) =>
    request<ProjectSettings>("PATCH", `/api/projects/${enc(projectId)}/settings`, settings),
  getAgreement: (documentId: string, unit: DocumentAgreement["unit"], threshold: number) =>
    request<DocumentAgreement>("GET", `/api/documents/${enc(documentId)}/agreement?unit=${enc(unit)}&threshold=${enc(String(threshold))}`),
  settleDisagreement: (
    documentId: string,
    input: { codingIds: string[]; action: Settlement["action"]; keep?: string; note?: string; unit: DocumentAgreement["unit"]; threshold: number },
  ) => request<Settlement>("POST", `/api/documents/${enc(documentId)}/disagreements/settle`, input),
  createCode: (projectId: string, input: { name: string; level: CodeSummary["level"]; parentId?: string | null; color?: string }) =>
    request<CodeSummary>("POST", `/api/projects/${enc(projectId)}/codes`, input),
  updateCode: (projectId: string, codeId: string, changes: Partial<Pick<CodeSummary, "name" | "color" | "level" | "parentId" | "description">>) =>
    request<CodeSummary>("PATCH", `/api/projects/${enc(projectId)}/codes/${enc(codeId)}`, changes),
  deleteCode: (projectId: string, codeId: string) => request<CodeSummary>("DELETE", `/api/projects/${enc(projectId)}/codes/${enc(codeId)}`),
  /** Every coding of `codeId`, in every layer, moves to `into`; the lineage records it with the memo. */
  mergeCode: (projectId: string, codeId: string, input: { into: string; memo?: string }) =>
    request<CodeSummary>("POST", `/api/projects/${enc(projectId)}/codes/${enc(codeId)}/merge`, input),
  /** A new code beside `codeId`, holding the chosen codings of it; the lineage records the split with the memo. */
  splitCode: (projectId: string, codeId: string, input: { name: string; codingIds: string[]; memo?: string }) =>
    request<CodeSummary>("POST", `/api/projects/${enc(projectId)}/codes/${enc(codeId)}/split`, input),
  codeSegments: (projectId: string, codeId: string) =>
    request<{ segments: CodeSegment[] }>("GET", `/api/projects/${enc(projectId)}/codes/${enc(codeId)}/segments`),
  restoreCode: (projectId: string, codeId: string) =>
    request<CodeSummary>("POST", `/api/projects/${enc(projectId)}/codes/${enc(codeId)}/restore`, {}),
  /** `start` and `end` are offsets into the text getDocumentText returns. */
  /** `anchor`: the span as Yjs relative positions made in the page's copy (editor/relativeAnchor.ts); offsets otherwise. */
  createCoding: (documentId: string, input: { codeId: string; note?: string } & ({ start: number; end: number } | { anchor: EncodedAnchor })) =>
    request<CodingSummary>("POST", `/api/documents/${enc(documentId)}/codings`, input),
  deleteCoding: (codingId: string) => request<void>("DELETE", `/api/codings/${enc(codingId)}`),
  changeCodingNote: (codingId: string, note: string) => request<CodingSummary>("PATCH", `/api/codings/${enc(codingId)}`, { note }),
};
