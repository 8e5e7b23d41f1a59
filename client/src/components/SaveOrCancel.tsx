// The end of an edit-in-place form: the primary action that submits it, and Cancel, which
// leaves what is stored as it was.
export function SaveOrCancel({ label, disabled, onCancel }: { label: string; disabled: boolean; onCancel: () => void }) {
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={disabled}>
        {label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
