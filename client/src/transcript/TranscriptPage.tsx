// A transcript in its workspace: the text to read at once, then the live editor once its
// code has arrived, with the side panel beside it (or as a sheet on a narrow screen). A link
// may name a span (`?from=&to=`), which is highlighted and scrolled to once the text is there.
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearch } from "@tanstack/react-router";
import { lazy, Suspense, useMemo, useState } from "react";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import type { DocumentDetail } from "../api/types";
import { Alert } from "../components/Alert";
import { Pending } from "../components/PendingPage";
import { PageHeading } from "../components/PageHeading";
import { EditorOpening, TranscriptBody, TranscriptReading } from "../components/TranscriptReading";
import { SCREENS, useMediaQuery } from "../components/useMediaQuery";
import { useUser } from "../session/SessionContext";
import { GoToTranscript } from "./LegacyDocumentRedirect";
import { spanOf, type TextSpan } from "./spanSearch";
import { PaneBar } from "../workspace/PaneBar";
import { Sheet } from "../workspace/Sheet";
import { TranscriptNavList } from "../workspace/TranscriptNavList";

// The editor (Tiptap, Yjs) is most of the code: it loads only when a transcript is opened,
// so sign-in and project pages arrive quickly on a slow connection.
const loadEditor = () => import("../editor/CollaborativeDocument");
const CollaborativeDocument = lazy(() => loadEditor().then((m) => ({ default: m.CollaborativeDocument })));

/** Starts fetching the editor's code early (the module loader keeps the one download). */
export function preloadEditor(): void {
  void loadEditor();
}

/** On a narrow screen the project's transcripts are a sheet opened from beside the title. */
function TranscriptsSheet({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button pane-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        All transcripts
      </button>
      <Sheet title="Transcripts" side="start" open={open} onClose={() => setOpen(false)}>
        <TranscriptNavList projectId={projectId} headingId="sheet-transcripts-heading" />
      </Sheet>
    </>
  );
}

function SpanNote({ projectId, documentId }: { projectId: string; documentId: string }) {
  return (
    <p className="span-note">
      <mark className="linked-span">Highlighted</mark>: the passage this link points to.{" "}
      <Link to="/projects/$projectId/transcripts/$documentId" params={{ projectId, documentId }} search={{}} resetScroll={false}>
        Remove the highlight
      </Link>
    </p>
  );
}

function TranscriptView({ document, span }: { document: DocumentDetail; span: TextSpan | null }) {
  const user = useUser();
  const text = useQuery(queries.documentText(document.id));
  const sidebar = useMediaQuery(SCREENS.sidebar);
  const panelBeside = useMediaQuery(SCREENS.sidePanel);
  const label = `Transcript: ${document.title}`;
  // Only for reading while the editor loads: if it fails, the editor still shows the text.
  const reading = text.status === "success" ? <TranscriptReading text={text.data} label={label} span={span} /> : null;
  const view = (
    <div className="transcript-view">
      <div className="document-head">
        <PageHeading title={document.title} />
      </div>
      {span ? <SpanNote projectId={document.projectId} documentId={document.id} /> : null}
      <Suspense
        fallback={
          <div className="document-layout">
            <div className="document-layout__status">
              <EditorOpening />
            </div>
            <section className="document-layout__editor" aria-label="Transcript">
              <TranscriptBody>{reading}</TranscriptBody>
            </section>
          </div>
        }
      >
        <CollaborativeDocument document={document} user={user} reading={reading} span={span} />
      </Suspense>
    </div>
  );
  // A pane that has no column on this screen is a sheet opened from the pane bar: the
  // transcripts without the sidebar, the side panel (the editor adds its button) when narrower still.
  if (sidebar && panelBeside) return view;
  return <PaneBar start={sidebar ? null : <TranscriptsSheet projectId={document.projectId} />}>{view}</PaneBar>;
}

export function TranscriptPage() {
  const { projectId, documentId } = useParams({ from: "/projects/$projectId/transcripts/$documentId" });
  const search = useSearch({ from: "/projects/$projectId/transcripts/$documentId" });
  const span = useMemo(() => spanOf(search), [search.from, search.to]);
  const document = useQuery(queries.document(documentId));

  // Only before the first answer: a refetch that fails later (a dropped request on a busy
  // link) must not tear down the editor someone is typing in; it says so above the text.
  if (!document.data) return <Pending title="Transcript" what="the transcript" error={document.error} />;
  // A hand-edited link with another project's id: the transcript's own workspace is where it belongs.
  if (document.data.projectId !== projectId) {
    return <GoToTranscript projectId={document.data.projectId} documentId={documentId} search={search} />;
  }
  // A fresh view for each transcript: its editor, sheets and scroll position are its own.
  return (
    <>
      {document.status === "error" ? <Alert>Could not refresh this transcript's details: {errorMessage(document.error)} The text stays live.</Alert> : null}
      <TranscriptView key={documentId} document={document.data} span={span} />
    </>
  );
}
