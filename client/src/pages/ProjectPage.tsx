// One project: first and foremost its transcripts, as a sortable table; then its people. Leads also get the forms to add people and
// the project's open invitation links.
import { useState } from "react";
import { api } from "../api/endpoints";
import { useResource } from "../api/useResource";
import { Alert, Loading } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PendingPage } from "../components/PendingPage";
import { PageHeading } from "../components/PageHeading";
import { canAddDocuments, roleName } from "../components/roles";
import { AddMemberForm } from "../project/AddMemberForm";
import { Invitations } from "../project/Invitations";
import { MemberList } from "../project/MemberList";
import { NewTranscriptForm } from "../project/NewTranscriptForm";
import { TranscriptTable } from "../project/TranscriptTable";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { useUser } from "../session/SessionContext";
import { useSendsEmail } from "../session/useAuthOptions";

export function ProjectPage({ projectId }: { projectId: string }) {
  const user = useUser();
  const sendsEmail = useSendsEmail();
  const [project, reloadProject] = useResource(() => api.getProject(projectId), projectId);
  const [documents] = useResource(() => api.listDocuments(projectId).then((r) => r.documents), projectId);
  // Counts changes to the members, so the invitation list reloads too (a former lead's links are revoked).
  const [membersVersion, setMembersVersion] = useState(0);

  if (project.status !== "ready") return <PendingPage title="Project" what="the project" resource={project} />;
  const { title, role, members } = project.data;
  const membersChanged = () => {
    reloadProject();
    setMembersVersion((n) => n + 1);
  };

  return (
    <Layout wide>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.projects()}>Your projects</Link>
      </nav>
      <PageHeading title={title} />
      <p className="lead-text">Your role: {roleName(role)}</p>
      <div className="columns">
        <section aria-labelledby="transcripts-heading" className="stack">
          <h2 id="transcripts-heading">Transcripts</h2>
          {documents.status === "loading" ? <Loading what="transcripts" /> : null}
          {documents.status === "error" ? <Alert>{documents.message}</Alert> : null}
          {documents.status === "ready" ? <TranscriptTable documents={documents.data} canAdd={canAddDocuments(role)} /> : null}
          {canAddDocuments(role) ? <NewTranscriptForm projectId={projectId} /> : null}
        </section>
        <section aria-labelledby="people-heading" className="stack">
          <h2 id="people-heading">People</h2>
          <MemberList
            members={members}
            currentUserId={user.id}
            manage={role === "lead" ? { projectId, onChanged: membersChanged } : undefined}
          />
          {sendsEmail === false ? (
            <p className="note">
              Email addresses are not checked on this Concord server: an address shows only what the person typed when they
              signed up. Before adding someone by email, make sure the name shown is the person you mean.
            </p>
          ) : null}
          {role === "lead" ? (
            <>
              <AddMemberForm projectId={projectId} onAdded={membersChanged} />
              <Invitations projectId={projectId} membersVersion={membersVersion} />
            </>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}
