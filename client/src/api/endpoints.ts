// The API calls the client makes, one small function each.
import { request } from "./http";
import type {
  DocumentDetail,
  DocumentSummary,
  Invitation,
  InvitationInfo,
  Member,
  ProjectDetail,
  ProjectSummary,
  Role,
  SpeakerNames,
  TranscriptPreview,
  User,
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
  signUp: (input: { email: string; password: string; name: string }) =>
    request<{ user: User }>("POST", "/api/auth/signup", input),
  signIn: (input: { email: string; password: string }) =>
    request<{ user: User }>("POST", "/api/auth/login", input),
  signOut: () => request<void>("POST", "/api/auth/logout"),
  me: () => request<{ user: User }>("GET", "/api/me"),

  listProjects: () => request<{ projects: ProjectSummary[] }>("GET", "/api/projects"),
  createProject: (title: string) => request<ProjectSummary>("POST", "/api/projects", { title }),
  getProject: (projectId: string) => request<ProjectDetail>("GET", `/api/projects/${enc(projectId)}`),
  addMember: (projectId: string, input: { email: string; role: Role }) =>
    request<Member>("POST", `/api/projects/${enc(projectId)}/members`, input),
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
};
