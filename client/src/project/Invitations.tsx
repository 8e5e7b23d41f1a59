// A lead's view of the project's invitation links: the open ones, and the form to make one.
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { InvitationForm } from "./InvitationForm";
import { InvitationList } from "./InvitationList";

export function Invitations({ projectId }: { projectId: string }) {
  const invitations = useQuery(queries.invitations(projectId));
  return (
    <>
      <section aria-labelledby="links-heading" className="stack card">
        <h3 id="links-heading">Open invitation links</h3>
        {invitations.status === "pending" ? <Loading what="invitation links" /> : null}
        {invitations.status === "error" ? <Alert>{errorMessage(invitations.error)}</Alert> : null}
        {invitations.status === "success" ? <InvitationList projectId={projectId} invitations={invitations.data} /> : null}
      </section>
      <InvitationForm projectId={projectId} />
    </>
  );
}
