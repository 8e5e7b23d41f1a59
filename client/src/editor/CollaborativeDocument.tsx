// A document open for editing together: saving state, who is here, and the editor.
import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { TRANSCRIPT_FIELD } from "@concord/shared/transcript/ydoc";
import type { DocumentDetail, User } from "../api/types";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { ConnectionStatus } from "./ConnectionStatus";
import { PresenceList } from "./PresenceList";
import { StatusLine } from "./StatusLine";
import { TranscriptEditor } from "./TranscriptEditor";
import { useCollaboration } from "./useCollaboration";
import { usePresence } from "./usePresence";
import { colorForUser } from "./userColor";

/** Whether the document's text has arrived (from the server or this device's offline copy). */
function useHasText(doc: Y.Doc | undefined): boolean {
  const [hasText, setHasText] = useState(false);
  useEffect(() => {
    if (!doc) return;
    const fragment = doc.getXmlFragment(TRANSCRIPT_FIELD);
    const check = () => setHasText(fragment.length > 0);
    check();
    doc.on("update", check);
    return () => doc.off("update", check);
  }, [doc]);
  return hasText;
}

type Props = {
  document: DocumentDetail;
  user: User;
  /** The plain text to show until the editor has the document, so it never flashes empty. */
  reading?: ReactNode;
};

export function CollaborativeDocument({ document, user, reading = null }: Props) {
  const { collaboration, connection, serverReadOnly } = useCollaboration(document.id);
  const hasText = useHasText(collaboration?.doc);
  // An empty document stays empty once the server has answered; until then keep the reading copy.
  const showEditor = hasText || connection.kind !== "connecting" || reading === null;
  const people = usePresence(collaboration?.provider ?? null);
  const selfClientId = collaboration?.provider.awareness?.clientID;
  const others = people.filter((p) => !p.isSelf);
  // A string key keeps the memo stable while the set of others' colours is unchanged.
  const othersKey = others.map((p) => `${p.clientId}:${p.color}`).join(",");
  const caretUser = useMemo(
    () => ({ id: user.id, name: user.name, color: colorForUser(user.id, others, selfClientId) }),
    [user.id, user.name, othersKey, selfClientId],
  );
  const readOnly = document.readOnly || serverReadOnly;
  const refused = connection.kind === "refused";
  const connected = connection.kind === "saved" || connection.kind === "pending";
  // Folded on a phone until asked for (the stylesheet ignores this on a wide screen).
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsId = useId();
  const peopleId = useId();

  if (refused) {
    return (
      <div className="stack">
        <ConnectionStatus state={connection} readOnly={readOnly} />
        <p>
          <Link to={paths.projects()}>Go to your projects</Link>
        </p>
      </div>
    );
  }

  return (
    <div className={detailsOpen ? "document-layout" : "document-layout document-layout--folded"}>
      <div className="document-layout__status">
        <StatusLine
          state={connection}
          readOnly={readOnly}
          here={connected ? people.length : null}
          expanded={detailsOpen}
          onToggle={() => setDetailsOpen((open) => !open)}
          controls={`${detailsId} ${peopleId}`}
        />
        <div id={detailsId} className="document-layout__detail">
          <ConnectionStatus state={connection} readOnly={readOnly} />
        </div>
        {readOnly ? (
          <p className="note" data-testid="read-only-note">
            <strong>Read only.</strong> You can read this transcript and see who is here, but you can't change it.
          </p>
        ) : null}
      </div>
      <aside id={peopleId} className="document-layout__aside" aria-label="People in this document">
        <PresenceList people={people} connected={connected} />
      </aside>
      <section className="document-layout__editor" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading" className="visually-hidden">
          Transcript
        </h2>
        {showEditor ? null : reading}
        {collaboration ? (
          <div hidden={!showEditor}>
            <TranscriptEditor
              key={document.id}
              collaboration={collaboration}
              user={caretUser}
              readOnly={readOnly}
              label={`Transcript: ${document.title}`}
            />
          </div>
        ) : null}
      </section>
    </div>
  );
}
