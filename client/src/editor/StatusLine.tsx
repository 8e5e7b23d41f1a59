// On a phone, the saving state and who is here fold into one line ("Saved · 3 here") so the
// transcript starts near the top of the screen; the line is a button that opens the full
// wording and the list of people. On a wide screen both are always shown and this is hidden.
import type { ConnectionState } from "./connectionState";
import { shortTitle, useSteadyState } from "./ConnectionStatus";

type Props = {
  state: ConnectionState;
  readOnly: boolean;
  /** How many people have the document open, counting you; null while that is unknown. */
  here: number | null;
  expanded: boolean;
  onToggle: () => void;
  /** The ids of what the line opens (the saving detail and the people here). */
  controls: string;
};

export function StatusLine({ state, readOnly, here, expanded, onToggle, controls }: Props) {
  const shown = useSteadyState(state);
  return (
    <button
      type="button"
      className={`status-line connection--${shown.kind}`}
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="status-line__text">
        {shortTitle(shown, readOnly)}
        {here === null ? null : <> · {here} here</>}
      </span>
      <span className="status-line__more">{expanded ? "Hide details" : "Details"}</span>
    </button>
  );
}
