// The selection codes apply to: as Yjs relative positions (what the API is sent, made when the
// words were selected so they stay on them), in plain-text offsets and editor positions (to
// show it again). Tapping a code on a phone moves focus out of the text first, so the last
// selection made in the editor is kept until the person collapses it there.
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef } from "react";
import { relativeAnchor, type EncodedAnchor } from "../editor/relativeAnchor";
import { offsetAt, positionAt, textMap } from "../editor/textOffsets";

export type CodingSelection = { start: number; end: number; from: number; to: number; text: string; anchor: EncodedAnchor | null };

function selectionOf(editor: Editor): CodingSelection | null {
  const { from, to } = editor.state.selection;
  if (to <= from) return null;
  const map = textMap(editor.state.doc);
  const start = offsetAt(map, from);
  const end = offsetAt(map, to);
  if (end <= start) return null;
  // Anchored on the text itself, not on a speaker's label or a line break the selection began or ended in.
  const anchor = relativeAnchor(editor, positionAt(map, start), positionAt(map, end));
  return { start, end, from, to, text: map.text.slice(start, end), anchor };
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
