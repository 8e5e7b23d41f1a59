import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { NewPasswordField } from "../components/NewPasswordField";
import { useAction } from "../components/useAction";

/** Changes the password; the server signs out every other browser. */
export function PasswordForm() {
  const [showPassword, setShowPassword] = useState(false);
  const { busy, message, run } = useAction();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api.changePassword({
        currentPassword: String(data.get("currentPassword") ?? ""),
        newPassword: String(data.get("newPassword") ?? ""),
      });
      form.reset();
      return "Your password is changed. Every other browser has been signed out; this one stays signed in.";
    });
  }

  const type = showPassword ? "text" : "password";
  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <TextField label="Current password" name="currentPassword" type={type} autoComplete="current-password" required />
      <NewPasswordField
        shown={showPassword}
        onShownChange={setShowPassword}
        hint="At least 8 characters. Other browsers signed in to your account will be signed out."
        showLabel="Show passwords"
      />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
