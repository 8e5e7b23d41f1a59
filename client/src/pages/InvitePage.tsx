// Accepting an invitation link: say what it is for, then join with one button.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queries, queryKeys } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { ROLE_TEXT } from "../components/roles";

export function InvitePage() {
  const { token } = useParams({ from: "/invite/$token" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useQuery(queries.invitation(token));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { projectId } = await api.acceptInvitation(token);
      // The project list now has one more.
      await queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      void navigate({ to: "/projects/$projectId", params: { projectId }, replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Layout>
      <div className="narrow stack">
        <PageHeading title="Invitation" />
        {invitation.status === "pending" ? <Loading what="the invitation" /> : null}
        {/* The server's message already says what to do (ask the lead researcher for a new link). */}
        {invitation.status === "error" ? <Alert>{errorMessage(invitation.error)}</Alert> : null}
        {invitation.status === "success" ? (
          <>
            <p>
              You have been invited to join <strong>{invitation.data.projectTitle}</strong> as{" "}
              <strong>{ROLE_TEXT[invitation.data.role].name}</strong>.
            </p>
            <p>{ROLE_TEXT[invitation.data.role].description}</p>
            {error ? <Alert>{error}</Alert> : null}
            <button type="button" className="button button--primary" onClick={() => void accept()} disabled={busy}>
              {busy ? "Joining…" : "Join the project"}
            </button>
          </>
        ) : null}
        <p>
          <Link to="/">Go to your projects</Link>
        </p>
      </div>
    </Layout>
  );
}
