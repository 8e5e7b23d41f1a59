// Migrations on databases made before them. 002_invitations on a database holding links made under the old rules: each gets an id and
// one use, and links that carry the lead role or whose maker is no longer a lead are revoked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { parseTranscript, writeTranscript } from "@concord/shared";
import { migrations } from "./migrations";
import { openSqlite } from "./sqlite";
import { openStore } from "./store";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-migrate-"));
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it("upgrades old invitation links", async () => {
  const { db } = openSqlite(dataDir);
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations("sqlite") } }).migrateTo("001_foundation");
  expect(error).toBeUndefined();
  const at = "2026-01-01T00:00:00.000Z";
  await db.insertInto("users").values(["lead", "former"].map((id) => ({ id, email: `${id}@example.org`, name: id, password_hash: "x", created_at: at }))).execute();
  await db.insertInto("projects").values({ id: "p", title: "P", created_by: "lead", created_at: at }).execute();
  await db.insertInto("memberships").values({ project_id: "p", user_id: "lead", role: "lead", created_at: at }).execute();
  const link = (token_hash: string, role: "rater" | "lead", created_by: string) => ({ token_hash, project_id: "p", role, created_by, created_at: at, expires_at: "2099-01-01T00:00:00.000Z" });
  // The table as 001 made it, before schema.ts grew 002's columns.
  await (db as unknown as Kysely<{ invitations: ReturnType<typeof link> }>)
    .insertInto("invitations")
    .values([link("kept", "rater", "lead"), link("lead-role", "lead", "lead"), link("former-lead", "rater", "former")])
    .execute();
  await db.destroy();

  const store = await openStore({ dataDir });
  const rows = await store.db.selectFrom("invitations").selectAll().orderBy("token_hash").execute();
  await store.close();
  expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  expect(rows.every((r) => r.id.length === 36 && r.max_uses === 1 && r.use_count === 0)).toBe(true);
  expect(Object.fromEntries(rows.map((r) => [r.token_hash, r.revoked_at !== null]))).toEqual({
    "former-lead": true,
    kept: false,
    "lead-role": true,
  });
});

it("summarises transcripts stored before 004: words and participant from their state, their creator as last to change them", async () => {
  const { db } = openSqlite(dataDir);
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations("sqlite") } }).migrateTo("003_credentials");
  expect(error).toBeUndefined();
  const at = "2026-01-01T00:00:00.000Z";
  await db.insertInto("users").values({ id: "lead", email: "lead@example.org", name: "Lead", password_hash: "x", created_at: at }).execute();
  await db.insertInto("projects").values({ id: "p", title: "P", created_by: "lead", created_at: at }).execute();
  const doc = new Y.Doc();
  writeTranscript(doc, parseTranscript("Interviewer: How was it?\nMaya: Fine, mostly."));
  const raw = db as unknown as Kysely<{ documents: Record<string, string>; doc_snapshots: { document_id: string; state: Uint8Array; last_seq: number; updated_at: string } }>;
  await raw.insertInto("documents").values({ id: "d", project_id: "p", title: "T", kind: "transcript", created_by: "lead", created_at: at, updated_at: at }).execute();
  await raw.insertInto("doc_snapshots").values({ document_id: "d", state: Y.encodeStateAsUpdate(doc), last_seq: 0, updated_at: at }).execute();
  await db.destroy();

  const store = await openStore({ dataDir });
  const row = await store.db.selectFrom("documents").selectAll().executeTakeFirstOrThrow();
  await store.close();
  expect(row).toMatchObject({ words: 5, participant: "Maya", last_changed_by: "lead" });
});
