// Choosing a new password, wherever it happens (Account page, reset link): the field with its
// browser hints and minimum, and a "show" box, since a password typed on a phone is easy to
// get wrong unseen. `shown` also governs any other password field of the same form.
import { TextField } from "./Field";

type Props = { shown: boolean; onShownChange: (shown: boolean) => void; hint: string; showLabel?: string };

export function NewPasswordField({ shown, onShownChange, hint, showLabel = "Show password" }: Props) {
  return (
    <>
      <TextField
        label="New password"
        name="newPassword"
        type={shown ? "text" : "password"}
        autoComplete="new-password"
        minLength={8}
        hint={hint}
        required
      />
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(e) => onShownChange(e.target.checked)} />
        {showLabel}
      </label>
    </>
  );
}
