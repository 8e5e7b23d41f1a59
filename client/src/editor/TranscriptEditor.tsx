// The Tiptap editor bound to the document's Yjs text, with everyone's cursors.
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { TRANSCRIPT_FIELD } from "@concord/shared/transcript/ydoc";
import { useEffect, useRef } from "react";
import { TranscriptBody } from "../components/TranscriptReading";
import { renderCaret, renderSelection } from "./caretRender";
import { EditorToolbar } from "./EditorToolbar";
import { LinkedSpan } from "./LinkedSpan";
import { SpeakerTurn } from "./SpeakerTurn";
import type { Collaboration as CollaborationObjects } from "./useCollaboration";

type Props = {
  collaboration: CollaborationObjects;
  user: { name: string; color: string };
  readOnly: boolean;
  label: string;
  /** Hears of the editor once it exists (and of null when it goes), for what works beside it. */
  onEditor?: (editor: Editor | null) => void;
};

export function TranscriptEditor({ collaboration, user, readOnly, label, onEditor }: Props) {
  const { doc, provider } = collaboration;
  // Read by the attributes function each time the view updates (setEditable updates it).
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const editor = useEditor(
    {
      editable: !readOnly,
      // Tiptap would add its base styles as an inline <style>, which the Content-Security-
      // Policy refuses; the same rules are in styles.css ("Editor base styles").
      injectCSS: false,
      extensions: [
        StarterKit.configure({
          // Collaboration brings its own undo that only undoes your own changes.
          undoRedo: false,
          // The trailing-node plugin writes an empty paragraph on load; with several people
          // loading at once that would add one blank line per person to the shared text.
          trailingNode: false,
        }),
        SpeakerTurn,
        LinkedSpan,
        Collaboration.configure({ document: doc, field: TRANSCRIPT_FIELD }),
        CollaborationCaret.configure({ provider, user, render: renderCaret, selectionRender: renderSelection }),
      ],
      editorProps: {
        attributes: () => ({
          class: "transcript",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": label,
          "aria-readonly": String(readOnlyRef.current),
          spellcheck: "true",
        }),
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (editor.isEditable !== !readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    editor.commands.updateUser(user);
  }, [editor, user]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <>
      {readOnly ? null : <EditorToolbar editor={editor} />}
      <TranscriptBody>
        <EditorContent editor={editor} className="transcript-frame" />
      </TranscriptBody>
    </>
  );
}
