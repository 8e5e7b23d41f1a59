// After a change, the queries it affects are fetched again (those on screen at once, the rest
// when next shown); TanStack Query drops an older fetch still under way, so a slow answer
// from before the change can never overwrite the newer one.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";

export function useInvalidate(): (queryKey: QueryKey) => void {
  const queryClient = useQueryClient();
  return useCallback((queryKey) => void queryClient.invalidateQueries({ queryKey }), [queryClient]);
}
