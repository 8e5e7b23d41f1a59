// The discussion beside a transcript: its threads, live (the threads document and the
// coder layers the reader may open are watched; each change fetches the threads again),
// open or resolved, a thread to start on the selected words, and the thread a link names.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { can } from "@concord/shared/project/roles";
import { api } from "../api/endpoints";
import { queries, queryKeys } from "../api/queries";
import type { DocumentDetail, Person } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert, Loading } from "../components/Alert";
import { errorMessage } from "../api/http";
import { useDocumentChanges } from "../live/useDocumentChanges";
import { useUser } from "../session/SessionContext";
import { MessageComposer } from "./MessageComposer";
import { ThreadCard } from "./ThreadCard";
import type { Discussion } from "./useDiscussion";

type Props = { document: DocumentDetail; discussion: Discussion };

type Filter = "open" | "resolved";

/** The documents whose changes can change this transcript's threads. */
export function threadSources(document: DocumentDetail, projectCollab: { name: string; kind: string }[] | undefined): string[] {
  const project = (projectCollab ?? []).filter((entry) => entry.kind === "threads").map((entry) => entry.name);
  const layers = document.collab.filter((entry) => entry.kind === "layer").map((entry) => entry.name);
  return [...project, ...layers];
}

export function DiscussionPanel({ document, discussion }: Props) {
  const user = useUser();
  const project = useQuery(queries.project(document.projectId));
  const threads = useQuery(queries.threads(document.projectId, document.id));
  const invalidate = useInvalidate();
  const refresh = () => invalidate(queryKeys.threads(document.projectId, document.id));
  useDocumentChanges(threadSources(document, project.data?.collab), refresh);
  const canWrite = can(document.role, "discussion.write");
  const people: Person[] = (project.data?.members ?? []).map((member) => ({ id: member.userId, name: member.name }));
  const [filter, setFilter] = useState<Filter>("open");
  const [hint, setHint] = useState<string | null>(null);
  const filterName = useId();
  const { draft, threadId } = discussion;
  const linked = threads.data?.find((thread) => thread.id === threadId);

  // A link to a resolved thread shows the resolved ones.
  useEffect(() => {
    if (linked) setFilter(linked.resolved ? "resolved" : "open");
  }, [linked?.id, Boolean(linked?.resolved)]);

  const all = threads.data ?? [];
  const open = all.filter((thread) => !thread.resolved);
  const resolved = all.filter((thread) => thread.resolved);
  const shown = filter === "open" ? open : resolved;

  return (
    <div className="discussion">
      <h2 className="discussion__heading">Discussion</h2>
      {canWrite ? (
        <div className="discussion__start">
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Control+Alt+M"
            onClick={() => setHint(discussion.discussSelection() ? null : "Select some words in the transcript first, then discuss them.")}
          >
            Discuss selection
          </button>
          <p className="field__hint">Or press Ctrl+Alt+M with words selected.</p>
          <p role="status" className="field__hint">
            {hint}
          </p>
        </div>
      ) : (
        <p className="note">Your role lets you read the discussion but not take part in it.</p>
      )}
      {draft && canWrite ? (
        <section className="thread thread--draft" aria-label="New thread">
          <blockquote className="thread-anchor__quote">{draft.quote}</blockquote>
          <MessageComposer
            label="Start a thread on these words"
            submitLabel="Start thread"
            people={people}
            autoFocus
            onCancel={discussion.clearDraft}
            onSend={async (message) => {
              const anchor = draft.anchor ? { documentId: document.id, position: draft.anchor } : { documentId: document.id, start: draft.start, end: draft.end };
              await api.startThread(document.projectId, { anchor, ...message });
              discussion.clearDraft();
              setFilter("open");
              refresh();
            }}
          />
        </section>
      ) : null}
      <fieldset className="discussion__filter">
        <legend className="visually-hidden">Show threads</legend>
        {(
          [
            ["open", `Open (${open.length})`],
            ["resolved", `Resolved (${resolved.length})`],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="discussion__filter-choice">
            <input type="radio" name={filterName} value={value} checked={filter === value} onChange={() => setFilter(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {threads.status === "pending" ? <Loading what="the discussion" /> : null}
      {threads.status === "error" ? <Alert>{errorMessage(threads.error)}</Alert> : null}
      {threads.status === "success" && shown.length === 0 ? (
        <p className="discussion__empty">{filter === "open" ? "No open threads on this transcript." : "No resolved threads yet."}</p>
      ) : null}
      {threadId && threads.status === "success" && !linked ? <p className="note">The thread this link points to is not here (or not yours to see).</p> : null}
      <div className="discussion__threads">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            projectId={document.projectId}
            documentId={document.id}
            selfId={user.id}
            people={people}
            canWrite={canWrite}
            linked={thread.id === threadId}
            onChanged={refresh}
          />
        ))}
      </div>
    </div>
  );
}
