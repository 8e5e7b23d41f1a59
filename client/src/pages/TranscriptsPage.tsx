// The Transcripts section: every transcript of the project, and (for those who may add
// them) the import form, which loads only when this section is opened.
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { PageHeading } from "../components/PageHeading";
import { canAddDocuments } from "../components/roles";
import { TranscriptTable } from "../project/TranscriptTable";

const NewTranscriptForm = lazy(() => import("../project/NewTranscriptForm").then((m) => ({ default: m.NewTranscriptForm })));

export function TranscriptsPage() {
  const { projectId } = useParams({ from: "/projects/$projectId/transcripts" });
  const project = useQuery(queries.project(projectId));
  const documents = useQuery(queries.documents(projectId));
  const canAdd = project.data ? canAddDocuments(project.data.role) : false;
  return (
    <div className="stack">
      <PageHeading title="Transcripts" />
      {project.status === "error" ? <Alert>{errorMessage(project.error)}</Alert> : null}
      <section aria-label="All transcripts" className="stack">
        {documents.status === "pending" ? <Loading what="transcripts" /> : null}
        {documents.status === "error" ? <Alert>{errorMessage(documents.error)}</Alert> : null}
        {documents.status === "success" ? <TranscriptTable documents={documents.data} canAdd={canAdd} /> : null}
      </section>
      {canAdd ? (
        <Suspense fallback={<Loading what="the import form" />}>
          <NewTranscriptForm projectId={projectId} />
        </Suspense>
      ) : null}
    </div>
  );
}
