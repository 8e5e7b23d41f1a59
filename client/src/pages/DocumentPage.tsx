// A transcript page: loads what the server says about the document (title, your role,
// read-only or not), then opens it for live editing.
import { api } from "../api/endpoints";
import { useResource } from "../api/useResource";
import { Layout } from "../components/Layout";
import { PendingPage } from "../components/PendingPage";
import { PageHeading } from "../components/PageHeading";
import { CollaborativeDocument } from "../editor/CollaborativeDocument";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { useUser } from "../session/SessionContext";

export function DocumentPage({ documentId }: { documentId: string }) {
  const user = useUser();
  const [document] = useResource(() => api.getDocument(documentId), documentId);

  if (document.status !== "ready") return <PendingPage title="Transcript" what="the transcript" resource={document} />;

  return (
    <Layout wide>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.project(document.data.projectId)}>Back to the project</Link>
      </nav>
      <PageHeading title={document.data.title} />
      <CollaborativeDocument document={document.data} user={user} />
    </Layout>
  );
}
