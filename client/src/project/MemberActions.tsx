// A lead's controls for one member: change their role, or remove them. Choosing a role in
// the list only proposes it — a keyboard user browsing the options with the arrow keys must
// not change anyone's role — and "Change role" applies it. Removing someone or making them
// a lead takes a further, explicit confirmation rather than a browser dialog, so it works
// with any input method. What happened is said afterwards in plain words.
import { useEffect, useRef, useState } from "react";
import { api } from "../api/endpoints";
import { queryKeys } from "../api/queries";
import { useInvalidate } from "../api/useInvalidate";
import { ROLES, type Member, type Role } from "../api/types";
import { Alert } from "../components/Alert";
import { ROLE_TEXT, roleName } from "../components/roles";
import { ConfirmLead } from "./ConfirmLead";

type Props = { projectId: string; member: Member };

export function MemberActions({ projectId, member }: Props) {
  const invalidate = useInvalidate();
  // The role as last known here: the server's answer to a change counts at once, before the
  // member list has been fetched again.
  const [current, setCurrent] = useState<Role>(member.role);
  const known = useRef<Role>(member.role);
  const [proposed, setProposed] = useState<Role>(member.role);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [confirmingLead, setConfirmingLead] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Another lead may change the role meanwhile: propose nothing then. The list fetched again
  // after our own change brings the role we already know, and must not undo a new proposal.
  useEffect(() => {
    if (member.role === known.current) return;
    known.current = member.role;
    setCurrent(member.role);
    setProposed(member.role);
  }, [member.role]);

  async function run(action: () => Promise<unknown>, said: string, then = () => {}) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      then();
      setDone(said);
      // The members, and the invitation links too: a lead who stops being one takes theirs with them.
      invalidate(queryKeys.project(projectId));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setProposed(current);
    } finally {
      setBusy(false);
      setConfirmingRemoval(false);
      setConfirmingLead(false);
    }
  }

  const changeRole = (role: Role, confirm?: boolean) =>
    run(() => api.changeRole(projectId, member.userId, role, confirm), `${member.name} is now a ${roleName(role)}.`, () => {
      known.current = role;
      setCurrent(role);
    });

  function cancel() {
    setProposed(current);
    setConfirmingLead(false);
  }

  const changing = proposed !== current;
  return (
    <div className="member-actions">
      <label className="member-actions__role">
        <span className="visually-hidden">Role of {member.name}</span>
        <select
          value={proposed}
          disabled={busy}
          onChange={(e) => {
            setProposed(e.target.value as Role);
            setConfirmingLead(false);
            setDone(null);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_TEXT[role].name}
            </option>
          ))}
        </select>
      </label>
      {changing && !confirmingLead ? (
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => (proposed === "lead" ? setConfirmingLead(true) : void changeRole(proposed))}
          >
            Change role<span className="visually-hidden"> of {member.name} to {roleName(proposed)}</span>
          </button>
          <button type="button" className="button button--link" onClick={cancel}>
            Cancel
          </button>
        </>
      ) : null}
      {!changing && confirmingRemoval ? (
        <>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => api.removeMember(projectId, member.userId), `${member.name} was removed from the project.`)}
          >
            Yes, remove {member.name}
          </button>
          <button type="button" className="button button--link" onClick={() => setConfirmingRemoval(false)}>
            Keep
          </button>
        </>
      ) : null}
      {!changing && !confirmingRemoval ? (
        <button type="button" className="button button--link" onClick={() => setConfirmingRemoval(true)}>
          Remove<span className="visually-hidden"> {member.name}</span>
        </button>
      ) : null}
      {confirmingLead ? <ConfirmLead who={member.name} busy={busy} onConfirm={() => void changeRole("lead", true)} onCancel={cancel} /> : null}
      <p className="member-actions__done" role="status">
        {done}
      </p>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
