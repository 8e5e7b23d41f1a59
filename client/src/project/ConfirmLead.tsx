// Making someone a lead hands them the project: they can add and remove anyone, including
// you. So it takes a second, explicit step (the server refuses it without `confirm`).

type Props = { who: string; busy: boolean; onConfirm: () => void; onCancel: () => void };

export function ConfirmLead({ who, busy, onConfirm, onCancel }: Props) {
  return (
    <div className="note stack" role="group" aria-label={`Confirm making ${who} a lead researcher`}>
      <p>
        Make {who} a lead researcher? A lead can add and remove anyone in the project, including you, and change everyone's
        role.
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy} onClick={onConfirm}>
          Yes, make {who} a lead
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
