// The discussion of one disagreement between raters: its thread, read and answered in place
// (replies with @mentions, resolve and reopen), or a box to start it. The item's own card
// says what the thread is about, so the thread does not repeat it.
import { api } from "../api/endpoints";
import type { ReviewStage } from "../api/types";
import { MessageComposer } from "../discussion/MessageComposer";
import { ThreadCard } from "../discussion/ThreadCard";
import { useUser } from "../session/SessionContext";
import { disagreementKey, type StageThreads } from "./useStageThreads";

type Props = {
  projectId: string;
  stage: ReviewStage;
  recordId: string;
  /** The checklist question an appraisal disagreement is about; none for a screening decision. */
  question: string | undefined;
  discussion: StageThreads;
};

export function RatingThread({ projectId, stage, recordId, question, discussion }: Props) {
  const user = useUser();
  const thread = discussion.byDisagreement.get(disagreementKey(recordId, question));
  if (thread) {
    return (
      <ThreadCard
        thread={thread}
        projectId={projectId}
        showAnchor={false}
        level={4}
        selfId={user.id}
        people={discussion.people}
        canWrite={discussion.canWrite}
        linked={false}
        onChanged={discussion.refresh}
      />
    );
  }
  if (!discussion.canWrite) return null;
  return (
    <MessageComposer
      label="Start a discussion"
      submitLabel="Post"
      people={discussion.people}
      onSend={(message) => api.startRatingThread(projectId, stage, recordId, message, question).then(discussion.refresh)}
    />
  );
}
