// The discussion of a review stage's disagreements, live: the stage's threads (one per
// disagreement a rater or lead started) fetched again whenever the project's threads
// document changes — a reply, a resolve, a thread started in another browser.
import { useQuery } from "@tanstack/react-query";
import { can } from "@concord/shared/project/roles";
import { queries, queryKeys } from "../api/queries";
import type { Person, ReviewStage, Thread } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { useDocumentChanges } from "../live/useDocumentChanges";

/** Which disagreement a thread is on: its record and question ("decision" at screening). */
export const disagreementKey = (recordId: string, question: string | undefined) => `${recordId} ${question ?? "decision"}`;

export type StageThreads = {
  /** The thread on each disagreement (the first started, should two people start one at once). */
  byDisagreement: Map<string, Thread>;
  /** The members who can be @mentioned. */
  people: Person[];
  canWrite: boolean;
  refresh: () => void;
};

export function useStageThreads(projectId: string, stage: ReviewStage): StageThreads {
  const project = useQuery(queries.project(projectId));
  const threads = useQuery(queries.stageThreads(projectId, stage));
  const invalidate = useInvalidate();
  const refresh = () => invalidate(queryKeys.stageThreads(projectId, stage));
  const watched = (project.data?.collab ?? []).filter((entry) => entry.kind === "threads").map((entry) => entry.name);
  useDocumentChanges(watched, refresh);
  const byDisagreement = new Map<string, Thread>();
  for (const thread of threads.data ?? []) {
    if (thread.anchor.kind !== "ratingDisagreement") continue;
    const key = disagreementKey(thread.anchor.recordId, thread.anchor.question);
    if (!byDisagreement.has(key)) byDisagreement.set(key, thread);
  }
  return {
    byDisagreement,
    people: (project.data?.members ?? []).map((member) => ({ id: member.userId, name: member.name })),
    canWrite: project.data ? can(project.data.role, "discussion.write") : false,
    refresh,
  };
}
