// In the Codes panel, under a code: the caller's own codings of it in this transcript, each
// with its words and note and a "Note…" button — the way to write a note with the mouse or
// by touch (the stripe's N is the keyboard's). "Show" selects the words in the text.
import { useState } from "react";
import type { Code } from "@concord/shared/coding/codebook";
import type { CodingState } from "./CodingContext";
import { CodingNoteForm } from "./CodingNoteForm";
import type { PlacedCoding } from "./placeCodings";

const EXCERPT_CHARS = 80;

/** The coded words as the editor has them now, shortened for a list. */
function excerpt(coding: CodingState, item: PlacedCoding): string {
  const doc = coding.editor?.state.doc;
  if (!doc || item.orphaned || item.to > doc.content.size) return "(its words were deleted)";
  const words = doc.textBetween(item.from, item.to, " ").trim();
  return words.length > EXCERPT_CHARS ? `${words.slice(0, EXCERPT_CHARS - 1)}…` : words;
}

export function YourCodings({ coding, code }: { coding: CodingState; code: Code }) {
  const [noting, setNoting] = useState<string | null>(null);
  const mine = coding.codings.filter((c) => c.codeId === code.id && c.coderId === coding.userId).sort((a, b) => a.startOffset - b.startOffset);
  if (mine.length === 0) return null;
  return (
    <details className="your-codings">
      <summary aria-label={`Your codings here (${mine.length}): ${code.name}`}>Your codings here ({mine.length})</summary>
      <ul className="your-codings__list">
        {mine.map((item) => {
          const words = excerpt(coding, item);
          return (
            <li key={item.id}>
              <q className="your-codings__words">{words}</q>
              {item.note ? <span className="your-codings__note">{item.note}</span> : null}
              <div className="code-row__actions">
                <button type="button" className="button" aria-label={`Note on your coding of ${code.name}: ${words}`} aria-expanded={noting === item.id} onClick={() => setNoting(noting === item.id ? null : item.id)}>
                  Note…
                </button>
                {item.orphaned ? null : (
                  <button type="button" className="button" aria-label={`Show your coding of ${code.name} in the text: ${words}`} onClick={() => coding.selectCoding(item)}>
                    Show
                  </button>
                )}
              </div>
              {noting === item.id ? <CodingNoteForm coding={coding} item={item} onClose={() => setNoting(null)} /> : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
