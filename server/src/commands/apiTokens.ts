// Personal API tokens: created with a lifetime, listed without their secrets, revoked.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "../auth/secrets";
import { errors } from "../errors";
import type { DatabaseSchema } from "../store/schema";

export const TOKEN_DAYS = { default: 90, max: 365 } as const;

/** Creates a personal API token. The secret is returned once and never stored. */
export async function createApiToken(db: Kysely<DatabaseSchema>, userId: string, name: string, days: number = TOKEN_DAYS.default) {
  const token = newSecret(API_TOKEN_PREFIX);
  const now = new Date();
  const row = {
    id: randomUUID(),
    user_id: userId,
    name,
    token_hash: hashSecret(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString(),
    last_used_at: null,
  };
  await db.insertInto("api_tokens").values(row).execute();
  return { token, row };
}

/** A person's tokens that have not expired, newest first. */
export async function listApiTokens(db: Kysely<DatabaseSchema>, userId: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at", "expires_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date().toISOString())
    .orderBy("created_at", "desc")
    .execute();
}

/** Deletes one of a person's tokens; returns its hash, so its connections can be closed. */
export async function revokeApiToken(db: Kysely<DatabaseSchema>, userId: string, tokenId: string): Promise<string> {
  const row = await db
    .deleteFrom("api_tokens")
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .returning("token_hash")
    .executeTakeFirst();
  if (!row) throw errors.missing("You have no API token with that id.");
  return row.token_hash;
}

/** Deletes every token of a person (after a password reset); returns their hashes. */
export async function revokeAllApiTokens(db: Kysely<DatabaseSchema>, userId: string): Promise<string[]> {
  const rows = await db.deleteFrom("api_tokens").where("user_id", "=", userId).returning("token_hash").execute();
  return rows.map((row) => row.token_hash);
}
