// Accepting an invitation link: say what it is for, then join with one button.
import { useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { useResource } from "../api/useResource";
import { Alert, Loading } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { ROLE_TEXT } from "../components/roles";
import { navigate } from "../router/history";
import { Link } from "../router/Link";
import { paths } from "../router/routes";

export function InvitePage({ token }: { token: string }) {
  const [invitation] = useResource(() => api.getInvitation(token), token);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { projectId } = await api.acceptInvitation(token);
      navigate(paths.project(projectId), { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Layout>
      <div className="narrow stack">
        <PageHeading title="Invitation" />
        {invitation.status === "loading" ? <Loading what="the invitation" /> : null}
        {/* The server's message already says what to do (ask the lead researcher for a new link). */}
        {invitation.status === "error" ? <Alert>{invitation.message}</Alert> : null}
        {invitation.status === "ready" ? (
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
          <Link to={paths.projects()}>Go to your projects</Link>
        </p>
      </div>
    </Layout>
  );
}
