// What each page reads from the server, as TanStack Query options: one key per resource, so a
// change invalidates exactly what it affects (`invalidate`), and a fetch overtaken by a newer
// one is dropped by the cache rather than applied out of order.
import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "./http";
import { api } from "./endpoints";
import type { DocumentAgreement, ReviewStage } from "./types";

/** Keys nest by resource: invalidating a project's key also refreshes its documents and invitations. */
export const queryKeys = {
  projects: () => ["projects"] as const,
  project: (projectId: string) => ["projects", projectId] as const,
  documents: (projectId: string) => ["projects", projectId, "documents"] as const,
  invitations: (projectId: string) => ["projects", projectId, "invitations"] as const,
  document: (documentId: string) => ["documents", documentId] as const,
  documentText: (documentId: string) => ["documents", documentId, "text"] as const,
  codes: (projectId: string) => ["projects", projectId, "codes"] as const,
  codeSegments: (projectId: string, codeId: string) => ["projects", projectId, "codes", codeId, "segments"] as const,
  invitation: (token: string) => ["invitation", token] as const,
  records: (projectId: string) => ["projects", projectId, "records"] as const,
  criteria: (projectId: string) => ["projects", projectId, "criteria"] as const,
  checklists: (projectId: string) => ["projects", projectId, "checklists"] as const,
  /** Everything of one review stage: invalidating it refreshes its items, assignments and agreement. */
  reviewStage: (projectId: string, stage: ReviewStage) => ["projects", projectId, "review", stage] as const,
  reviewItems: (projectId: string, stage: ReviewStage) => ["projects", projectId, "review", stage, "items"] as const,
  assignments: (projectId: string, stage: ReviewStage) => ["projects", projectId, "review", stage, "assignments"] as const,
  reviewAgreement: (projectId: string, stage: ReviewStage) => ["projects", projectId, "review", stage, "agreement"] as const,
  prisma: (projectId: string) => ["projects", projectId, "prisma"] as const,
  extraction: (projectId: string) => ["projects", projectId, "extraction"] as const,
  notRetrieved: (projectId: string) => ["projects", projectId, "not-retrieved"] as const,
  tokens: () => ["tokens"] as const,
  authOptions: () => ["auth-options"] as const,
  codings: (documentId: string) => ["documents", documentId, "codings"] as const,
  settings: (projectId: string) => ["projects", projectId, "settings"] as const,
  threads: (projectId: string, documentId: string) => ["projects", projectId, "threads", documentId] as const,
  stageThreads: (projectId: string, stage: ReviewStage) => ["projects", projectId, "threads", "stage", stage] as const,
  blindRound: (documentId: string) => ["documents", documentId, "blind"] as const,
  agreement: (documentId: string, unit: string, threshold: number) => ["documents", documentId, "agreement", unit, threshold] as const,
};

