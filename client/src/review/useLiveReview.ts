// Keeps a review stage's lists live: opens the signed-in person's own review document and the
// stage's revealed one (the server writes them; only what this person may see is in them)
// and refetches the stage's items and agreement whenever either changes — a rater's own
// decision from another tab, or an item revealed or settled by the others — and the list of
// full texts not retrieved, which the revealed document also tells of (the PRISMA report
// follows the stage's data).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useEffect } from "react";
import * as Y from "yjs";
import { queryKeys } from "../api/queries";
import type { ReviewStage } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { collabUrl } from "../editor/collabUrl";

/** Changes arriving together (a reveal writes several items) refetch once. */
const SETTLE_MS = 150;

export function useLiveReview(projectId: string, stage: ReviewStage, names: readonly (string | null)[]): void {
  const invalidate = useInvalidate();
  const key = names.filter(Boolean).join(" ");
  useEffect(() => {
    const wanted = key === "" ? [] : key.split(" ");
    if (wanted.length === 0) return;
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl() });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        invalidate(queryKeys.reviewStage(projectId, stage));
        invalidate(queryKeys.notRetrieved(projectId));
      }, SETTLE_MS);
    };
    const providers = wanted.map((name) => {
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: "session" });
      provider.attach();
      // The first sync brings what the lists already show; later updates are news.
      provider.on("synced", () => doc.on("update", refetch));
      return { provider, doc };
    });
    return () => {
      clearTimeout(timer);
      for (const { provider, doc } of providers) {
        provider.destroy();
        doc.destroy();
      }
      socket.destroy();
    };
  }, [invalidate, key, projectId, stage]);
}
