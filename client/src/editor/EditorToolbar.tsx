// A few plain-worded tools above the transcript: bold, italic, who is speaking in this turn,
// and a new turn. Shown only to people who may edit.
import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { useEditorState } from "@tiptap/react";
import { useId } from "react";
import { turnAt } from "./SpeakerTurn";

const DEFAULT_SPEAKERS = ["I", "P"];

/** The speaker labels used in the document, in order of first appearance. */
function speakersIn(doc: PMNode, turnName: string): string[] {
  const speakers = new Set<string>();
  doc.forEach((block) => {
    if (block.type.name === turnName && block.attrs.speaker) speakers.add(String(block.attrs.speaker));
  });
  return speakers.size > 0 ? [...speakers] : DEFAULT_SPEAKERS;
}

export function EditorToolbar({ editor }: { editor: Editor }) {
  const speakerId = useId();
  const turnType = editor.schema.nodes.speakerTurn;
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const turn = turnType ? turnAt(e.state.selection.$from, turnType) : null;
      return {
        bold: e.isActive("bold"),
        italic: e.isActive("italic"),
        speaker: turn ? String(turn.node.attrs.speaker ?? "") : null,
        speakers: speakersIn(e.state.doc, turnType?.name ?? ""),
      };
    },
  });
  const { speaker, speakers } = state;
  const options = speaker !== null && !speakers.includes(speaker) ? [speaker, ...speakers] : speakers;
  // A new turn goes to the next speaker in the list: I → P → I in a two-person interview.
  const nextSpeaker = speakers[(speakers.indexOf(speaker ?? "") + 1) % speakers.length] ?? "P";

  return (
    <div className="toolbar" role="group" aria-label="Editing tools">
      <button
        type="button"
        className="button toolbar__button"
        aria-pressed={state.bold}
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        {/* "B" and "I" on a phone; the accessible name is the whole word either way. */}
        <strong>
          B<span className="toolbar__rest">old</span>
        </strong>
      </button>
      <button
        type="button"
        className="button toolbar__button"
        aria-pressed={state.italic}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <em>
          I<span className="toolbar__rest">talic</span>
        </em>
      </button>
      <span className="toolbar__speaker">
        <label htmlFor={speakerId} className="toolbar__speaker-label">
          Speaker
        </label>
        <select
          id={speakerId}
          value={speaker ?? ""}
          disabled={speaker === null}
          onChange={(e) => editor.chain().focus().setSpeaker(e.target.value).run()}
        >
          {speaker === null ? <option value="">Not in a turn</option> : null}
          {options.map((name) => (
            <option key={name} value={name}>
              {name || "Unnamed speaker"}
            </option>
          ))}
        </select>
      </span>
      <button
        type="button"
        className="button toolbar__button"
        onClick={() => editor.chain().focus().insertSpeakerTurn(nextSpeaker).run()}
      >
        {/* One inline box: as separate flex items the space before "(" would be dropped. */}
        <span>
          New turn<span className="toolbar__rest"> ({nextSpeaker})</span>
        </span>
      </button>
    </div>
  );
}
