// The link in a confirmation email. Opened signed out, it shows the sign-in page first: the
// link confirms the address only together with the account's password. Confirming is a
// button, not automatic, so nothing happens merely because a page was opened.
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { Alert } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { useSession, useUser } from "../session/SessionContext";

export function VerifyEmailPage() {
  const { token } = useParams({ from: "/verify-email/$token" });
  const user = useUser();
  const { signedIn } = useSession();
  const [result, setResult] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setResult(null);
    try {
      const confirmed = await api.verifyEmail(token);
      setResult({ tone: "success", text: "Your email address is confirmed. Leads can now add you to their projects by email." });
      signedIn(confirmed.user);
    } catch (caught) {
      setResult({ tone: "error", text: errorMessage(caught) });
    }
    setBusy(false);
  }

  return (
    <Layout>
      <div className="narrow stack">
        <PageHeading title="Confirm your email address" />
        {result?.tone !== "success" ? (
          <>
            <p>
              Confirm that <strong>{user.email}</strong> is your address, so leads can add you to their projects by email.
            </p>
            <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={busy}>
              {busy ? "Confirming…" : "Confirm my address"}
            </button>
          </>
        ) : null}
        {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
        <p>
          <Link to="/">Go to your projects</Link>
        </p>
      </div>
    </Layout>
  );
}
