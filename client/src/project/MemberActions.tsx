// A lead's controls for one member: change their role, or remove them. Removing someone
// or making them a lead takes a second, explicit confirmation rather than a browser dialog,
// so it works with any input method.
import { useState } from "react";
import { api } from "../api/endpoints";
import { ROLES, type Member, type Role } from "../api/types";
import { Alert } from "../components/Alert";
import { ROLE_TEXT } from "../components/roles";
import { ConfirmLead } from "./ConfirmLead";

type Props = { projectId: string; member: Member; onChanged: () => void };

export function MemberActions({ projectId, member, onChanged }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [confirmingLead, setConfirmingLead] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setConfirming(false);
      setConfirmingLead(false);
    }
  }

  return (
    <div className="member-actions">
      <label className="member-actions__role">
        <span className="visually-hidden">Role of {member.name}</span>
        <select
          value={confirmingLead ? "lead" : member.role}
          disabled={busy}
          onChange={(e) => {
            const role = e.target.value as Role;
            setConfirmingLead(role === "lead");
            if (role !== "lead") void run(() => api.changeRole(projectId, member.userId, role));
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_TEXT[role].name}
            </option>
          ))}
        </select>
      </label>
      {confirming ? (
        <>
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.removeMember(projectId, member.userId))}>
            Yes, remove {member.name}
          </button>
          <button type="button" className="button button--link" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className="button button--link" onClick={() => setConfirming(true)}>
          Remove<span className="visually-hidden"> {member.name}</span>
        </button>
      )}
      {confirmingLead ? (
        <ConfirmLead
          who={member.name}
          busy={busy}
          onConfirm={() => void run(() => api.changeRole(projectId, member.userId, "lead", true))}
          onCancel={() => setConfirmingLead(false)}
        />
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
