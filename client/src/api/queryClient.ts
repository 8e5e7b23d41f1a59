// The one cache of what the server said. A refused request (4xx) is an answer, not a hiccup,
// so it is not retried; a dropped connection is tried once more before the page says so.
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./http";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Lists change through this page's own actions (which invalidate them) or live edits;
        // a few seconds spares a slow connection the refetch on every section change.
        staleTime: 10_000,
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
