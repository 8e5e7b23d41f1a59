import { WebSocketStatus } from "@hocuspocus/provider";
import { describe, expect, it } from "vitest";
import { connectionState, type ConnectionSignals } from "./connectionState";

const connected: ConnectionSignals = {
  status: WebSocketStatus.Connected,
  synced: true,
  unsyncedChanges: 0,
  refusedReason: null,
  everConnected: true,
  browserOnline: true,
  relayAway: false,
};

describe("connectionState", () => {
  it("says saved only when synced with nothing waiting for the server", () => {
    expect(connectionState(connected)).toEqual({ kind: "saved" });
    expect(connectionState({ ...connected, unsyncedChanges: 2 })).toEqual({ kind: "pending" });
    expect(connectionState({ ...connected, synced: false })).toEqual({ kind: "connecting", reconnecting: true });
  });

  it("says saved but not shared while the server cannot reach the other servers, once nothing waits", () => {
    expect(connectionState({ ...connected, relayAway: true })).toEqual({ kind: "unshared" });
    expect(connectionState({ ...connected, relayAway: true, unsyncedChanges: 1 })).toEqual({ kind: "pending" });
    expect(connectionState({ ...connected, relayAway: true, browserOnline: false })).toEqual({ kind: "offline" });
  });

  it("says offline after a lost connection, but connecting on a first visit", () => {
    expect(connectionState({ ...connected, browserOnline: false })).toEqual({ kind: "offline" });
    expect(connectionState({ ...connected, status: WebSocketStatus.Disconnected })).toEqual({ kind: "offline" });
    expect(connectionState({ ...connected, status: WebSocketStatus.Disconnected, everConnected: false })).toEqual({
      kind: "connecting",
      reconnecting: false,
    });
  });

  it("puts a refusal and its reason above everything else", () => {
    expect(connectionState({ ...connected, refusedReason: "Not signed in." })).toEqual({ kind: "refused", reason: "Not signed in." });
  });
});
