// When access changes — a member's role changes or they leave, a session ends, a token is
// revoked — the affected document connections are closed so the provider reconnects and
// onAuthenticate decides afresh. (With several server processes this will be published to
// all of them; today there is one.)
import type { Hocuspocus } from "@hocuspocus/server";
import { CLOSE, type CloseEvent } from "@concord/shared";
import type { ConnectionContext } from "./context";

/** Closes every authenticated document connection whose context matches; returns how many. */
export function closeConnections(
  hocuspocus: Hocuspocus | undefined,
  matches: (context: ConnectionContext) => boolean,
  event: CloseEvent = CLOSE.accessChanged,
): number {
  let closed = 0;
  for (const document of hocuspocus?.documents.values() ?? []) {
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
