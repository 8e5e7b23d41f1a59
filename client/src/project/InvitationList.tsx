import { useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import { useInvalidate } from "../api/useInvalidate";
import type { InvitationSummary } from "../api/types";
import { Alert } from "../components/Alert";
import { formatDateTime } from "../components/dates";
import { roleName } from "../components/roles";

type Props = { projectId: string; invitations: InvitationSummary[] };

/** The links that still let people in, each with who made it, how much it has been used, and Revoke. */
export function InvitationList({ projectId, invitations }: Props) {
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(invitation: InvitationSummary) {
    setBusy(invitation.id);
    setError(null);
    try {
      await api.revokeInvitation(projectId, invitation.id);
      invalidate(queryKeys.invitations(projectId));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  if (invitations.length === 0) return <p className="field__hint">No invitation links are open.</p>;
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <ul className="member-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="member-list__item">
            <span className="member-list__name">{roleName(invitation.role)}</span>
            <span className="member-list__email">
              {invitation.uses} of {invitation.maxUses} {invitation.maxUses === 1 ? "use" : "uses"} · made by {invitation.createdBy.name}
              {formatDateTime(invitation.expiresAt) ? ` · works until ${formatDateTime(invitation.expiresAt)}` : ""}
            </span>
            <button
              type="button"
              className="button invitation-list__revoke"
              disabled={busy === invitation.id}
              onClick={() => void revoke(invitation)}
            >
              Revoke<span className="visually-hidden"> the {roleName(invitation.role)} link made by {invitation.createdBy.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
