// Sign in, create an account, or (on a server that sends email) ask for a password link.
// Shown for any address while signed out, so an invitation link still works after signing in.
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session/SessionContext";
import { useSendsEmail } from "../session/useAuthOptions";

type Mode = "signIn" | "signUp" | "forgot";

const TITLES: Record<Mode, string> = { signIn: "Sign in", signUp: "Create an account", forgot: "Forgotten password" };

export function SignInPage({ notice }: { notice?: string }) {
  const { signedIn } = useSession();
  const sendsEmail = useSendsEmail();
  const [mode, setMode] = useState<Mode>("signIn");
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
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
      if (mode === "forgot") {
        setSent((await api.requestPasswordReset(email)).message);
      } else {
        const result = signingUp ? await api.signUp({ email, password, name }) : await api.signIn({ email, password });
        if ("user" in result) signedIn(result.user);
        else setSent(result.message);
      }
    } catch (caught) {
      setError(errorMessage(caught));
    }
    setBusy(false);
  }

  function switchTo(next: Mode) {
    setMode(next);
    setError(null);
    setSent(null);
  }

  if (sent) {
    return (
      <Layout>
        <div className="narrow stack">
          <PageHeading title="Check your email" />
          <Alert tone="success">{sent}</Alert>
          <p>The email can take a few minutes to arrive. If it does not, look in your spam or junk folder.</p>
          <p>
            <button type="button" className="button--link" onClick={() => switchTo("signIn")}>
              Back to sign in
            </button>
          </p>
        </div>
      </Layout>
    );
  }

  return (
    <Layout>
      <div className="narrow">
        <PageHeading title={TITLES[mode]} />
        <p>
          {mode === "forgot"
            ? "Enter your email address and we will send you a link to choose a new password."
            : "Concord is a shared workspace for your research team."}
        </p>
        {notice ? <p className="note">{notice}</p> : null}
        <form className="stack" onSubmit={handleSubmit}>
          {signingUp ? <TextField label="Your name" name="name" autoComplete="name" required /> : null}
          <TextField label="Email address" name="email" type="email" autoComplete="email" inputMode="email" required />
          {mode !== "forgot" ? (
            <>
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
            </>
          ) : null}
          {error ? <Alert>{error}</Alert> : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Please wait…" : mode === "forgot" ? "Send me a link" : signingUp ? "Create account" : "Sign in"}
          </button>
        </form>
        {mode === "signIn" && sendsEmail ? (
          <p className="switch-mode">
            <button type="button" className="button--link" onClick={() => switchTo("forgot")}>
              Forgotten your password?
            </button>
          </p>
        ) : null}
        <p className="switch-mode">
          {mode === "signIn" ? "New to Concord?" : mode === "signUp" ? "Already have an account?" : "Remembered it?"}{" "}
          <button type="button" className="button--link" onClick={() => switchTo(mode === "signIn" ? "signUp" : "signIn")}>
            {mode === "signIn" ? "Create an account" : "Sign in instead"}
          </button>
        </p>
      </div>
    </Layout>
  );
}
