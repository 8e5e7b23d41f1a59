// Whether a CSS media query matches, following changes (a phone turned, a window resized,
// zoom). For layouts that render different elements, not only different styles: a panel is
// a column on a wide screen and a slide-over sheet on a narrow one.
import { useCallback, useSyncExternalStore } from "react";

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/** The breakpoints the workspace is laid out by (workspace.css uses the same numbers). */
export const SCREENS = {
  /** The sidebar replaces the phone's bottom bar. */
  sidebar: "(min-width: 50rem)",
  /** The transcript's side panel is a column beside the text instead of a sheet. */
  sidePanel: "(min-width: 75rem)",
} as const;
