// One way to talk to the server: same-origin JSON (or multipart) with the session cookie,
// and every failure turned into an ApiError whose message can be shown to the person as is.

/** A failed request, with the server's error code and a plain-language message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: "We could not reach the server. Check your internet connection and try again.",
  401: "Please sign in again.",
  403: "You do not have permission to do that.",
  404: "We could not find that. It may have been removed, or the link may be wrong.",
  409: "That already exists.",
  413: "That file is too large.",
  429: "Too many attempts. Please wait a minute and try again.",
};

function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? "Something went wrong on the server. Please try again.";
}

type ErrorBody = { error?: { code?: unknown; message?: unknown } };

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to a message for the status.
  }
  const code = typeof body?.error?.code === "string" ? body.error.code : `http_${response.status}`;
  const message =
    typeof body?.error?.message === "string" && body.error.message
      ? body.error.message
      : fallbackMessage(response.status);
  return new ApiError(response.status, code, message);
}

/** Fired on window when the server says the session has ended (401 outside sign-in). */
export const SESSION_ENDED_EVENT = "concord:session-ended";

/** Sends a request to the API; resolves with the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { accept: "application/json" } };
  if (body instanceof FormData) {
    init.body = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    init.headers = { ...init.headers, "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network", fallbackMessage(0));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !path.startsWith("/api/auth/") && path !== "/api/me") {
      window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (response.headers.get("content-type")?.startsWith("text/plain") ? await response.text() : await response.json()) as T;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}
