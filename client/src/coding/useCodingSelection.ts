// The selection codes apply to, in plain-text offsets (what the API takes) and editor positions
// (to show it again). Tapping a code on a phone moves focus out of the text first, so the last
// selection made in the editor is kept until the person collapses it there.
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef } from "react";
import { offsetAt, textMap } from "../editor/textOffsets";

export type CodingSelection = { start: number; end: number; from: number; to: number; text: string };

function selectionOf(editor: Editor): CodingSelection | null {
  const { from, to } = editor.state.selection;
  if (to <= from) return null;
  const map = textMap(editor.state.doc);
  const start = offsetAt(map, from);
  const end = offsetAt(map, to);
  if (end <= start) return null;
  return { start, end, from, to, text: map.text.slice(start, end) };
}

/** The editor's selection, or the last one made if focus has left it (a phone's sheet). */
export function useCodingSelection(editor: Editor | null): () => CodingSelection | null {
  const lastSelection = useRef<CodingSelection | null>(null);
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      if (!editor.isFocused) return;
      lastSelection.current = selectionOf(editor);
    };
    editor.on("selectionUpdate", onSelection);
    return () => {
      editor.off("selectionUpdate", onSelection);
    };
  }, [editor]);
  return useCallback(() => (editor && !editor.isDestroyed ? (selectionOf(editor) ?? lastSelection.current) : null), [editor]);
}
