// The codes this person applied last in a project, newest first, kept in the browser so the
// palette offers them again on the next visit.
import { useCallback, useState } from "react";

const RECENT_LIMIT = 8;
const recentKey = (projectId: string) => `concord-recent-codes-${projectId}`;

function readRecent(projectId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(recentKey(projectId)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string").slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

export function useRecentCodes(projectId: string): { recent: string[]; remember: (codeId: string) => void } {
  const [recent, setRecent] = useState(() => readRecent(projectId));
  const remember = useCallback(
    (codeId: string) => {
      setRecent((list) => {
        const next = [codeId, ...list.filter((id) => id !== codeId)].slice(0, RECENT_LIMIT);
        try {
          localStorage.setItem(recentKey(projectId), JSON.stringify(next));
        } catch {
          // Private browsing may refuse storage; the list still works for this visit.
        }
        return next;
      });
    },
    [projectId],
  );
  return { recent, remember };
}
