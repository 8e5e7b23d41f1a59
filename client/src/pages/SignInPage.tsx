// Sign in, or create an account. Shown for any address while signed out, so an invitation
// link still works after signing in.
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session/SessionContext";

type Mode = "signIn" | "signUp";

export function SignInPage({ notice }: { notice?: string }) {
  const { signedIn } = useSession();
  const [mode, setMode] = useState<Mode>("signIn");
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === "signUp";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const { user } = signingUp ? await api.signUp({ email, password, name }) : await api.signIn({ email, password });
      signedIn(user);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  function switchMode() {
    setMode(signingUp ? "signIn" : "signUp");
    setError(null);
  }

  return (
    <Layout>
      <div className="narrow">
        <PageHeading title={signingUp ? "Create an account" : "Sign in"} />
        <p>Concord is a shared workspace for your research team.</p>
        {notice ? <p className="note">{notice}</p> : null}
        <form className="stack" onSubmit={handleSubmit}>
          {signingUp ? <TextField label="Your name" name="name" autoComplete="name" required /> : null}
          <TextField label="Email address" name="email" type="email" autoComplete="email" inputMode="email" required />
          <TextField
            label="Password"
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete={signingUp ? "new-password" : "current-password"}
            minLength={signingUp ? 8 : undefined}
            hint={signingUp ? "At least 8 characters." : undefined}
            required
          />
          <label className="checkbox">
            <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
            Show password
          </label>
          {error ? <Alert>{error}</Alert> : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
          </button>
        </form>
        <p className="switch-mode">
          {signingUp ? "Already have an account?" : "New to Concord?"}{" "}
          <button type="button" className="button--link" onClick={switchMode}>
            {signingUp ? "Sign in instead" : "Create an account"}
          </button>
        </p>
      </div>
    </Layout>
  );
}
