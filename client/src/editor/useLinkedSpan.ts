// Highlights and scrolls to the span a link names, once the editor holds the text the
// offsets refer to: the server's copy (or this device's, when offline), not an empty
// document still connecting. Each span is shown once; a later sync does not scroll again.
import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import type { TextSpan } from "../transcript/spanSearch";
import { LINKED_SPAN_CLASS, linkedSpanKey, type LinkedSpanMeta } from "./LinkedSpan";
import { positionAt, textMap } from "./textOffsets";

export function useLinkedSpan(editor: Editor | null, span: TextSpan | null, textReady: boolean): void {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !textReady) return;
    const wanted = span ? `${span.from}-${span.to}` : "";
    if (shown.current === wanted) return;
    shown.current = wanted;
    let meta: LinkedSpanMeta = null;
    if (span) {
      const map = textMap(editor.state.doc);
      const range = { from: positionAt(map, span.from), to: positionAt(map, span.to) };
      meta = range.from < range.to ? range : null;
    }
    editor.view.dispatch(editor.state.tr.setMeta(linkedSpanKey, meta));
    if (meta) editor.view.dom.querySelector(`.${LINKED_SPAN_CLASS}`)?.scrollIntoView({ block: "center" });
  }, [editor, span, textReady]);
}
