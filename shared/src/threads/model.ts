// Discussion threads, one model for every kind of anchor: a span of a transcript, a code, a
// coding, a disagreement between coders, a disagreement between raters of a paper. A thread
// lives in the Yjs document of the people who may see its anchor — the project's threads
// document for what the whole team sees, a blind coder's own layer document for a thread on
// their blind work — so whoever may not see the anchor never receives the thread either.
// Those documents are written only by the server (after its checks), through these functions.
import * as Y from "yjs";
import { z } from "zod";

/** The Y.Map, in whichever document holds them, that maps a thread id to its thread. */
export const THREADS_FIELD = "threads";

export const THREAD_LIMITS = {
  /** Characters in one message: a long paragraph of discussion, not a pasted chapter. */
  bodyChars: 10_000,
  /** Messages in one thread, the opening one included. */
  messages: 1_000,
  /** Threads in one document. */
  threads: 20_000,
  /** People @mentioned in one message. */
  mentions: 20,
} as const;

const Id = z.string().min(1).max(100);
const Base64 = z.string().min(1).max(1_000).regex(/^[A-Za-z0-9+/]+=*$/);

/**
 * What a thread is about, as stored. Span ends are Yjs relative positions into the
 * transcript (base64), so a thread stays on its words while the text is edited.
 */
export const ThreadAnchorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("span"), documentId: Id, start: Base64, end: Base64 }),
  z.object({ kind: z.literal("code"), codeId: Id }),
  z.object({ kind: z.literal("coding"), documentId: Id, codingId: Id }),
  z.object({ kind: z.literal("codingDisagreement"), documentId: Id, codingIds: z.array(Id).min(1).max(20) }),
  z.object({ kind: z.literal("ratingDisagreement"), stage: Id, recordId: Id, question: Id.optional() }),
]);
export type ThreadAnchor = z.infer<typeof ThreadAnchorSchema>;

export interface ThreadMessage {
  id: string;
  author: string;
  body: string;
  /** Members named with @ in the message, by user id. */
  mentions: string[];
  createdAt: string;
}

export interface Thread {
  id: string;
  anchor: ThreadAnchor;
  createdBy: string;
  createdAt: string;
  /** Who marked it resolved and when; null while it is open (again). */
  resolved: { by: string; at: string } | null;
  /** The opening message first, then the replies in the order they were made. */
  messages: ThreadMessage[];
}

export type BodyCheck = { ok: true; value: string } | { ok: false; message: string };

/** Control characters other than the line break and tab a message may contain. */
const CONTROL = /(?![\n\t])\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Checks a message's text and returns it normalised (NFC, trimmed), or the problem in plain words. */
export function checkMessageBody(raw: string): BodyCheck {
  // Line breaks as a script on Windows may send them become the browser's \n.
  const value = raw.replace(/\r\n?/g, "\n").normalize("NFC").trim();
  if (value === "") return { ok: false, message: "A message needs some text." };
  if ([...value].length > THREAD_LIMITS.bodyChars) {
    return { ok: false, message: `A message can be at most ${THREAD_LIMITS.bodyChars.toLocaleString("en")} characters long.` };
  }
  if (CONTROL.test(value)) return { ok: false, message: "A message cannot contain control characters other than line breaks and tabs." };
  if (BIDI_CONTROL.test(value)) {
    return { ok: false, message: "A message cannot contain characters that change the direction of the text around them." };
  }
  return { ok: true, value };
}

export class ThreadError extends Error {
  constructor(
    readonly problem: "missing" | "full",
    message: string,
  ) {
    super(message);
  }
}

function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(THREADS_FIELD);
}

function messagesOf(thread: Y.Map<unknown>): Y.Array<ThreadMessage> {
  return thread.get("messages") as Y.Array<ThreadMessage>;
}

/** Opens a thread with its first message, in one transaction. */
export function startThread(
  doc: Y.Doc,
  thread: { id: string; anchor: ThreadAnchor; message: ThreadMessage },
): void {
  const threads = threadsOf(doc);
  if (threads.size >= THREAD_LIMITS.threads) {
    throw new ThreadError("full", `This place holds at most ${THREAD_LIMITS.threads.toLocaleString("en")} threads.`);
  }
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set("anchor", thread.anchor);
    entry.set("createdBy", thread.message.author);
    entry.set("createdAt", thread.message.createdAt);
    entry.set("resolved", null);
    const messages = new Y.Array<ThreadMessage>();
    messages.push([thread.message]);
    entry.set("messages", messages);
    threads.set(thread.id, entry);
  });
}

function existing(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsOf(doc).get(threadId);
  if (!thread) throw new ThreadError("missing", "There is no such thread.");
  return thread;
}

/** Adds a reply. A reply to a resolved thread reopens it: the discussion is live again. */
export function reply(doc: Y.Doc, threadId: string, message: ThreadMessage): void {
  const thread = existing(doc, threadId);
  const messages = messagesOf(thread);
  if (messages.length >= THREAD_LIMITS.messages) {
    throw new ThreadError("full", `A thread holds at most ${THREAD_LIMITS.messages} messages; start a new one.`);
  }
  doc.transact(() => {
    messages.push([message]);
    if (thread.get("resolved")) thread.set("resolved", null);
  });
}

/** Marks a thread resolved by `by` at `at`, or open again with `null`. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: { by: string; at: string } | null): void {
  existing(doc, threadId).set("resolved", resolved);
}

function readEntry(id: string, entry: Y.Map<unknown>): Thread {
  return {
    id,
    anchor: entry.get("anchor") as ThreadAnchor,
    createdBy: entry.get("createdBy") as string,
    createdAt: entry.get("createdAt") as string,
    resolved: (entry.get("resolved") as Thread["resolved"]) ?? null,
    messages: messagesOf(entry).toArray(),
  };
}

/** One thread, or null when the document has none by that id. */
export function readThread(doc: Y.Doc, threadId: string): Thread | null {
  const entry = threadsOf(doc).get(threadId);
  return entry ? readEntry(threadId, entry) : null;
}

/** Every thread in the document, oldest first (ties by id, so the order is stable). */
export function readThreads(doc: Y.Doc): Thread[] {
  const threads = [...threadsOf(doc).entries()].map(([id, entry]) => readEntry(id, entry));
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
