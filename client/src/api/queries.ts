// What each page reads from the server, as TanStack Query options: one key per resource, so a
// change invalidates exactly what it affects (`invalidate`), and a fetch overtaken by a newer
// one is dropped by the cache rather than applied out of order.
import { queryOptions } from "@tanstack/react-query";
import { api } from "./endpoints";

/** Keys nest by resource: invalidating a project's key also refreshes its documents and invitations. */
export const queryKeys = {
  projects: () => ["projects"] as const,
  project: (projectId: string) => ["projects", projectId] as const,
  documents: (projectId: string) => ["projects", projectId, "documents"] as const,
  invitations: (projectId: string) => ["projects", projectId, "invitations"] as const,
  document: (documentId: string) => ["documents", documentId] as const,
  documentText: (documentId: string) => ["documents", documentId, "text"] as const,
  codes: (projectId: string) => ["projects", projectId, "codes"] as const,
  invitation: (token: string) => ["invitation", token] as const,
  tokens: () => ["tokens"] as const,
  authOptions: () => ["auth-options"] as const,
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
  codes: (projectId: string) => queryOptions({ queryKey: queryKeys.codes(projectId), queryFn: () => api.listCodes(projectId).then((r) => r.codes) }),
  invitation: (token: string) => queryOptions({ queryKey: queryKeys.invitation(token), queryFn: () => api.getInvitation(token) }),
  tokens: () => queryOptions({ queryKey: queryKeys.tokens(), queryFn: () => api.listTokens().then((r) => r.tokens) }),
  authOptions: () => queryOptions({ queryKey: queryKeys.authOptions(), queryFn: api.authOptions, staleTime: Infinity }),
};
