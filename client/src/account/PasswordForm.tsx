import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";

/** Changes the password; the server signs out every other browser. */
export function PasswordForm() {
  const [showPassword, setShowPassword] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setMessage(null);
    try {
      await api.changePassword({
        currentPassword: String(data.get("currentPassword") ?? ""),
        newPassword: String(data.get("newPassword") ?? ""),
      });
      form.reset();
      setMessage({ tone: "success", text: "Your password is changed. Every other browser has been signed out; this one stays signed in." });
    } catch (caught) {
      setMessage({ tone: "error", text: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  const type = showPassword ? "text" : "password";
  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <TextField label="Current password" name="currentPassword" type={type} autoComplete="current-password" required />
      <TextField
        label="New password"
        name="newPassword"
        type={type}
        autoComplete="new-password"
        minLength={8}
        hint="At least 8 characters. Other browsers signed in to your account will be signed out."
        required
      />
      <label className="checkbox">
        <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        Show passwords
      </label>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
