// When access changes — a member's role changes or they leave, a session ends, a token is
// revoked — the affected document connections are closed so the provider reconnects and
// onAuthenticate decides afresh. With several server processes (REDIS_URL) a change is
// described as data (AccessChange) and published to every other process, which applies it
// to its own connections (redis/processBus.ts).
//
// A connection still authenticating when access changes is not among any document's
// connections yet, so closing "every matching connection" misses it, and it would attach
// with the access it had. So every change is also remembered for a while, numbered: a
// connection notes the number when it starts authenticating and, once attached, checks the
// changes made since (AuthExtension does, on attach and before each message). After that
// check it is attached, so later changes reach it directly.
import type { Hocuspocus } from "@hocuspocus/server";
import { z } from "zod";
import { CLOSE, type CloseEvent } from "@concord/shared";
import type { ConnectionContext } from "./context";

type Matcher = (context: ConnectionContext) => boolean;

/**
 * How long a change is remembered. Authenticating and loading a document takes well under a
 * second; a connection that started authenticating before the oldest remembered change is
 * treated as affected by a forgotten one and asked to authenticate again.
 */
const REMEMBER_MS = 5 * 60_000;

class AccessChanges {
  /** The number of the latest change; 0 before any. */
  latest = 0;
  /** Changes numbered up to this one are forgotten. */
  forgottenUpTo = 0;
  private recent: { number: number; at: number; matches: Matcher }[] = [];

  record(matches: Matcher): void {
    const now = Date.now();
    this.recent.push({ number: ++this.latest, at: now, matches });
    while (this.recent.length > 0 && now - this.recent[0]!.at > REMEMBER_MS) this.forgottenUpTo = this.recent.shift()!.number;
  }

  /** Whether a change made after change number `since` affects `context`. */
  affects(context: ConnectionContext, since: number): boolean {
    if (since >= this.latest) return false;
    if (since < this.forgottenUpTo) return true;
    return this.recent.some((change) => change.number > since && change.matches(context));
  }
}

const changesByServer = new WeakMap<Hocuspocus, AccessChanges>();
/** Per collaboration server, where its access changes go to reach the other processes. */
const relays = new WeakMap<Hocuspocus, (change: AccessChange) => void>();

/** A change of access, as data, so it can travel to other processes (checked again when it arrives). */
export const AccessChangeSchema = z.discriminatedUnion("kind", [
  /** A member's role changed or they left the project. */
  z.strictObject({ kind: z.literal("member"), projectId: z.string(), userId: z.string() }),
  /** Sessions or tokens (by hash) ended. */
  z.strictObject({ kind: z.literal("credentials"), hashes: z.array(z.string()).max(10_000) }),
  /** Who may open the coding layers of these transcripts changed. */
  z.strictObject({ kind: z.literal("layers"), documentIds: z.array(z.string()).max(10_000) }),
  /** Whose cursor the text of these transcripts may relay changed (a blind round began or was revealed). */
  z.strictObject({ kind: z.literal("cursors"), documentIds: z.array(z.string()).max(10_000) }),
  /** Who may open the other raters' documents at a review stage changed (someone was assigned, or watching was turned off). */
  z.strictObject({ kind: z.literal("review"), projectId: z.string() }),
]);
export type AccessChange = z.infer<typeof AccessChangeSchema>;

function matcherOf(change: AccessChange): Matcher {
  if (change.kind === "member") return (context) => context.projectId === change.projectId && context.user.id === change.userId;
  if (change.kind === "layers") {
    const affected = new Set(change.documentIds);
    return ({ address }) => address.kind === "layer" && affected.has(address.documentId);
  }
  if (change.kind === "cursors") {
    const affected = new Set(change.documentIds);
    return ({ address }) => address.kind === "text" && affected.has(address.documentId);
  }
  if (change.kind === "review") {
    return ({ address, user }) => address.kind === "reviewRater" && address.projectId === change.projectId && address.raterId !== user.id;
  }
  const ended = new Set(change.hashes);
  return (context) => ended.has(context.credential.hash);
}

const EVENT_OF: Record<AccessChange["kind"], CloseEvent> = { member: CLOSE.accessChanged, credentials: CLOSE.signedOut, layers: CLOSE.accessChanged, cursors: CLOSE.accessChanged, review: CLOSE.accessChanged };

