// Live without a second copy of the model: the threads and the coders' layers are written only
// by the server, which also presents them (names, placed spans, agreement) over REST. So a
// panel watches those Yjs documents read-only and, when one changes, fetches the REST answer
// again. All the watched documents share one WebSocket (Hocuspocus multiplexes them).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useEffect, useRef } from "react";
import * as Y from "yjs";
import { CLOSE } from "@concord/shared/collab/closeEvents";
import { collabUrl } from "../editor/collabUrl";

/** Changes arriving together (a settlement touches several layers) cause one fetch. */
const SETTLE_MS = 150;

/** Calls `onChange` after any of the named documents changes, or when access to them changes. */
export function useDocumentChanges(names: string[], onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = [...names].sort().join("\n");

  useEffect(() => {
    if (key === "") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), SETTLE_MS);
    };
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl() });
    const watched = key.split("\n").map((name) => {
      const doc = new Y.Doc();
      // The session cookie authenticates the socket; the server accepts this placeholder.
      const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: "session" });
      provider.attach();
      doc.on("update", changed);
      provider.on("close", ({ event }: { event: { reason?: string } }) => {
        // A round started or revealed, a role changed: what may be seen is decided afresh.
        if (event.reason !== CLOSE.accessChanged.reason) return;
        changed();
        void provider.sendToken().then(() => provider.startSync());
      });
      return { doc, provider };
    });
    return () => {
      clearTimeout(timer);
      for (const { doc, provider } of watched) {
        provider.destroy();
        doc.destroy();
      }
      socket.destroy();
    };
  }, [key]);
}
