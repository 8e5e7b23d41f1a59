// Migration 003_credentials.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

export const migration003 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("users").addColumn("email_verified_at", "text").execute();
    // Tokens made before tokens could expire get the default lifetime from today.
    await db.schema.alterTable("api_tokens").addColumn("expires_at", "text").execute();
    await db.schema.alterTable("api_tokens").addColumn("last_used_at", "text").execute();
    const in90Days = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();
    await (db as Kysely<{ api_tokens: { expires_at: string | null } }>)
      .updateTable("api_tokens")
      .set({ expires_at: in90Days })
      .execute();
    await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
    await db.schema
      .createTable("email_links")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("purpose", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
  },
});
