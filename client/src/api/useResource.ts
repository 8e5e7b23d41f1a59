// Loads something from the API for a page, with loading and error states and a way to reload.
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "./http";

export type Resource<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; data: T };

/** Calls `load` whenever `key` changes; `reload` fetches again without showing a spinner. */
export function useResource<T>(load: () => Promise<T>, key: string): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setResource({ status: "ready", data }),
      (error: unknown) => !cancelled && setResource({ status: "error", message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
    // `load` is a fresh closure each render; `key` says when what it loads has changed.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return [resource, reload];
}
