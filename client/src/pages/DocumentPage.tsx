// A transcript page: loads what the server says about the document (title, your role,
// read-only or not) and its plain text, shows the text to read straight away, then opens
// it for live editing once the editor's code has arrived.
import { lazy, Suspense } from "react";
import { api } from "../api/endpoints";
import { useResource } from "../api/useResource";
import { Layout } from "../components/Layout";
import { PendingPage } from "../components/PendingPage";
import { PageHeading } from "../components/PageHeading";
import { EditorOpening, TranscriptReading } from "../components/TranscriptReading";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { useUser } from "../session/SessionContext";

// The editor (Tiptap, Yjs) is most of the code: it loads only when a document is opened, so
// sign-in and project pages arrive quickly on a slow connection.
const loadEditor = () => import("../editor/CollaborativeDocument");
const CollaborativeDocument = lazy(() => loadEditor().then((m) => ({ default: m.CollaborativeDocument })));

/** Starts fetching the editor's code early (the module loader keeps the one download). */
export function preloadEditor(): void {
  void loadEditor();
}

export function DocumentPage({ documentId }: { documentId: string }) {
  const user = useUser();
  const [document] = useResource(() => api.getDocument(documentId), documentId);
  // Only for reading while the editor loads: if it fails, the editor still shows the text.
  const [text] = useResource(() => api.getDocumentText(documentId), documentId);

  if (document.status !== "ready") return <PendingPage title="Transcript" what="the transcript" resource={document} />;

  const label = `Transcript: ${document.data.title}`;
  const reading = text.status === "ready" ? <TranscriptReading text={text.data} label={label} /> : null;
  return (
    <Layout wide>
      <div className="document-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.project(document.data.projectId)}>Back to the project</Link>
        </nav>
        <PageHeading title={document.data.title} />
      </div>
      <Suspense
        fallback={
          <div className="document-layout">
            <div className="document-layout__status">
              <EditorOpening />
            </div>
            <section className="document-layout__editor" aria-label="Transcript">
              {reading}
            </section>
          </div>
        }
      >
        <CollaborativeDocument document={document.data} user={user} reading={reading} />
      </Suspense>
    </Layout>
  );
}
