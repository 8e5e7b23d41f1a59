import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import { useInvalidate } from "../api/useInvalidate";
import { LINK_ROLES, type Invitation, type LinkRole } from "../api/types";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { formatDateTime } from "../components/dates";
import { roleName } from "../components/roles";
import { CopyField } from "./CopyField";
import { opensOnlyOnThisComputer } from "./loopback";
import { RoleSelect } from "./RoleSelect";

/** The server's limit on people per link. */
const MAX_USES = 100;

/**
 * Creates an invitation link (leads only) for one person, or for a set number of people,
 * and shows it once with a copy button. A link never makes someone a lead.
 */
export function InvitationForm({ projectId }: { projectId: string }) {
  const invalidate = useInvalidate();
  const [role, setRole] = useState<LinkRole>("consultant");
  const [several, setSeveral] = useState(false);
  const [maxUses, setMaxUses] = useState("5");
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setInvitation(await api.createInvitation(projectId, { role, maxUses: several ? Number(maxUses) : 1 }));
      invalidate(queryKeys.invitations(projectId));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite with a link</h3>
      <p className="field__hint">
        Whoever opens the link and signs in joins the project with the role you choose. To add another lead researcher, add them
        by email.
      </p>
      <RoleSelect value={role} onChange={setRole} roles={LINK_ROLES} />
      <fieldset className="choice">
        <legend>Who can use the link?</legend>
        <label className="checkbox">
          <input type="radio" name="link-uses" checked={!several} onChange={() => setSeveral(false)} />
          One person
        </label>
        <label className="checkbox">
          <input type="radio" name="link-uses" checked={several} onChange={() => setSeveral(true)} />
          Several people
        </label>
      </fieldset>
      {several ? (
        <TextField
          label="How many people"
          type="number"
          inputMode="numeric"
          min={2}
          max={MAX_USES}
          value={maxUses}
          onChange={(e) => setMaxUses(e.target.value)}
          hint={`The link stops working once this many people have joined (at most ${MAX_USES}).`}
          required
        />
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Creating link…" : "Create invitation link"}
      </button>
      {invitation ? <CreatedLink invitation={invitation} /> : null}
    </form>
  );
}

function CreatedLink({ invitation }: { invitation: Invitation }) {
  const until = formatDateTime(invitation.expiresAt);
  const people = invitation.maxUses === 1 ? "one person" : `${invitation.maxUses} people`;
  return (
    <div className="stack">
      <CopyField label={`Invitation link for ${roleName(invitation.role)}`} value={invitation.url} />
      <p className="field__hint">
        It lets in {people}
        {until ? `, until ${until}` : ""}. This is the only time the link is shown: copy it now.
      </p>
      {opensOnlyOnThisComputer(invitation.url) ? (
        <p className="note">
          This link only opens on this computer: Concord is running at a local address. To share it with colleagues, whoever
          runs Concord needs to start it with <code>CONCORD_PUBLIC_URL</code> set to an address they can reach.
        </p>
      ) : null}
    </div>
  );
}
