// One thread: what it is about, its messages (mentions marked, the reader's own name most of
// all), a reply box, and resolve or reopen. A role that may only read sees it all without
// the controls.
import { useEffect, useRef } from "react";
import { api } from "../api/endpoints";
import type { Person, Thread, ThreadMessage } from "../api/types";
import { Alert } from "../components/Alert";
import { formatDateTime } from "../components/dates";
import { useAction } from "../components/useAction";
import { MessageComposer } from "./MessageComposer";
import { splitMentions } from "./mentions";
import { ThreadAnchorView } from "./ThreadAnchorView";

type Props = {
  thread: Thread;
  projectId: string;
  /** The transcript the thread is read beside, if any. */
  documentId?: string;
  /** False where the page around the thread already shows what it is about. */
  showAnchor?: boolean;
  /** The heading's level: 4 where the thread sits under a heading of level 3. */
  level?: 3 | 4;
  selfId: string;
  people: Person[];
  canWrite: boolean;
  /** Named by the page's address (`?thread=`): scrolled to and marked. */
  linked: boolean;
  onChanged: () => void;
};

function MessageBody({ message, selfId }: { message: ThreadMessage; selfId: string }) {
  return (
    <p className="thread-message__body">
      {splitMentions(message.body, message.mentions).map((part, index) =>
        part.mention ? (
          <mark key={index} className={part.mention.id === selfId ? "mention mention--you" : "mention"}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function ThreadCard({ thread, projectId, documentId, showAnchor = true, level = 3, selfId, people, canWrite, linked, onChanged }: Props) {
  const ref = useRef<HTMLElement>(null);
  const resolving = useAction();
  const mentionsYou = thread.messages.some((message) => message.mentions.some((person) => person.id === selfId));
  const headingId = `thread-${thread.id}-heading`;
  const Heading = level === 4 ? "h4" : "h3";

  useEffect(() => {
    if (linked) ref.current?.scrollIntoView({ block: "nearest" });
  }, [linked]);

  return (
    <article ref={ref} className={linked ? "thread thread--linked" : "thread"} aria-labelledby={headingId} data-thread-id={thread.id}>
      <header className="thread__head">
        <Heading id={headingId} className="thread__title">
          {thread.createdBy.name}, {formatDateTime(thread.createdAt)}
        </Heading>
        {thread.resolved ? <span className="badge">Resolved</span> : <span className="badge badge--warn">Open</span>}
        {mentionsYou ? <span className="badge mention--you">Mentions you</span> : null}
      </header>
      {showAnchor ? <ThreadAnchorView anchor={thread.anchor} projectId={projectId} documentId={documentId} /> : null}
      <ol className="thread__messages" aria-label="Messages">
        {thread.messages.map((message) => (
          <li key={message.id} className="thread-message">
            <p className="thread-message__meta">
              <strong>{message.author.name}</strong> <span>{formatDateTime(message.createdAt)}</span>
            </p>
            <MessageBody message={message} selfId={selfId} />
          </li>
        ))}
      </ol>
      {thread.resolved ? (
        <p className="thread__resolved">
          Resolved by {thread.resolved.by.name}, {formatDateTime(thread.resolved.at)}.
        </p>
      ) : null}
      {canWrite ? (
        <>
          <MessageComposer
            label="Reply"
            submitLabel="Send reply"
            people={people}
            onSend={(message) => api.replyToThread(thread.id, message).then(onChanged)}
          />
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={resolving.busy}
              onClick={() => void resolving.run(() => api.resolveThread(thread.id, !thread.resolved).then(onChanged))}
            >
              {thread.resolved ? "Reopen" : "Resolve"}
            </button>
          </div>
          {resolving.message ? <Alert tone={resolving.message.tone}>{resolving.message.text}</Alert> : null}
        </>
      ) : null}
    </article>
  );
}
