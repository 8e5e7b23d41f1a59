// A lead's view of the project's invitation links: the open ones, and the form to make one.
import { api } from "../api/endpoints";
import { useResource } from "../api/useResource";
import { Alert, Loading } from "../components/Alert";
import { InvitationForm } from "./InvitationForm";
import { InvitationList } from "./InvitationList";

/** `membersVersion` changes when members change: a lead who stops being one takes their links with them. */
export function Invitations({ projectId, membersVersion }: { projectId: string; membersVersion: number }) {
  const [invitations, reload] = useResource(
    () => api.listInvitations(projectId).then((r) => r.invitations),
    `${projectId}:${membersVersion}`,
  );
  return (
    <>
      <section aria-labelledby="links-heading" className="stack card">
        <h3 id="links-heading">Open invitation links</h3>
        {invitations.status === "loading" ? <Loading what="invitation links" /> : null}
        {invitations.status === "error" ? <Alert>{invitations.message}</Alert> : null}
        {invitations.status === "ready" ? (
          <InvitationList projectId={projectId} invitations={invitations.data} onRevoked={reload} />
        ) : null}
      </section>
      <InvitationForm projectId={projectId} onCreated={reload} />
    </>
  );
}
