import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  THREAD_LIMITS,
  ThreadAnchorSchema,
  ThreadError,
  checkMessageBody,
  readThread,
  readThreads,
  reply,
  setResolved,
  startThread,
  type ThreadMessage,
} from "./model";

const message = (id: string, author: string, body: string, createdAt: string, mentions: string[] = []): ThreadMessage => ({
  id,
  author,
  body,
  mentions,
  createdAt,
});

/** A second replica that receives every change of the first, as a client of the server's document would. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  doc.on("update", (update: Uint8Array) => Y.applyUpdate(copy, update));
  return copy;
}

describe("threads in a Yjs document", () => {
  it("keeps the opening message, replies in order, and who resolved it, on every replica", () => {
    const doc = new Y.Doc();
    const client = replicaOf(doc);
    startThread(doc, {
      id: "t1",
      anchor: { kind: "code", codeId: "c1" },
      message: message("m1", "priya", "Is this the same as feeling unworthy?", "2026-12-02T10:00:00.000Z", ["tom"]),
    });
    reply(doc, "t1", message("m2", "jo", "Not quite, it is about being listened to.", "2026-12-02T10:01:00.000Z"));
    setResolved(doc, "t1", { by: "priya", at: "2026-12-02T10:05:00.000Z" });

    const thread = readThread(client, "t1");
    expect(thread).toEqual({
      id: "t1",
      anchor: { kind: "code", codeId: "c1" },
      createdBy: "priya",
      createdAt: "2026-12-02T10:00:00.000Z",
      resolved: { by: "priya", at: "2026-12-02T10:05:00.000Z" },
      messages: [
        message("m1", "priya", "Is this the same as feeling unworthy?", "2026-12-02T10:00:00.000Z", ["tom"]),
        message("m2", "jo", "Not quite, it is about being listened to.", "2026-12-02T10:01:00.000Z"),
      ],
    });
  });

  it("reopens a resolved thread when someone replies, and on request", () => {
    const doc = new Y.Doc();
    startThread(doc, { id: "t1", anchor: { kind: "code", codeId: "c1" }, message: message("m1", "a", "x", "2026-01-01T00:00:00Z") });
    setResolved(doc, "t1", { by: "a", at: "2026-01-01T00:01:00Z" });
    reply(doc, "t1", message("m2", "b", "one more thing", "2026-01-01T00:02:00Z"));
    expect(readThread(doc, "t1")!.resolved).toBeNull();
    setResolved(doc, "t1", { by: "b", at: "2026-01-01T00:03:00Z" });
    setResolved(doc, "t1", null);
    expect(readThread(doc, "t1")!.resolved).toBeNull();
  });

  it("lists threads oldest first with a stable order for ties", () => {
    const doc = new Y.Doc();
    const at = "2026-01-01T00:00:00Z";
    startThread(doc, { id: "b", anchor: { kind: "code", codeId: "c" }, message: message("m", "a", "x", at) });
    startThread(doc, { id: "a", anchor: { kind: "code", codeId: "c" }, message: message("m", "a", "x", at) });
    startThread(doc, { id: "c", anchor: { kind: "code", codeId: "c" }, message: message("m", "a", "x", "2025-12-31T00:00:00Z") });
    expect(readThreads(doc).map((t) => t.id)).toEqual(["c", "a", "b"]);
  });

  it("refuses a reply to a thread the document does not hold, changing nothing", () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => reply(doc, "nope", message("m", "a", "x", "2026-01-01T00:00:00Z"))).toThrow(ThreadError);
    expect(() => setResolved(doc, "nope", null)).toThrow("no such thread");
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("refuses a reply beyond the message limit", () => {
    const doc = new Y.Doc();
    startThread(doc, { id: "t", anchor: { kind: "code", codeId: "c" }, message: message("m0", "a", "x", "2026-01-01T00:00:00Z") });
    for (let i = 1; i < THREAD_LIMITS.messages; i++) reply(doc, "t", message(`m${i}`, "a", "x", "2026-01-01T00:00:00Z"));
    expect(() => reply(doc, "t", message("last", "a", "x", "2026-01-01T00:00:00Z"))).toThrow(/start a new one/);
    expect(readThread(doc, "t")!.messages).toHaveLength(THREAD_LIMITS.messages);
  });
});

describe("checkMessageBody", () => {
  it("keeps line breaks and trims the ends", () => {
    expect(checkMessageBody("  First point.\nSecond point.\n ")).toEqual({ ok: true, value: "First point.\nSecond point." });
    expect(checkMessageBody("One.\r\nTwo.\rThree.")).toEqual({ ok: true, value: "One.\nTwo.\nThree." });
  });

  it("refuses empty, overlong, control and direction-changing text in plain words", () => {
    expect(checkMessageBody(" \n ")).toMatchObject({ ok: false, message: "A message needs some text." });
    expect(checkMessageBody("x".repeat(THREAD_LIMITS.bodyChars + 1))).toMatchObject({ ok: false, message: /at most 10,000/ });
    expect(checkMessageBody("a\u0000b")).toMatchObject({ ok: false, message: /control characters/ });
    expect(checkMessageBody("a\u202Eb")).toMatchObject({ ok: false, message: /direction/ });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(checkMessageBody("😀".repeat(THREAD_LIMITS.bodyChars)).ok).toBe(true);
  });
});

describe("ThreadAnchorSchema", () => {
  it("accepts each kind of anchor and refuses unknown kinds and malformed positions", () => {
    expect(ThreadAnchorSchema.safeParse({ kind: "span", documentId: "d", start: "AAE=", end: "AAI=" }).success).toBe(true);
    expect(ThreadAnchorSchema.safeParse({ kind: "ratingDisagreement", stage: "appraisal", recordId: "r", question: "q3" }).success).toBe(true);
    expect(ThreadAnchorSchema.safeParse({ kind: "span", documentId: "d", start: "not base64!", end: "AAI=" }).success).toBe(false);
    expect(ThreadAnchorSchema.safeParse({ kind: "memo", memoId: "m" }).success).toBe(false);
  });
});