/** Sends every access change of `hocuspocus` to `relay` as well (the other processes). */
export function relayAccessChanges(hocuspocus: Hocuspocus, relay: (change: AccessChange) => void): void {
  relays.set(hocuspocus, relay);
}

/** Applies a change to this process's connections only (one that came from another process). */
export function applyAccessChange(hocuspocus: Hocuspocus, change: AccessChange): number {
  return closeConnections(hocuspocus, matcherOf(change), EVENT_OF[change.kind]);
}

/** Applies a change here and on every other process; returns how many connections closed here. */
export function changeAccess(hocuspocus: Hocuspocus | undefined, change: AccessChange): number {
  if (!hocuspocus) return 0;
  relays.get(hocuspocus)?.(change);
  return applyAccessChange(hocuspocus, change);
}

function changesOf(hocuspocus: Hocuspocus): AccessChanges {
  let changes = changesByServer.get(hocuspocus);
  if (!changes) changesByServer.set(hocuspocus, (changes = new AccessChanges()));
  return changes;
}

/** The number of the latest access change, noted when a connection starts authenticating. */
export function accessChangeNumber(hocuspocus: Hocuspocus): number {
  return changesOf(hocuspocus).latest;
}

/**
 * For an attached connection: whether access changed for it since it started
 * authenticating. If not, it needs no further check: attached, later changes close it directly.
 */
export function accessChangedSince(hocuspocus: Hocuspocus, context: ConnectionContext): boolean {
  if (changesOf(hocuspocus).affects(context, context.accessCheckedUpTo)) return true;
  context.accessCheckedUpTo = Number.POSITIVE_INFINITY;
  return false;
}

/** Closes every authenticated document connection whose context matches; returns how many. */
export function closeConnections(
  hocuspocus: Hocuspocus | undefined,
  matches: Matcher,
  event: CloseEvent = CLOSE.accessChanged,
): number {
  if (!hocuspocus) return 0;
  changesOf(hocuspocus).record(matches);
  let closed = 0;
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as ConnectionContext | undefined;
      if (context?.user && matches(context)) {
        connection.close(event);
        closed++;
      }
    }
  }
  return closed;
}

/** Closes a member's connections to one project's documents, on every process. */
export function closeConnectionsOf(hocuspocus: Hocuspocus | undefined, projectId: string, userId: string): number {
  return changeAccess(hocuspocus, { kind: "member", projectId, userId });
}

/**
 * Closes the connections to the coding layers of these transcripts, on every process: who may
 * open which layer changed (blind coding began, or whether a lead may watch it). The providers
 * reconnect and onAuthenticate decides afresh, refusing a layer the person may no longer see.
 */
export function closeLayerConnections(hocuspocus: Hocuspocus | undefined, documentIds: Iterable<string>): number {
  const affected = [...new Set(documentIds)];
  if (affected.length === 0) return 0;
  return changeAccess(hocuspocus, { kind: "layers", documentIds: affected });
}

/**
 * Closes the connections to the text of these transcripts, on every process: whether a
 * person's cursor there is relayed changed (blind coding began or was revealed; see
 * PresenceExtension). The providers reconnect and onAuthenticate notes it afresh.
 */
export function closeTextConnections(hocuspocus: Hocuspocus | undefined, documentIds: string[]): number {
  return changeAccess(hocuspocus, { kind: "cursors", documentIds });
}

/** Closes the connections opened with any of these credentials (hashes), which have ended, on every process. */
export function closeCredentialConnections(hocuspocus: Hocuspocus | undefined, hashes: Iterable<string>): number {
  const ended = [...new Set(hashes)];
  if (ended.length === 0) return 0;
  return changeAccess(hocuspocus, { kind: "credentials", hashes: ended });
}

/** Closes the connections whose credential has expired since they opened (each process sweeps its own). */
export function closeExpiredConnections(hocuspocus: Hocuspocus | undefined, now = new Date()): number {
  const moment = now.toISOString();
  return closeConnections(hocuspocus, (context) => context.credential.expiresAt <= moment, CLOSE.signedOut);
}
