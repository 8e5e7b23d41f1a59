// Discussion threads: started on an anchor the caller may see, written to the document of the
// people who may see that anchor (today the project's threads document; a thread on a blind
// coder's work will live in that coder's layer once blind coding lands), and indexed by id
// in the `threads` table so replies and resolves find it.
import { randomUUID } from "node:crypto";
import {
  anchorRange,
  buildDocumentName,
  checkAnchor,
  findCode,
  readThread,
  readThreads,
  reply,
  resolveAnchor,
  setResolved,
  startThread,
  transcriptTextMap,
  ThreadError,
  type Thread,
  type ThreadAnchor,
  type ThreadMessage,
} from "@concord/shared";
import { readDocument, writeDocument, type DocumentHost } from "../collab/serverWrites";
import { refusalsAsErrors } from "../coding/problems";
import { errors } from "../errors";
import { codebookName } from "./codebook";
import { locateCoding } from "./codings";

export const threadsName = (projectId: string) => buildDocumentName({ kind: "threads", projectId });
const textName = (documentId: string) => buildDocumentName({ kind: "text", documentId });

/** What a thread is about, as a caller names it. */
export type AnchorInput =
  | { documentId: string; start: number; end: number }
  | { documentId: string; position: { start: Uint8Array; end: Uint8Array } }
  | { codeId: string }
  | { codingId: string }
  | { disagreement: { documentId: string; codingIds: string[] } };

/** The caller of a thread command: who they are and which project they act in. */
export interface Participant {
  userId: string;
  projectId: string;
  /** May see the coding layer of `coderId` on `documentId` (the coding visibility policy). */
  maySeeLayer(documentId: string, coderId: string): Promise<boolean>;
}

async function documentInProject(host: DocumentHost, documentId: string, projectId: string): Promise<void> {
  const row = await host.store.db.selectFrom("documents").select("project_id").where("id", "=", documentId).executeTakeFirst();
  if (row?.project_id !== projectId) throw errors.validation("That transcript is not in this project.");
}

async function visibleCodingIn(host: DocumentHost, who: Participant, codingId: string, documentId?: string) {
  const coding = await locateCoding(host, codingId);
  const visible = coding && coding.projectId === who.projectId && (await who.maySeeLayer(coding.documentId, coding.coderId));
  if (!coding || !visible) throw errors.validation("There is no such coding in this project.");
  if (documentId !== undefined && coding.documentId !== documentId) throw errors.validation("Those codings are not all on that transcript.");
  return coding;
}

/** Turns what the caller named into a stored anchor, checking they may see it. */
async function anchorFor(host: DocumentHost, who: Participant, input: AnchorInput): Promise<ThreadAnchor> {
  if ("codeId" in input) {
    const code = await readDocument(host, codebookName(who.projectId), (doc) => findCode(doc, input.codeId));
    if (!code) throw errors.validation("There is no such code in this project.");
    return { kind: "code", codeId: code.id };
  }
  if ("codingId" in input) {
    const coding = await visibleCodingIn(host, who, input.codingId);
    return { kind: "coding", documentId: coding.documentId, codingId: coding.id };
  }
  if ("disagreement" in input) {
    const { documentId, codingIds } = input.disagreement;
    await documentInProject(host, documentId, who.projectId);
    for (const id of codingIds) await visibleCodingIn(host, who, id, documentId);
    return { kind: "codingDisagreement", documentId, codingIds: [...new Set(codingIds)] };
  }
  await documentInProject(host, input.documentId, who.projectId);
  const anchor = await refusalsAsErrors(() =>
    readDocument(host, textName(input.documentId), (doc) => {
      const map = transcriptTextMap(doc);
      return "position" in input ? checkAnchor(doc, map, input.position.start, input.position.end).anchor : anchorRange(map, input.start, input.end);
    }),
  );
  return { kind: "span", documentId: input.documentId, start: anchor.start, end: anchor.end };
}

/** The project members among `mentions`, or a refusal naming the first who is not one. */
async function checkMentions(host: DocumentHost, projectId: string, mentions: string[]): Promise<string[]> {
  const unique = [...new Set(mentions)];
  if (unique.length === 0) return [];
  const members = await host.store.db.selectFrom("memberships").select("user_id").where("project_id", "=", projectId).where("user_id", "in", unique).execute();
  if (members.length !== unique.length) throw errors.validation("Only members of this project can be mentioned.");
  return unique;
}

