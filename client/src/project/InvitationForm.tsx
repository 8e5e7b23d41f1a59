import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import type { Invitation, Role } from "../api/types";
import { Alert } from "../components/Alert";
import { formatDateTime } from "../components/dates";
import { roleName } from "../components/roles";
import { CopyField } from "./CopyField";
import { RoleSelect } from "./RoleSelect";

/** Creates an invitation link for a role (leads only) and shows it with a copy button. */
export function InvitationForm({ projectId }: { projectId: string }) {
  const [role, setRole] = useState<Role>("consultant");
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setInvitation(await api.createInvitation(projectId, role));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite with a link</h3>
      <p className="field__hint">Anyone who opens the link and signs in joins the project with the role you choose.</p>
      <RoleSelect value={role} onChange={setRole} />
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Creating link…" : "Create invitation link"}
      </button>
      {invitation ? (
        <div className="stack">
          <CopyField label={`Invitation link for ${roleName(invitation.role)}`} value={invitation.url} />
          {formatDateTime(invitation.expiresAt) ? (
            <p className="field__hint">The link works until {formatDateTime(invitation.expiresAt)}.</p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
