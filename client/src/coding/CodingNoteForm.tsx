// The note of one of the caller's own codings (their words on why these words have this
// code), written beside its stripe (N), from a phone's line list, or in the Codes panel.
import { useId, useState, type FormEvent } from "react";
import { CODING_LIMITS } from "@concord/shared/coding/limits";
import type { CodingState } from "./CodingContext";
import type { PlacedCoding } from "./placeCodings";

/**
 * Writes the note of one of the caller's codings: Enter in the box or Save keeps it, Escape
 * leaves it as it was. Beside the stripes at `top`, or in the flow of the Codes panel without.
 */
export function CodingNoteForm({ coding, item, top, onClose }: { coding: CodingState; item: PlacedCoding; top?: number; onClose: () => void }) {
  const [text, setText] = useState(item.note);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const codeName = coding.codeById.get(item.codeId)?.name ?? "Unknown code";
  async function save(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    const saved = await coding.changeNote(item, text.trim());
    setBusy(false);
    if (saved) onClose();
  }
  return (
    <form
      className={top === undefined ? "coding-note-form coding-note-form--inline" : "coding-note-form"}
      style={top === undefined ? undefined : { top }}
      aria-label={`Note on your coding of ${codeName}`}
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label htmlFor={id}>Note on your coding of {codeName}</label>
      <textarea
        id={id}
        autoFocus
        rows={3}
        maxLength={CODING_LIMITS.noteChars}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <div className="coding-note-form__actions">
        <button type="submit" className="button" disabled={busy}>
          Save note
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
