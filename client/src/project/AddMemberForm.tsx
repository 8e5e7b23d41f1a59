import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import { useInvalidate } from "../api/useInvalidate";
import { ROLES, type Role } from "../api/types";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { roleName } from "../components/roles";
import { ConfirmLead } from "./ConfirmLead";
import { useSendsEmail } from "../session/useAuthOptions";
import { RoleSelect } from "./RoleSelect";

/**
 * Adds someone to the project by email (leads only). On a server that sends email only a
 * confirmed address is added; any other is emailed an invitation.
 */
export function AddMemberForm({ projectId }: { projectId: string }) {
  const invalidate = useInvalidate();
  const sendsEmail = useSendsEmail();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("consultant");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingLead, setConfirmingLead] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (role === "lead") setConfirmingLead(true);
    else void add(false);
  }

  async function add(confirm: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      const added = await api.addMember(projectId, { email: email.trim(), role, confirm });
      const text =
        "userId" in added
          ? `${added.name} was added as ${roleName(added.role)}.`
          : `${added.email} has no confirmed Concord account yet, so we emailed them an invitation to join as ${roleName(added.role)}.`;
      setMessage({ tone: "success", text });
      setEmail("");
      invalidate(queryKeys.project(projectId));
    } catch (caught) {
      setMessage({ tone: "error", text: errorMessage(caught) });
    } finally {
      setBusy(false);
      setConfirmingLead(false);
    }
  }

  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">Add a person by email</h3>
      <TextField
        label="Their email address"
        type="email"
        inputMode="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        hint={
          sendsEmail
            ? "If they have no confirmed Concord account yet, we email them an invitation instead."
            : "They need a Concord account already. If they don't have one, send an invitation link instead."
        }
        required
      />
      <RoleSelect
        value={role}
        onChange={(chosen) => {
          setRole(chosen);
          setConfirmingLead(false);
        }}
        roles={ROLES}
      />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {confirmingLead ? (
        <ConfirmLead who={email.trim()} busy={busy} onConfirm={() => void add(true)} onCancel={() => setConfirmingLead(false)} />
      ) : (
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Adding…" : "Add to project"}
        </button>
      )}
    </form>
  );
}
