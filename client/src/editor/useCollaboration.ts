// The one place a document's collaboration objects are made and torn down: the Y.Doc, the
// IndexedDB copy that keeps edits on this device while offline, and the Hocuspocus provider
// that syncs with the server. Everything else reads what this hook returns.
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE } from "@concord/shared/collab/closeEvents";
import { connectionState, type ConnectionSignals, type ConnectionState } from "./connectionState";

export type Collaboration = { doc: Y.Doc; provider: HocuspocusProvider };

export type CollaborationResult = {
  collaboration: Collaboration | null;
  connection: ConnectionState;
  /** True when the server said this connection may only read. */
  serverReadOnly: boolean;
};

export function collabUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/collab`;
}

/** The offline store's name; one IndexedDB database per document. */
export const offlineStoreName = (documentId: string) => `concord-document-${documentId}`;

export function useCollaboration(documentId: string): CollaborationResult {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [connection, setConnection] = useState<ConnectionState>({ kind: "connecting", reconnecting: false });
  const [serverReadOnly, setServerReadOnly] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    // The offline copy is a convenience: if IndexedDB is unavailable (some private modes)
    // the editor still works online, so a failure here must not stop the provider.
    let offline: IndexeddbPersistence | null = null;
    try {
      offline = new IndexeddbPersistence(offlineStoreName(documentId), doc);
    } catch (error) {
      console.warn("Offline copy unavailable", error);
    }

    const signals: ConnectionSignals = {
      status: WebSocketStatus.Connecting,
      synced: false,
      unsyncedChanges: 0,
      refusedReason: null,
      everConnected: false,
      browserOnline: navigator.onLine,
    };
    const publish = () => setConnection(connectionState(signals));

    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: documentId,
      document: doc,
      // The session cookie authenticates the socket; the server accepts this placeholder.
      token: "session",
    });
    // Listen after construction (not through constructor options) so no callback can run
    // before `provider` exists; nothing arrives from the socket before this task ends.
    provider.on("status", ({ status }: { status: WebSocketStatus }) => {
      signals.status = status;
      if (status === WebSocketStatus.Connected) signals.everConnected = true;
      signals.synced = provider.synced;
      publish();
    });
    provider.on("synced", () => {
      signals.synced = true;
      publish();
    });
    provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      signals.unsyncedChanges = number;
      signals.synced = provider.synced;
      publish();
    });
    provider.on("authenticated", ({ scope }: { scope: string }) => {
      signals.refusedReason = null;
      setServerReadOnly(scope === "readonly");
      publish();
    });
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      signals.refusedReason = reason || "The server did not allow access to this document.";
      publish();
      // Retrying would be refused again; stop instead of using someone's poor connection on it.
      provider.configuration.websocketProvider.disconnect();
    });

    // The server closes a document when the person's role changes, they are removed or signed out;
    // authenticating again on the same socket makes it decide afresh (read-only now, or
    // refused with its reason).
    provider.on("close", ({ event }: { event: { reason?: string } }) => {
      if (event.reason !== CLOSE.accessChanged.reason && event.reason !== CLOSE.signedOut.reason) return;
      void provider.sendToken().then(() => provider.startSync());
    });

    const onOnlineChange = () => {
      signals.browserOnline = navigator.onLine;
      // Offline, the others' cursors would stay where they were last seen while the socket
      // takes its time to notice; forget them now, as the provider does once it closes. The
      // provider as origin keeps it from telling the server (which would drop them for all).
      // They come back with their next awareness update once this device is online again.
      const awareness = provider.awareness;
      if (!navigator.onLine && awareness) {
        const others = [...awareness.getStates().keys()].filter((clientId) => clientId !== awareness.clientID);
        removeAwarenessStates(awareness, others, provider);
      }
      publish();
    };
    window.addEventListener("online", onOnlineChange);
    window.addEventListener("offline", onOnlineChange);
    setCollaboration({ doc, provider });

    return () => {
      window.removeEventListener("online", onOnlineChange);
      window.removeEventListener("offline", onOnlineChange);
      setCollaboration(null);
      provider.destroy();
      void offline?.destroy();
      doc.destroy();
    };
  }, [documentId]);

  return { collaboration, connection, serverReadOnly };
}
