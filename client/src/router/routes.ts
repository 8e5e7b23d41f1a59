// The app's pages and their paths, in one place: `matchRoute` reads a path, `paths` writes one.

export type Route =
  | { page: "projects" }
  | { page: "project"; projectId: string }
  | { page: "document"; documentId: string }
  | { page: "invite"; token: string }
  | { page: "account" }
  | { page: "verifyEmail"; token: string }
  | { page: "resetPassword"; token: string }
  | { page: "notFound" };

const enc = encodeURIComponent;

export const paths = {
  projects: () => "/",
  project: (projectId: string) => `/projects/${enc(projectId)}`,
  document: (documentId: string) => `/documents/${enc(documentId)}`,
  invite: (token: string) => `/invite/${enc(token)}`,
  account: () => "/account",
  verifyEmail: (token: string) => `/verify-email/${enc(token)}`,
  resetPassword: (token: string) => `/reset-password/${enc(token)}`,
};

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route for a path; unknown paths give `notFound`. */
export function matchRoute(path: string): Route {
  const segments = path.split("/").filter(Boolean);
  if (segments.length === 0) return { page: "projects" };
  const [first, second] = segments;
  const id = segments.length === 2 && second !== undefined ? decode(second) : null;
  if (first === "projects" && segments.length === 1) return { page: "projects" };
  if (first === "account" && segments.length === 1) return { page: "account" };
  if (id === null) return { page: "notFound" };
  if (first === "projects") return { page: "project", projectId: id };
  if (first === "documents") return { page: "document", documentId: id };
  if (first === "invite") return { page: "invite", token: id };
  if (first === "verify-email") return { page: "verifyEmail", token: id };
  if (first === "reset-password") return { page: "resetPassword", token: id };
  return { page: "notFound" };
}
