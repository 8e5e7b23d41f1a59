// What the person is told about saving, derived from the provider's raw signals.
import { WebSocketStatus } from "@hocuspocus/provider";

export type ConnectionState =
  | { kind: "connecting"; reconnecting: boolean }
  | { kind: "saved" }
  /** Saved, but the server cannot pass it on to people connected through another server. */
  | { kind: "unshared" }
  | { kind: "pending" }
  | { kind: "offline" }
  | { kind: "refused"; reason: string };

/** The provider's signals that decide the connection state. */
export type ConnectionSignals = {
  status: WebSocketStatus;
  /** Whether the first exchange with the server has finished since the last (re)connect. */
  synced: boolean;
  unsyncedChanges: number;
  /** The server's reason, once it refused access; it stays until access is granted. */
  refusedReason: string | null;
  /** Whether this page has ever been connected, so a later "connecting" is a reconnect. */
  everConnected: boolean;
  browserOnline: boolean;
  /** The server said its link to Concord's other servers is down (shared relayNotice.ts). */
  relayAway: boolean;
};

/** Whether the server has the document and takes changes (saving or saved). */
export function isConnected(state: ConnectionState): boolean {
  return state.kind === "saved" || state.kind === "unshared" || state.kind === "pending";
}

export function connectionState(signals: ConnectionSignals): ConnectionState {
  if (signals.refusedReason !== null) return { kind: "refused", reason: signals.refusedReason };
  if (!signals.browserOnline || signals.status === WebSocketStatus.Disconnected) {
    return signals.everConnected ? { kind: "offline" } : { kind: "connecting", reconnecting: false };
  }
  if (signals.status === WebSocketStatus.Connecting || !signals.synced) {
    return { kind: "connecting", reconnecting: signals.everConnected };
  }
  if (signals.unsyncedChanges > 0) return { kind: "pending" };
  return signals.relayAway ? { kind: "unshared" } : { kind: "saved" };
}
