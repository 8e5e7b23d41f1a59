// Why the server refuses or closes a document connection. Hocuspocus sends `reason` to
// the provider (onAuthenticationFailed), so these sentences are what the person sees.

export interface CloseEvent {
  code: number;
  reason: string;
}

export const CLOSE = {
  notSignedIn: { code: 4401, reason: "Not signed in: sign in again to open this document." },
  noSuchDocument: { code: 4404, reason: "This document does not exist or you are not a member of its project." },
  badOrigin: { code: 4403, reason: "Connection refused: it did not come from Concord's own page." },
  signedOut: { code: 4401, reason: "You have been signed out, or your sign-in has expired: sign in again to open this document." },
  accessChanged: { code: 4403, reason: "Your access to this project has changed; reopen the document." },
  invalidUpdate: { code: 4400, reason: "The change could not be read and was not saved." },
  storageFailed: { code: 4500, reason: "The server could not save the change; please reconnect." },
  notEditorContent: { code: 4422, reason: "The change was not saved: it holds something the transcript editor cannot make." },
  tooLong: { code: 4413, reason: "The change was not saved: the transcript would be longer than 2,000,000 characters." },
  signInTimeout: { code: 4408, reason: "Connection closed: it did not sign in in time; reconnect to try again." },
  presenceTooLarge: { code: 4413, reason: "Who-is-here information was too large to share; reopen the document." },
} as const satisfies Record<string, CloseEvent>;

/** The largest WebSocket message the server accepts; larger ones close the socket (code 1009). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** The largest transcript text accepted when creating a document. */
export const MAX_TRANSCRIPT_CHARS = 2_000_000;
/** The largest presence (awareness) message relayed; a cursor and a name need a few hundred bytes. */
export const MAX_PRESENCE_BYTES = 8 * 1024;
/**
 * Sockets that have not yet signed in (authenticated any document) cost memory and give
 * nothing, so they are bounded: per remote address, in total (a busy server refuses more
 * with HTTP 503), in time, and in the bytes they may send before signing in. A browser
 * signs in within milliseconds of opening its socket and sends a few hundred bytes first.
 * The server reads overrides from CONCORD_MAX_UNAUTHENTICATED_SOCKETS_PER_ADDRESS,
 * CONCORD_MAX_UNAUTHENTICATED_SOCKETS and CONCORD_SIGN_IN_DEADLINE_MS (behind a proxy every
 * socket comes from the proxy's address: raise the per-address cap there).
 */
export const UNAUTHENTICATED_SOCKETS = {
  perAddress: 64,
  total: 1_024,
  deadlineMs: 5_000,
  bytes: 64 * 1024,
} as const;
/** The largest file accepted for upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
