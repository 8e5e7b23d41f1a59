// What a coding change (a coder's layer, a settlement, a round's progress) can change on the
// screen: the round, the codings and the agreement — not the transcript's text, which the
// live editor keeps and is deliberately not fetched again while it is open.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { queryKeys } from "../api/queries";

const CODING_PARTS = new Set(["blind", "codings", "agreement"]);

/**
 * Refetches the coding round, codings and agreement of `documentId`, or of every transcript
 * when omitted; with `details`, also the transcripts' details (the documents they may open).
 */
export function useRefreshCoding(): (documentId?: string, options?: { details: boolean }) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (documentId, options) =>
      void queryClient.invalidateQueries({
        predicate: ({ queryKey }) =>
          queryKey[0] === queryKeys.document("")[0] &&
          (documentId === undefined || queryKey[1] === documentId) &&
          (CODING_PARTS.has(String(queryKey[2])) || (options?.details === true && queryKey.length === 2)),
      }),
    [queryClient],
  );
}
