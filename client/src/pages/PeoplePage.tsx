// The People section: everyone in the project and their role; a lead also changes roles,
// removes people, adds them by email and manages invitation links here.
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { queries } from "../api/queries";
import { Pending } from "../components/PendingPage";
import { PageHeading } from "../components/PageHeading";
import { AddMemberForm } from "../project/AddMemberForm";
import { Invitations } from "../project/Invitations";
import { MemberList } from "../project/MemberList";
import { useUser } from "../session/SessionContext";
import { useSendsEmail } from "../session/useAuthOptions";

export function PeoplePage() {
  const { projectId } = useParams({ from: "/projects/$projectId/people" });
  const user = useUser();
  const sendsEmail = useSendsEmail();
  const project = useQuery(queries.project(projectId));

  if (project.status !== "success") return <Pending title="People" what="the people in this project" error={project.error} />;
  const { role, members } = project.data;
  return (
    <div className="stack">
      <PageHeading title="People" />
      <section aria-labelledby="members-heading" className="stack">
        <h2 id="members-heading">In this project</h2>
        <MemberList members={members} currentUserId={user.id} manage={role === "lead" ? { projectId } : undefined} />
        {sendsEmail === false ? (
          <p className="note">
            Email addresses are not checked on this Concord server: an address shows only what the person typed when they signed
            up. Before adding someone by email, make sure the name shown is the person you mean.
          </p>
        ) : null}
      </section>
      {role === "lead" ? (
        <>
          <AddMemberForm projectId={projectId} />
          <Invitations projectId={projectId} />
        </>
      ) : null}
    </div>
  );
}
