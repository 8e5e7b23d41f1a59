// A change to the codebook that is not undone with a click (merge, split): the first submit
// asks, the second makes it, then the counts and the history are fetched again and the form closes.
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";

export function useAskedTwice(projectId: string, onDone: () => void) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  async function submit(change: () => Promise<unknown>): Promise<void> {
    if (!confirming) return setConfirming(true);
    try {
      await change();
      void queryClient.invalidateQueries({ queryKey: queryKeys.codes(projectId) });
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
      setConfirming(false);
    }
  }
  return { confirming, reconsider: () => setConfirming(false), error, setError, submit };
}
