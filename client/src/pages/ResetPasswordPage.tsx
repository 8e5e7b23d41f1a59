// The link in a password email: choose a new password, which signs out every browser, stops
// every API token, and signs this browser in. Works signed in or out.
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { Alert } from "../components/Alert";
import { NewPasswordField } from "../components/NewPasswordField";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session/SessionContext";

export function ResetPasswordPage() {
  const { token } = useParams({ from: "/reset-password/$token" });
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("newPassword") ?? "");
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.resetPassword({ token, newPassword });
      signedIn(user);
      void navigate({ to: "/", replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Layout>
      <div className="narrow">
        <PageHeading title="Choose a new password" />
        <p>
          Choosing a new password signs you out of every other browser and stops your API tokens, so whoever else had them
          can no longer get in.
        </p>
        <form className="stack" onSubmit={handleSubmit}>
          <NewPasswordField shown={showPassword} onShownChange={setShowPassword} hint="At least 8 characters." />
          {error ? <Alert>{error}</Alert> : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Please wait…" : "Save new password and sign in"}
          </button>
        </form>
      </div>
    </Layout>
  );
}