function threadRefusal(error: unknown): never {
  if (error instanceof ThreadError) throw error.problem === "missing" ? errors.missing("There is no such thread.") : errors.tooLarge(error.message);
  throw error;
}

export interface NewMessage {
  body: string;
  mentions: string[];
}

/** Starts a thread on `input` with its first message; resolves once it is durable. */
export async function openThread(host: DocumentHost, who: Participant, input: AnchorInput, message: NewMessage): Promise<Thread> {
  const anchor = await anchorFor(host, who, input);
  const mentions = await checkMentions(host, who.projectId, message.mentions);
  const id = randomUUID();
  const home = threadsName(who.projectId);
  const createdAt = new Date().toISOString();
  const first: ThreadMessage = { id: randomUUID(), author: who.userId, body: message.body, mentions, createdAt };
  // The index row first: a thread the index cannot find could never be replied to.
  await host.store.db.insertInto("threads").values({ id, project_id: who.projectId, home, created_by: who.userId, created_at: createdAt }).execute();
  try {
    await writeDocument(host, home, (doc) => startThread(doc, { id, anchor, message: first })).catch(threadRefusal);
  } catch (error) {
    await host.store.db.deleteFrom("threads").where("id", "=", id).execute();
    throw error;
  }
  return { id, anchor, createdBy: who.userId, createdAt, resolved: null, messages: [first] };
}

/** Where a thread lives and in which project, by its id; undefined when there is none. */
export function locateThread(host: DocumentHost, threadId: string) {
  return host.store.db.selectFrom("threads").select(["id", "project_id as projectId", "home"]).where("id", "=", threadId).executeTakeFirst();
}

/** Adds a reply to a thread (reopening it if it was resolved). */
export async function replyToThread(host: DocumentHost, who: Participant, thread: { id: string; home: string }, message: NewMessage): Promise<ThreadMessage> {
  const mentions = await checkMentions(host, who.projectId, message.mentions);
  const added: ThreadMessage = { id: randomUUID(), author: who.userId, body: message.body, mentions, createdAt: new Date().toISOString() };
  await writeDocument(host, thread.home, (doc) => reply(doc, thread.id, added)).catch(threadRefusal);
  return added;
}

/** Marks a thread resolved by the caller, or open again. */
export async function resolveThread(host: DocumentHost, who: Participant, thread: { id: string; home: string }, resolved: boolean): Promise<void> {
  const state = resolved ? { by: who.userId, at: new Date().toISOString() } : null;
  await writeDocument(host, thread.home, (doc) => setResolved(doc, thread.id, state)).catch(threadRefusal);
}

/** Where a span thread's words are now, like a coding's. */
export interface PlacedSpan {
  start: number;
  end: number;
  text: string;
  orphaned: boolean;
}

/** Threads with each span anchor placed in the current text; each transcript is read once. */
export async function placeThreads(host: DocumentHost, threads: Thread[]): Promise<{ thread: Thread; span: PlacedSpan | null }[]> {
  const spans = new Map<string, PlacedSpan>();
  const byDocument = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (thread.anchor.kind === "span") byDocument.set(thread.anchor.documentId, [...(byDocument.get(thread.anchor.documentId) ?? []), thread]);
  }
  for (const [documentId, onDocument] of byDocument) {
    await readDocument(host, textName(documentId), (doc) => {
      const map = transcriptTextMap(doc);
      for (const thread of onDocument) {
        const anchor = thread.anchor as Extract<ThreadAnchor, { kind: "span" }>;
        const range = resolveAnchor(doc, map, { start: anchor.start, end: anchor.end });
        spans.set(thread.id, { ...range, text: map.text.slice(range.start, range.end) });
      }
    });
  }
  return threads.map((thread) => ({ thread, span: spans.get(thread.id) ?? null }));
}

/** The project's threads, oldest first, placed. */
export async function listThreads(host: DocumentHost, projectId: string): Promise<{ thread: Thread; span: PlacedSpan | null }[]> {
  return placeThreads(host, await readDocument(host, threadsName(projectId), readThreads));
}

/** One thread by id from its home document, placed; undefined when the document has none by that id. */
export async function readPlacedThread(host: DocumentHost, thread: { id: string; home: string }) {
  const found = await readDocument(host, thread.home, (doc) => readThread(doc, thread.id));
  return found ? (await placeThreads(host, [found]))[0] : undefined;
}
