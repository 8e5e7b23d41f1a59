// Single-use links sent by email: confirming an address (3 days) and resetting a password
// (1 hour). Like every secret, only the hash is stored.
import type { Kysely } from "kysely";
import { hashSecret, newSecret } from "../auth/secrets";
import { errors } from "../errors";
import type { DatabaseSchema, EmailLinksTable } from "../store/schema";

type Purpose = EmailLinksTable["purpose"];

const LIFETIME_MS: Record<Purpose, number> = { verify: 3 * 24 * 3600 * 1000, reset: 3600 * 1000 };

/** The secret of a new link for `userId`. */
export async function createEmailLink(db: Kysely<DatabaseSchema>, userId: string, purpose: Purpose): Promise<string> {
  const secret = newSecret();
  const now = new Date();
  await db
    .insertInto("email_links")
    .values({
      token_hash: hashSecret(secret),
      user_id: userId,
      purpose,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LIFETIME_MS[purpose]).toISOString(),
    })
    .execute();
  return secret;
}

/**
 * Uses up a link: returns whose it is and deletes it (and that person's other links for
 * the same purpose, which it supersedes). `forUser`, when given, must be its owner.
 */
export async function useEmailLink(db: Kysely<DatabaseSchema>, secret: string, purpose: Purpose, forUser?: string): Promise<string> {
  const row = await db
    .selectFrom("email_links")
    .select(["user_id", "expires_at"])
    .where("token_hash", "=", hashSecret(secret))
    .where("purpose", "=", purpose)
    .executeTakeFirst();
  if (!row || (forUser !== undefined && row.user_id !== forUser)) throw errors.emailLinkInvalid(purpose);
  await db.deleteFrom("email_links").where("user_id", "=", row.user_id).where("purpose", "=", purpose).execute();
  if (row.expires_at <= new Date().toISOString()) throw errors.emailLinkInvalid(purpose);
  return row.user_id;
}

export async function markEmailVerified(db: Kysely<DatabaseSchema>, userId: string): Promise<void> {
  await db.updateTable("users").set({ email_verified_at: new Date().toISOString() }).where("id", "=", userId).execute();
}
