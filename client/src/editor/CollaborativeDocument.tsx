// A transcript open for editing together: the saving state, the text with its coding margin,
// and the side panel of who is here (a column on a wide screen, a sheet on a narrow one).
import type { Editor } from "@tiptap/core";
import { Link } from "@tanstack/react-router";
import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { TRANSCRIPT_FIELD } from "@concord/shared/transcript/ydoc";
import type { DocumentDetail, User } from "../api/types";
import { CodingMargin } from "../coding/CodingMargin";
import { CodingNotice, CodingProvider } from "../coding/CodingContext";
import { QuickCodePalette } from "../coding/QuickCodePalette";
import { TranscriptBody } from "../components/TranscriptReading";
import { SCREENS, useMediaQuery } from "../components/useMediaQuery";
import { can } from "@concord/shared/project/roles";
import { useDiscussion } from "../discussion/useDiscussion";
import { DOCUMENT_PANELS, type PanelContext } from "../transcript/panels";
import { SidePanel, sidePanelName, type PanelRequest } from "../transcript/SidePanel";
import type { TextSpan } from "../transcript/spanSearch";
import { PaneBarEnd } from "../workspace/PaneBar";
import { Sheet } from "../workspace/Sheet";
import { ConnectionStatus } from "./ConnectionStatus";
import { isConnected } from "./connectionState";
import { CopySpanLink } from "./CopySpanLink";
import { StatusLine } from "./StatusLine";
import { TranscriptEditor } from "./TranscriptEditor";
import { useCollaboration } from "./useCollaboration";
import { useLinkedSpan } from "./useLinkedSpan";
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

const PANEL_NAME = sidePanelName(DOCUMENT_PANELS);

/** On a narrow screen, the side panel is a sheet opened from the pane bar. */
function SidePanelSheet({ context, request }: { context: PanelContext; request: PanelRequest | null }) {
  const [open, setOpen] = useState(request !== null);
  useEffect(() => {
    if (request) setOpen(true);
  }, [request?.seq]);
  const name = PANEL_NAME;
  return (
    <PaneBarEnd>
      <button type="button" className="button pane-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {name}
      </button>
      <Sheet title={name} side="end" open={open} onClose={() => setOpen(false)}>
        <SidePanel panels={DOCUMENT_PANELS} context={context} request={request} />
      </Sheet>
    </PaneBarEnd>
  );
}

type Props = {
  document: DocumentDetail;
  user: User;
  /** The plain text to show until the editor has the document, so it never flashes empty. */
  reading?: ReactNode;
  /** The passage a link points to, in plain-text offsets. */
  span?: TextSpan | null;
};

export function CollaborativeDocument({ document, user, reading = null, span = null }: Props) {
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
  const connected = isConnected(connection);
  const [editor, setEditor] = useState<Editor | null>(null);
  const panelBeside = useMediaQuery(SCREENS.sidePanel);
  const { discussion, request: panelRequest } = useDiscussion(editor, can(document.role, "discussion.write"));
  const panelContext: PanelContext = { document, people, connected, editor, discussion };
  // The offsets are of the stored text: wait for the server's copy (or this device's, offline).
  useLinkedSpan(editor, span, showEditor && hasText && connection.kind !== "connecting");
  // Folded on a phone until asked for (the stylesheet ignores this on a wide screen).
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsId = useId();
  const toolsId = useId();

  if (refused) {
    return (
      <div className="stack">
        <ConnectionStatus state={connection} readOnly={readOnly} />
        <p>
          <Link to="/">Go to your projects</Link>
        </p>
      </div>
    );
  }

  return (
    <CodingProvider document={document} user={user} collaboration={collaboration} editor={editor} readOnly={readOnly}>
    <div className={detailsOpen ? "document-layout" : "document-layout document-layout--folded"}>
      <div className="document-layout__status">
        <StatusLine
          state={connection}
          readOnly={readOnly}
          here={connected ? people.length : null}
          expanded={detailsOpen}
          onToggle={() => setDetailsOpen((open) => !open)}
          controls={`${detailsId} ${toolsId}`}
        />
        {panelBeside ? null : <SidePanelSheet context={panelContext} request={panelRequest} />}
        <div id={detailsId} className="document-layout__detail">
          <ConnectionStatus state={connection} readOnly={readOnly} />
        </div>
        {readOnly ? (
          <p className="note" data-testid="read-only-note">
            <strong>Read only.</strong> You can read this transcript and see who is here, but you can't change it.
          </p>
        ) : null}
        <div id={toolsId} className="document-layout__tools">
          <CopySpanLink editor={editor} projectId={document.projectId} documentId={document.id} />
        </div>
      </div>
      <section className="document-layout__editor" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading" className="visually-hidden">
          Transcript
        </h2>
        {showEditor ? null : <TranscriptBody>{reading}</TranscriptBody>}
        {collaboration ? (
          <div hidden={!showEditor}>
            <TranscriptEditor
              key={document.id}
              collaboration={collaboration}
              user={caretUser}
              readOnly={readOnly}
              label={`Transcript: ${document.title}`}
              onEditor={setEditor}
            />
          </div>
        ) : null}
      </section>
      {panelBeside ? (
        <aside className="document-layout__aside" aria-label={PANEL_NAME}>
          <SidePanel panels={DOCUMENT_PANELS} context={panelContext} request={panelRequest} />
        </aside>
      ) : null}
      <CodingMargin />
      <QuickCodePalette />
      <CodingNotice />
    </div>
    </CodingProvider>
  );
}
