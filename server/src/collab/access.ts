// When access changes — a member's role changes or they leave, a session ends, a token is
// revoked — the affected document connections are closed so the provider reconnects and
// onAuthenticate decides afresh. (With several server processes this will be published to
// all of them; today there is one.)
//
// A connection still authenticating when access changes is not among any document's
// connections yet, so closing "every matching connection" misses it, and it would attach
// with the access it had. So every change is also remembered for a while, numbered: a
// connection notes the number when it starts authenticating and, once attached, checks the
// changes made since (AuthExtension does, on attach and before each message). After that
// check it is attached, so later changes reach it directly.
import type { Hocuspocus } from "@hocuspocus/server";
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

/** Closes a member's connections to one project's documents. */
export function closeConnectionsOf(hocuspocus: Hocuspocus | undefined, projectId: string, userId: string): number {
  return closeConnections(hocuspocus, (context) => context.projectId === projectId && context.user.id === userId);
}

/**
 * Closes the connections to the coding layers of these transcripts: who may open which layer
 * changed (blind coding began, or whether a lead may watch it). The providers reconnect and
 * onAuthenticate decides afresh, refusing a layer the person may no longer see.
 */
export function closeLayerConnections(hocuspocus: Hocuspocus | undefined, documentIds: Iterable<string>): number {
  const affected = new Set(documentIds);
  if (affected.size === 0) return 0;
  return closeConnections(hocuspocus, ({ address }) => address.kind === "layer" && affected.has(address.documentId));
}

/** Closes the connections opened with any of these credentials (hashes), which have ended. */
export function closeCredentialConnections(hocuspocus: Hocuspocus | undefined, hashes: Iterable<string>): number {
  const ended = new Set(hashes);
  if (ended.size === 0) return 0;
  return closeConnections(hocuspocus, (context) => ended.has(context.credential.hash), CLOSE.signedOut);
}

/** Closes the connections whose credential has expired since they opened. */
export function closeExpiredConnections(hocuspocus: Hocuspocus | undefined, now = new Date()): number {
  const moment = now.toISOString();
  return closeConnections(hocuspocus, (context) => context.credential.expiresAt <= moment, CLOSE.signedOut);
}