export const queries = {
  projects: () => queryOptions({ queryKey: queryKeys.projects(), queryFn: () => api.listProjects().then((r) => r.projects) }),
  project: (projectId: string) => queryOptions({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) }),
  documents: (projectId: string) =>
    queryOptions({ queryKey: queryKeys.documents(projectId), queryFn: () => api.listDocuments(projectId).then((r) => r.documents) }),
  invitations: (projectId: string) =>
    queryOptions({ queryKey: queryKeys.invitations(projectId), queryFn: () => api.listInvitations(projectId).then((r) => r.invitations) }),
  document: (documentId: string) => queryOptions({ queryKey: queryKeys.document(documentId), queryFn: () => api.getDocument(documentId) }),
  // The reading copy is the text when the page opened; the live editor is the truth after that,
  // so it is not fetched again while the transcript is open (a phone's data), only on a later visit.
  documentText: (documentId: string) =>
    queryOptions({
      queryKey: queryKeys.documentText(documentId),
      queryFn: () => api.getDocumentText(documentId),
      staleTime: Infinity,
      gcTime: 30_000,
    }),
  /** The codebook with counts; the live codebook document is the truth for names and the tree. */
  codes: (projectId: string) => queryOptions({ queryKey: queryKeys.codes(projectId), queryFn: () => api.listCodes(projectId), select: (r) => r.codes }),
  /** The codebook's history, from the same answer (one fetch, one key to invalidate). */
  lineage: (projectId: string) => queryOptions({ queryKey: queryKeys.codes(projectId), queryFn: () => api.listCodes(projectId), select: (r) => r.lineage }),
  codeSegments: (projectId: string, codeId: string) =>
    queryOptions({ queryKey: queryKeys.codeSegments(projectId, codeId), queryFn: () => api.codeSegments(projectId, codeId).then((r) => r.segments) }),
  invitation: (token: string) => queryOptions({ queryKey: queryKeys.invitation(token), queryFn: () => api.getInvitation(token) }),
  tokens: () => queryOptions({ queryKey: queryKeys.tokens(), queryFn: () => api.listTokens().then((r) => r.tokens) }),
  authOptions: () => queryOptions({ queryKey: queryKeys.authOptions(), queryFn: api.authOptions, staleTime: Infinity }),
  records: (projectId: string) => queryOptions({ queryKey: queryKeys.records(projectId), queryFn: () => api.listRecords(projectId).then((r) => r.records) }),
  criteria: (projectId: string) => queryOptions({ queryKey: queryKeys.criteria(projectId), queryFn: () => api.getCriteria(projectId) }),
  checklists: (projectId: string) => queryOptions({ queryKey: queryKeys.checklists(projectId), queryFn: () => api.listChecklists(projectId) }),
  reviewItems: (projectId: string, stage: ReviewStage) =>
    queryOptions({ queryKey: queryKeys.reviewItems(projectId, stage), queryFn: () => api.listReviewItems(projectId, stage) }),
  assignments: (projectId: string, stage: ReviewStage) =>
    queryOptions({ queryKey: queryKeys.assignments(projectId, stage), queryFn: () => api.listAssignments(projectId, stage).then((r) => r.assignments) }),
  prisma: (projectId: string) => queryOptions({ queryKey: queryKeys.prisma(projectId), queryFn: () => api.prisma(projectId) }),
  extraction: (projectId: string) => queryOptions({ queryKey: queryKeys.extraction(projectId), queryFn: () => api.listExtraction(projectId).then((r) => r.studies) }),
  notRetrieved: (projectId: string) => queryOptions({ queryKey: queryKeys.notRetrieved(projectId), queryFn: () => api.listNotRetrieved(projectId).then((r) => r.reports) }),
  reviewAgreement: (projectId: string, stage: ReviewStage) =>
    queryOptions({ queryKey: queryKeys.reviewAgreement(projectId, stage), queryFn: () => api.reviewAgreement(projectId, stage) }),
  codings: (documentId: string) => queryOptions({ queryKey: queryKeys.codings(documentId), queryFn: () => api.listCodings(documentId).then((r) => r.codings) }),
  settings: (projectId: string) => queryOptions({ queryKey: queryKeys.settings(projectId), queryFn: () => api.getProjectSettings(projectId) }),
  threads: (projectId: string, documentId: string) =>
    queryOptions({ queryKey: queryKeys.threads(projectId, documentId), queryFn: () => api.listThreads(projectId, { documentId }).then((r) => r.threads) }),
  stageThreads: (projectId: string, stage: ReviewStage) =>
    queryOptions({ queryKey: queryKeys.stageThreads(projectId, stage), queryFn: () => api.listThreads(projectId, { stage }).then((r) => r.threads) }),
  // A transcript never coded blind has no round: null, not an error to retry.
  blindRound: (documentId: string) =>
    queryOptions({
      queryKey: queryKeys.blindRound(documentId),
      queryFn: () => api.getBlindRound(documentId).catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error))),
    }),
  agreement: (documentId: string, unit: DocumentAgreement["unit"], threshold: number) =>
    queryOptions({ queryKey: queryKeys.agreement(documentId, unit, threshold), queryFn: () => api.getAgreement(documentId, unit, threshold) }),
};
