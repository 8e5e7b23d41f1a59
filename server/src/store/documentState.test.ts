import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTranscript } from "../commands/transcripts";
import { createUser } from "../commands/accounts";
import { createProject } from "../commands/projects";
import { mergeHere } from "./documentState";
import { openStore, type Store } from "./store";

let dataDir: string;
let store: Store;
let documentId: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-state-"));
  store = await openStore({ dataDir });
  const user = await createUser(store.db, { email: "a@example.org", password: "long password", name: "A" });
  const project = await createProject(store.db, "P", user.id);
  documentId = (await createTranscript(store, { projectId: project.id, title: "T", text: "P: start", createdBy: user.id })).id;
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Edits a copy of the stored document and returns the update the edit produced. */
async function edit(change: (text: Y.Text) => void): Promise<Uint8Array> {
  const doc = await store.documents.loadDoc(documentId);
  const before = Y.encodeStateVector(doc);
  change(doc.getText("notes"));
  return Y.encodeStateAsUpdate(doc, before);
}

async function notes(): Promise<string> {
  return (await store.documents.loadDoc(documentId)).getText("notes").toString();
}

describe("durable document state", () => {
  it("returns appended updates on load, in order", async () => {
    await store.documents.append(documentId, await edit((t) => t.insert(0, "one ")));
    await store.documents.append(documentId, await edit((t) => t.insert(4, "two")));
    expect(await notes()).toBe("one two");
  });

  it("commits appends made in the same tick together, each promise resolving after the commit", async () => {
    const doc = await store.documents.loadDoc(documentId);
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 50; i++) doc.getText("notes").insert(i, "x");
    await Promise.all(updates.map((u) => store.documents.append(documentId, u)));
    const logged = await store.db.selectFrom("doc_updates").select("seq").where("document_id", "=", documentId).execute();
    expect(logged).toHaveLength(50);
    expect(await notes()).toBe("x".repeat(50));
  });

  it("compacts the log into the snapshot without changing the content, and survives reopening", async () => {
    for (const word of ["a", "b", "c"]) await store.documents.append(documentId, await edit((t) => t.insert(t.length, word)));
    await store.documents.compact(documentId);
    const logged = await store.db.selectFrom("doc_updates").select("seq").where("document_id", "=", documentId).execute();
    expect(logged).toHaveLength(0);
    await store.documents.append(documentId, await edit((t) => t.insert(t.length, "d")));
    await store.close();
    store = await openStore({ dataDir });
    expect(await notes()).toBe("abcd");
  });

  it("skips an unreadable stored entry instead of failing to load the document", async () => {
    await store.documents.append(documentId, await edit((t) => t.insert(0, "kept")));
    await store.db.insertInto("doc_updates").values({ document_id: documentId, data: new Uint8Array([255, 1, 2, 3]), created_at: "x" }).execute();
    expect(await notes()).toBe("kept");
  });

  it("compacts with the merger it is given (the server's worker pool) and keeps the log when that merger fails", async () => {
    for (const word of ["a", "b"]) await store.documents.append(documentId, await edit((t) => t.insert(t.length, word)));
    const merged: number[] = [];
    store.documents.mergeWith(async (parts, id) => {
      merged.push(parts.length);
      return mergeHere(parts, id);
    });
    await store.documents.compact(documentId);
    // The snapshot the transcript was created with, then the two logged edits.
    expect(merged).toEqual([3]);
    await store.documents.append(documentId, await edit((t) => t.insert(t.length, "c")));
    store.documents.mergeWith(() => Promise.reject(new Error("the pool is busy")));
    await expect(store.documents.compact(documentId)).rejects.toThrow("busy");
    const logged = await store.db.selectFrom("doc_updates").select("seq").where("document_id", "=", documentId).execute();
    expect(logged).toHaveLength(1);
    expect(await notes()).toBe("abc");
  });

  it("loads stored state into a live document in one transaction", async () => {
    for (const word of ["a", "b", "c"]) await store.documents.append(documentId, await edit((t) => t.insert(t.length, word)));
    const live = new Y.Doc();
    let transactions = 0;
    live.on("afterTransaction", () => transactions++);
    await store.documents.loadInto(documentId, live);
    expect(live.getText("notes").toString()).toBe("abc");
    expect(transactions).toBe(1);
  });
});
