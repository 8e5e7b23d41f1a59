// Invitation links become single-use by default, listable and revocable by id, and
// remember who accepted them, so a removed member cannot walk back in through the link.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/** The tables 002 reads and writes, as they are at that point (not as schema.ts has them later). */
interface InvitationsAt002 {
  invitations: { token_hash: string; id: string; project_id: string; role: string; created_by: string; revoked_at: string | null };
  memberships: { project_id: string; user_id: string; role: string };
}

export const migration002 = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("invitations").addColumn("id", "text", (c) => c.notNull().defaultTo("")).execute();
    await db.schema.alterTable("invitations").addColumn("max_uses", "integer", (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable("invitations").addColumn("use_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable("invitations").addColumn("revoked_at", "text").execute();
    const raw = db as Kysely<InvitationsAt002>;
    for (const { token_hash } of await raw.selectFrom("invitations").select("token_hash").execute()) {
      await raw.updateTable("invitations").set({ id: randomUUID() }).where("token_hash", "=", token_hash).execute();
    }
    await db.schema.createIndex("invitations_id").on("invitations").column("id").unique().execute();
    await db.schema.createIndex("invitations_project").on("invitations").column("project_id").execute();
    // Links made before this rule: a lead link, or one whose maker is no longer a lead, is revoked.
    const now = new Date().toISOString();
    await raw
      .updateTable("invitations")
      .set({ revoked_at: now })
      .where((eb) =>
        eb.or([
          eb("role", "=", "lead"),
          eb.not(
            eb.exists(
              eb
                .selectFrom("memberships")
                .select("memberships.user_id")
                .whereRef("memberships.project_id", "=", "invitations.project_id")
                .whereRef("memberships.user_id", "=", "invitations.created_by")
                .where("memberships.role", "=", "lead"),
            ),
          ),
        ]),
      )
      .execute();
    await db.schema
      .createTable("invitation_acceptances")
      .addColumn("invitation_id", "text", (c) => c.notNull().references("invitations.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("accepted_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("invitation_acceptances_pk", ["invitation_id", "user_id"])
      .execute();
  },
});
