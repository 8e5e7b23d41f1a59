// Discussion threads: started on an anchor the caller may see, written to the document of the
// people who may see that anchor — the project's threads document, or, for a thread on a
// blind coder's coding or on a code they made while coding blind, that coder's layer, so the
// other coders never receive it — and indexed by id (with that home) in the `threads` table
// so replies and resolves find it.
import { randomUUID } from "node:crypto";
import {
  anchorRange,
  buildDocumentName,
  checkAnchor,
  isRevealed,
  parseDocumentName,
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
  type Stage,
} from "@concord/shared";
import { readDocument, writeDocument, type DocumentHost } from "../collab/serverWrites";
import { refusalsAsErrors } from "../coding/problems";
import { errors } from "../errors";
import { codebookName, findVisibleCode, layerName } from "./codebook";
import { locateCoding } from "./codings";
import { readItem } from "./review";
import { stageQuestions } from "../review/questions";

export const threadsName = (projectId: string) => buildDocumentName({ kind: "threads", projectId });
const textName = (documentId: string) => buildDocumentName({ kind: "text", documentId });

/** What a thread is about, as a caller names it. */
export type AnchorInput =
  | { documentId: string; start: number; end: number }
  | { documentId: string; position: { start: Uint8Array; end: Uint8Array } }
  | { codeId: string }
  | { codingId: string }
  | { disagreement: { documentId: string; codingIds: string[] } }
  | { ratingDisagreement: { stage: Stage; recordId: string; question?: string } };

/** The caller of a thread command: who they are and which project they act in. */
export interface Participant {
  userId: string;
  projectId: string;
  /** May see the coding layer of `coderId` on `documentId` (the coding visibility policy). */
  maySeeLayer(documentId: string, coderId: string): Promise<boolean>;
  /** Whether `documentId` is being coded blind (not yet revealed). */
  isBlind(documentId: string): Promise<boolean>;
}

/** Whether the caller may see the thread home `home` (a layer only when they may see that layer). */
export async function maySeeHome(who: Pick<Participant, "maySeeLayer">, home: string): Promise<boolean> {
  const address = parseDocumentName(home);
  if (address?.kind === "threads") return true;
  return address?.kind === "layer" && (await who.maySeeLayer(address.documentId, address.coderId));
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

/**
 * Turns what the caller named into a stored anchor and the document the thread lives in,
 * checking they may see the anchor.
 */
async function anchorFor(host: DocumentHost, who: Participant, input: AnchorInput): Promise<{ anchor: ThreadAnchor; home: string }> {
  const shared = threadsName(who.projectId);
  if ("codeId" in input) {
    const found = await findVisibleCode(host, who.projectId, input.codeId, (layer) => who.maySeeLayer(layer.documentId, layer.coderId));
    if (!found) throw errors.validation("There is no such code in this project.");
    return { anchor: { kind: "code", codeId: found.code.id }, home: found.home === codebookName(who.projectId) ? shared : found.home };
  }
  if ("codingId" in input) {
    const coding = await visibleCodingIn(host, who, input.codingId);
    const home = (await who.isBlind(coding.documentId)) ? layerName(coding.documentId, coding.coderId) : shared;
    return { anchor: { kind: "coding", documentId: coding.documentId, codingId: coding.id }, home };
  }
  if ("disagreement" in input) {
    const { documentId, codingIds } = input.disagreement;
    await documentInProject(host, documentId, who.projectId);
    if (await who.isBlind(documentId)) throw errors.conflict("Disagreements can be discussed once this transcript's blind coding is revealed.");
    for (const id of codingIds) await visibleCodingIn(host, who, id, documentId);
    return { anchor: { kind: "codingDisagreement", documentId, codingIds: [...new Set(codingIds)] }, home: shared };
  }
  if ("ratingDisagreement" in input) {
    // Discussed by the team once revealed, so it lives in the project's threads document.
    const { stage, recordId, question } = input.ratingDisagreement;
    const { item } = await readItem(host, who.projectId, stage, recordId);
    if (!item) throw errors.validation("Nobody rates that record at that stage.");
    if (!isRevealed(item)) throw errors.conflict("A rating disagreement can be discussed once every rater has submitted and the item is revealed.");
    if (question !== undefined && !(await stageQuestions(host.store.db, who.projectId, stage, [item])).of(item).includes(question)) throw errors.validation(`"${question}" is not a question compared at this stage.`);
    return { anchor: { kind: "ratingDisagreement", stage, recordId, ...(question !== undefined && question !== "decision" ? { question } : {}) }, home: shared };
  }
  await documentInProject(host, input.documentId, who.projectId);
  const anchor = await refusalsAsErrors(() =>
    readDocument(host, textName(input.documentId), (doc) => {
      const map = transcriptTextMap(doc);
      return "position" in input ? checkAnchor(doc, map, input.position.start, input.position.end).anchor : anchorRange(map, input.start, input.end);
    }),
  );
  return { anchor: { kind: "span", documentId: input.documentId, start: anchor.start, end: anchor.end }, home: shared };
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
  const { anchor, home } = await anchorFor(host, who, input);
  const mentions = await checkMentions(host, who.projectId, message.mentions);
  const id = randomUUID();
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

/** The project's threads the caller may see — in the threads document and in the layers they may see — oldest first, placed. */
export async function listThreads(host: DocumentHost, who: Pick<Participant, "maySeeLayer" | "projectId">): Promise<{ thread: Thread; span: PlacedSpan | null }[]> {
  const rows = await host.store.db.selectFrom("threads").select("home").distinct().where("project_id", "=", who.projectId).execute();
  const homes = new Set([threadsName(who.projectId), ...rows.map((row) => row.home)]);
  const threads: Thread[] = [];
  for (const home of homes) if (await maySeeHome(who, home)) threads.push(...(await readDocument(host, home, readThreads)));
  threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return placeThreads(host, threads);
}

/** One thread by id from its home document, placed; undefined when the document has none by that id. */
export async function readPlacedThread(host: DocumentHost, thread: { id: string; home: string }) {
  const found = await readDocument(host, thread.home, (doc) => readThread(doc, thread.id));
  return found ? (await placeThreads(host, [found]))[0] : undefined;
}
