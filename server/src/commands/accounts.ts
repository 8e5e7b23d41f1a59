// Accounts, passwords and sessions.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { hashPassword, verifyPassword } from "../auth/password";
import { hashSecret, newSecret } from "../auth/secrets";
import { SESSION_DAYS, toUser, type User } from "../auth/identify";
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
  return insertUser(db, email, input.name, await hashPassword(input.password));
}

async function insertUser(db: Kysely<DatabaseSchema>, email: string, name: string, passwordHash: string): Promise<User> {
  const row = { id: randomUUID(), email, name: name.trim(), email_verified_at: null };
  await db.insertInto("users").values({ ...row, password_hash: passwordHash, created_at: new Date().toISOString() }).execute();
  return toUser(row);
}

/**
 * Sign-up when addresses are confirmed by email: creates an unconfirmed account, or finds
 * the account that already has the address. The password is hashed either way, so the time
 * taken does not tell which.
 */
export async function signUpUnconfirmed(
  db: Kysely<DatabaseSchema>,
  input: { email: string; password: string; name: string },
): Promise<{ user: User; existed: boolean }> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(db, email);
  if (existing) return { user: toUser(existing), existed: true };
  return { user: await insertUser(db, email, input.name, passwordHash), existed: false };
}

export async function findUserByEmail(db: Kysely<DatabaseSchema>, email: string) {
  return db.selectFrom("users").select(["id", "email", "name", "email_verified_at"]).where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function checkPassword(db: Kysely<DatabaseSchema>, email: string, password: string): Promise<User> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
  // Hash even when the account doesn't exist, so timing doesn't reveal which emails have accounts.
  const ok = await verifyPassword(password, row?.password_hash ?? "scrypt$16384$8$1$AAAA$AAAA");
  if (!row || !ok) throw errors.badCredentials();
  return toUser(row);
}

/** Replaces a password after checking the current one. */
export async function changePassword(db: Kysely<DatabaseSchema>, userId: string, currentPassword: string, newPassword: string) {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(currentPassword, row.password_hash))) throw errors.wrongPassword();
  await setPassword(db, userId, newPassword);
}

export async function setPassword(db: Kysely<DatabaseSchema>, userId: string, password: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: await hashPassword(password) }).where("id", "=", userId).execute();
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

/** Ends one session; returns its hash, so its connections can be closed. */
export async function endSession(db: Kysely<DatabaseSchema>, secret: string): Promise<string> {
  const hash = hashSecret(secret);
  await db.deleteFrom("sessions").where("token_hash", "=", hash).execute();
  return hash;
}

/** Ends every session of a person except `keep` (a hash); returns the hashes ended. */
export async function endSessions(db: Kysely<DatabaseSchema>, userId: string, keep?: string): Promise<string[]> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keep) query = query.where("token_hash", "!=", keep);
  const ended = await query.returning("token_hash").execute();
  return ended.map((row) => row.token_hash);
}
