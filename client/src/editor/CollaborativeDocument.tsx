// A document open for editing together: saving state, who is here, and the editor.
import { useMemo } from "react";
import type { DocumentDetail, User } from "../api/types";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { ConnectionStatus } from "./ConnectionStatus";
import { PresenceList } from "./PresenceList";
import { TranscriptEditor } from "./TranscriptEditor";
import { useCollaboration } from "./useCollaboration";
import { usePresence } from "./usePresence";
import { colorForUser } from "./userColor";

export function CollaborativeDocument({ document, user }: { document: DocumentDetail; user: User }) {
  const { collaboration, connection, serverReadOnly } = useCollaboration(document.id);
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
    <div className="document-layout">
      <div className="document-layout__status">
        <ConnectionStatus state={connection} readOnly={readOnly} />
        {readOnly ? (
          <p className="note" data-testid="read-only-note">
            <strong>Read only.</strong> You can read this transcript and see who is here, but you can't change it.
          </p>
        ) : null}
      </div>
      <aside className="document-layout__aside" aria-label="People in this document">
        <PresenceList people={people} connected={connection.kind === "saved" || connection.kind === "pending"} />
      </aside>
      <section className="document-layout__editor" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading" className="visually-hidden">
          Transcript
        </h2>
        {collaboration ? (
          <TranscriptEditor
            key={document.id}
            collaboration={collaboration}
            user={caretUser}
            readOnly={readOnly}
            label={`Transcript: ${document.title}`}
          />
        ) : null}
      </section>
    </div>
  );
}
