import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteLogWriter } from "./sqliteLogWriter";

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-log-"));
  dirs.push(dir);
  return path.join(dir, "log.sqlite");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("SqliteLogWriter", () => {
  it("commits batches in order from its worker, visible to other connections", async () => {
    const file = tempFile();
    const db = new Database(file);
    db.exec("CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT, data BLOB, created_at TEXT)");
    const writer = new SqliteLogWriter(file, "full");
    await Promise.all([
      writer.write([{ documentId: "d", data: new Uint8Array([1]) }]),
      writer.write([{ documentId: "d", data: new Uint8Array([2]) }, { documentId: "d", data: new Uint8Array([3]) }]),
    ]);
    await writer.close();
    const rows = db.prepare("SELECT data FROM doc_updates ORDER BY seq").all() as { data: Buffer }[];
    expect(rows.map((r) => r.data[0])).toEqual([1, 2, 3]);
    db.close();
  });

  it("rejects a write it could not commit, so nothing unsaved is ever acknowledged", async () => {
    const file = tempFile();
    new Database(file).close(); // no doc_updates table
    const writer = new SqliteLogWriter(file, "normal");
    await expect(writer.write([{ documentId: "d", data: new Uint8Array([1]) }])).rejects.toThrow(/no such table/);
    await writer.close();
    await expect(writer.write([{ documentId: "d", data: new Uint8Array([1]) }])).rejects.toThrow();
  });
});
