// Who is asking: a session cookie (browsers) or an API token (scripts, WebSocket clients).
// Shared by the HTTP middleware and the collaboration server's onAuthenticate.
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../store/schema";
import { API_TOKEN_PREFIX, hashSecret } from "./secrets";

export const SESSION_COOKIE = "concord_session";
export const SESSION_DAYS = 30;

export interface User {
  id: string;
  email: string;
  name: string;
  /** Confirmed by an emailed link; only such addresses receive memberships added by email. */
  emailVerified: boolean;
}

export type Credential = { kind: "session"; secret: string } | { kind: "token"; secret: string };

/** Who a valid credential belongs to, and until when it is valid. */
export interface Identified {
  user: User;
  /** SHA-256 of the secret, as stored: names the credential for sign-out and revocation. */
  hash: string;
  expiresAt: string;
}

/** A token's last use is written at most this often, so reads don't each become a write. */
const LAST_USED_PRECISION_MS = 5 * 60 * 1000;

const USER_COLUMNS = ["users.id", "users.email", "users.name", "users.email_verified_at"] as const;

export function toUser(row: { id: string; email: string; name: string; email_verified_at: string | null }): User {
  return { id: row.id, email: row.email, name: row.name, emailVerified: row.email_verified_at !== null };
}

/** The user a session cookie or API token belongs to; null if unknown or expired. */
export async function userForCredential(db: Kysely<DatabaseSchema>, credential: Credential): Promise<Identified | null> {
  const hash = hashSecret(credential.secret);
  const now = new Date();
  if (credential.kind === "token") {
    if (!credential.secret.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await db
      .selectFrom("api_tokens")
      .innerJoin("users", "users.id", "api_tokens.user_id")
      .select([...USER_COLUMNS, "api_tokens.expires_at", "api_tokens.last_used_at"])
      .where("api_tokens.token_hash", "=", hash)
      .executeTakeFirst();
    if (!row || row.expires_at <= now.toISOString()) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_PRECISION_MS) {
      await db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("token_hash", "=", hash).execute();
    }
    return { user: toUser(row), hash, expiresAt: row.expires_at };
  }
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([...USER_COLUMNS, "sessions.expires_at"])
    .where("sessions.token_hash", "=", hash)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { user: toUser(row), hash, expiresAt: row.expires_at };
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/**
 * Whether a browser request came from our own origin (CSRF and cross-site WebSocket
 * defence). The scheme must be the public URL's: a page on https://host is not ours when we
 * are http://host, and vice versa behind a TLS proxy. The host and port must be the public
 * URL's, or — only for the check, never for links — the Host the browser itself addressed,
 * so http://localhost:3000 works for a server that listens on 127.0.0.1. A cross-site page
 * cannot choose the Host its victim's browser sends, and for a host it does control the
 * browser would not send our cookie.
 */
export function isSameOrigin(headers: { get(name: string): string | null }, publicUrl: URL): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = headers.get("origin");
  if (!origin) return true; // not sent by a browser page; non-browser clients can't be forged into this
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== publicUrl.protocol) return false;
  return url.host === publicUrl.host || url.host === headers.get("host");
}
