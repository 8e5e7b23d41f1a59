// The API calls the client makes, one small function each.
import { request } from "./http";
import type {
  ApiToken,
  AuthOptions,
  DocumentDetail,
  EmailedInvitation,
  NewApiToken,
  Pending,
  DocumentSummary,
  Invitation,
  InvitationInfo,
  Member,
  ProjectDetail,
  ProjectSummary,
  Role,
  User,
} from "./types";

const enc = encodeURIComponent;

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
  addMember: (projectId: string, input: { email: string; role: Role }) =>
    request<Member | EmailedInvitation>("POST", `/api/projects/${enc(projectId)}/members`, input),
  changeRole: (projectId: string, userId: string, role: Role) =>
    request<Member>("PATCH", `/api/projects/${enc(projectId)}/members/${enc(userId)}`, { role }),
  removeMember: (projectId: string, userId: string) =>
    request<void>("DELETE", `/api/projects/${enc(projectId)}/members/${enc(userId)}`),
  createInvitation: (projectId: string, role: Role) =>
    request<Invitation>("POST", `/api/projects/${enc(projectId)}/invitations`, { role }),
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
