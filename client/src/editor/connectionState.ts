// What the person is told about saving, derived from the provider's raw signals.
import { WebSocketStatus } from "@hocuspocus/provider";

export type ConnectionState =
  | { kind: "connecting"; reconnecting: boolean }
  | { kind: "saved" }
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
};

export function connectionState(signals: ConnectionSignals): ConnectionState {
  if (signals.refusedReason !== null) return { kind: "refused", reason: signals.refusedReason };
  if (!signals.browserOnline || signals.status === WebSocketStatus.Disconnected) {
    return signals.everConnected ? { kind: "offline" } : { kind: "connecting", reconnecting: false };
  }
  if (signals.status === WebSocketStatus.Connecting || !signals.synced) {
    return { kind: "connecting", reconnecting: signals.everConnected };
  }
  return signals.unsyncedChanges > 0 ? { kind: "pending" } : { kind: "saved" };
}
