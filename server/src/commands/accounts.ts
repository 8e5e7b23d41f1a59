// Creating accounts, sessions and API tokens.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { hashPassword, verifyPassword } from "../auth/password";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "../auth/secrets";
import { SESSION_DAYS, type User } from "../auth/identify";
import { errors } from "../errors";
import type { DatabaseSchema } from "../store/schema";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  db: Kysely<DatabaseSchema>,
  input: { email: string; password: string; name: string },
): Promise<User> {
  const email = normaliseEmail(input.email);
  const existing = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) throw errors.conflict("An account with this email already exists. Sign in instead.");
  const user = { id: randomUUID(), email, name: input.name.trim() };
  await db
    .insertInto("users")
    .values({ ...user, password_hash: await hashPassword(input.password), created_at: new Date().toISOString() })
    .execute();
  return user;
}

export async function checkPassword(db: Kysely<DatabaseSchema>, email: string, password: string): Promise<User> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
  // Hash even when the account doesn't exist, so timing doesn't reveal which emails have accounts.
  const ok = await verifyPassword(password, row?.password_hash ?? "scrypt$16384$8$1$AAAA$AAAA");
  if (!row || !ok) throw errors.badCredentials();
  return { id: row.id, email: row.email, name: row.name };
}

/** Starts a session; returns the cookie secret and its expiry. */
export async function createSession(db: Kysely<DatabaseSchema>, userId: string) {
  const secret = newSecret();
  const now = new Date();
  const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  // Expired sessions are useless; tidy this person's away as they start a new one.
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("expires_at", "<", now.toISOString()).execute();
  await db
    .insertInto("sessions")
    .values({ token_hash: hashSecret(secret), user_id: userId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  return { secret, expires };
}

export async function endSession(db: Kysely<DatabaseSchema>, secret: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashSecret(secret)).execute();
}

/** Creates a personal API token. The secret is returned once and never stored. */
export async function createApiToken(db: Kysely<DatabaseSchema>, userId: string, name: string) {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = { id: randomUUID(), user_id: userId, name, token_hash: hashSecret(token), created_at: new Date().toISOString() };
  await db.insertInto("api_tokens").values(row).execute();
  return { id: row.id, name, token, createdAt: row.created_at };
}
