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
}

export type Credential = { kind: "session"; secret: string } | { kind: "token"; secret: string };

export async function userForCredential(db: Kysely<DatabaseSchema>, credential: Credential): Promise<User | null> {
  const hash = hashSecret(credential.secret);
  if (credential.kind === "token") {
    if (!credential.secret.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await db
      .selectFrom("api_tokens")
      .innerJoin("users", "users.id", "api_tokens.user_id")
      .select(["users.id", "users.email", "users.name"])
      .where("api_tokens.token_hash", "=", hash)
      .executeTakeFirst();
    return row ?? null;
  }
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.name", "sessions.expires_at"])
    .where("sessions.token_hash", "=", hash)
    .executeTakeFirst();
  if (!row || row.expires_at < new Date().toISOString()) return null;
  return { id: row.id, email: row.email, name: row.name };
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

/** Whether a browser request came from our own origin (CSRF and cross-site WebSocket defence). */
export function isSameOrigin(headers: { get(name: string): string | null }): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = headers.get("origin");
  const host = headers.get("host");
  if (!origin) return true; // not sent by a browser page; non-browser clients can't be forged into this
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
