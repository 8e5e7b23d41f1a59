// A project's home: its transcripts as a sortable table, with a clear first step when there
// are none, and a line about who is in it. Managing people is in the People section.
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { Pending } from "../components/PendingPage";
import { PageHeading } from "../components/PageHeading";
import { canAddDocuments, roleName } from "../components/roles";
import { TranscriptTable } from "../project/TranscriptTable";
import { WatchSetting } from "../blind/WatchSetting";
import { can } from "@concord/shared/project/roles";

/** The way to the import form in the Transcripts section. */
export function AddTranscriptLink({ projectId }: { projectId: string }) {
  return (
    <Link to="/projects/$projectId/transcripts" params={{ projectId }} hash="new-transcript" className="button button--primary">
      Add a transcript
    </Link>
  );
}

export function OverviewPage() {
  const { projectId } = useParams({ from: "/projects/$projectId/" });
  const project = useQuery(queries.project(projectId));
  const documents = useQuery(queries.documents(projectId));

  if (project.status !== "success") return <Pending title="Project" what="the project" error={project.error} />;
  const { title, role, members } = project.data;
  const canAdd = canAddDocuments(role);
  const people = members.length === 1 ? "1 person" : `${members.length} people`;
  return (
    <>
      <PageHeading title={title} />
      <p className="lead-text">
        Your role: {roleName(role)} ·{" "}
        <Link to="/projects/$projectId/people" params={{ projectId }}>
          {people} in this project
        </Link>
      </p>
      <section aria-labelledby="transcripts-heading" className="stack">
        <div className="section-head">
          <h2 id="transcripts-heading">Transcripts</h2>
          {canAdd && documents.data?.length ? <AddTranscriptLink projectId={projectId} /> : null}
        </div>
        {documents.status === "pending" ? <Loading what="transcripts" /> : null}
        {documents.status === "error" ? <Alert>{errorMessage(documents.error)}</Alert> : null}
        {documents.status === "success" ? (
          <TranscriptTable documents={documents.data} canAdd={canAdd} addEntry={<AddTranscriptLink projectId={projectId} />} />
        ) : null}
      </section>
      {can(role, "coding.blind") ? (
        <section aria-labelledby="settings-heading" className="stack">
          <h2 id="settings-heading">Project settings</h2>
          <WatchSetting projectId={projectId} mayChange />
        </section>
      ) : null}
    </>
  );
}
