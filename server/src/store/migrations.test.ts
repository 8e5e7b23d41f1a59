// Migrations on databases made before them. 002_invitations on a database holding links made under the old rules: each gets an id and
// one use, and links that carry the lead role or whose maker is no longer a lead are revoked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { parseTranscript, readTranscriptText, writeTranscript } from "@concord/shared";
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

it("keeps every stored document state through 005 and then stores documents by name", async () => {
  const { db } = openSqlite(dataDir);
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations("sqlite") } }).migrateTo("004_document_activity");
  expect(error).toBeUndefined();
  const at = "2026-01-01T00:00:00.000Z";
  await db.insertInto("users").values({ id: "lead", email: "lead@example.org", name: "Lead", password_hash: "x", created_at: at }).execute();
  await db.insertInto("projects").values({ id: "p", title: "P", created_by: "lead", created_at: at }).execute();
  const doc = new Y.Doc();
  writeTranscript(doc, parseTranscript("Maya: Before."));
  const raw = db as unknown as Kysely<{ documents: Record<string, string | number>; doc_snapshots: { document_id: string; state: Uint8Array; last_seq: number; updated_at: string }; doc_updates: { seq: number; document_id: string; data: Uint8Array; created_at: string } }>;
  await raw.insertInto("documents").values({ id: "d", project_id: "p", title: "T", kind: "transcript", created_by: "lead", created_at: at, updated_at: at, words: 1, last_changed_by: "lead" }).execute();
  await raw.insertInto("doc_snapshots").values({ document_id: "d", state: Y.encodeStateAsUpdate(doc), last_seq: 7, updated_at: at }).execute();
  const before = Y.encodeStateVector(doc);
  writeTranscript(doc, parseTranscript("Maya: After."));
  await raw.insertInto("doc_updates").values({ seq: 8, document_id: "d", data: Y.encodeStateAsUpdate(doc, before), created_at: at }).execute();
  await db.destroy();

  const store = await openStore({ dataDir });
  const loaded = await store.documents.loadDoc("d");
  expect(readTranscriptText(loaded)).toBe("Maya: Before.\nMaya: After.");
  // A name that is no document's id can now be stored and loaded; one never stored loads empty.
  const layer = new Y.Doc();
  layer.getMap("codings").set("c", { codeId: "x" });
  await store.documents.append("d/layer/lead", Y.encodeStateAsUpdate(layer));
  expect((await store.documents.loadDoc("d/layer/lead")).getMap("codings").get("c")).toEqual({ codeId: "x" });
  expect((await store.documents.loadDoc("project/p/codebook")).share.size).toBe(0);
  const seqs = await store.db.selectFrom("doc_updates").select("seq").orderBy("seq").execute();
  expect(seqs.map((row) => row.seq)).toEqual([8, 9]);
  await store.close();
});
