// The API calls the client makes, one small function each.
import { request } from "./http";
import type {
  DocumentDetail,
  DocumentSummary,
  Invitation,
  InvitationInfo,
  InvitationSummary,
  LinkRole,
  Member,
  ProjectDetail,
  ProjectSummary,
  Role,
  User,
} from "./types";

const enc = encodeURIComponent;

export const api = {
  signUp: (input: { email: string; password: string; name: string }) =>
    request<{ user: User }>("POST", "/api/auth/signup", input),
  signIn: (input: { email: string; password: string }) =>
    request<{ user: User }>("POST", "/api/auth/login", input),
  signOut: () => request<void>("POST", "/api/auth/logout"),
  me: () => request<{ user: User }>("GET", "/api/me"),

  listProjects: () => request<{ projects: ProjectSummary[] }>("GET", "/api/projects"),
  createProject: (title: string) => request<ProjectSummary>("POST", "/api/projects", { title }),
  getProject: (projectId: string) => request<ProjectDetail>("GET", `/api/projects/${enc(projectId)}`),
  /** `confirm` must be true to add a lead. */
  addMember: (projectId: string, input: { email: string; role: Role; confirm?: boolean }) =>
    request<Member>("POST", `/api/projects/${enc(projectId)}/members`, input),
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
  createTranscriptFromText: (projectId: string, input: { title: string; text: string }) =>
    request<DocumentSummary>("POST", `/api/projects/${enc(projectId)}/documents`, {
      ...input,
      kind: "transcript",
    }),
  createTranscriptFromFile: (projectId: string, file: File, title: string) => {
    const form = new FormData();
    form.append("file", file);
    if (title) form.append("title", title);
    return request<DocumentSummary>("POST", `/api/projects/${enc(projectId)}/documents`, form);
  },
  getDocument: (documentId: string) => request<DocumentDetail>("GET", `/api/documents/${enc(documentId)}`),
};
