// The coded words of the stripe under the pointer or keyboard focus, highlighted in the text
// as a ProseMirror decoration: no change to the document, nothing sent to anyone. The
// decoration carries only a class; its colour is a custom property on the editor.
import type { Editor } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { rangeDecorationPlugin } from "../editor/rangeDecoration";

const key = new PluginKey<DecorationSet>("codingHighlight");
const plugin = rangeDecorationPlugin(key, { class: "coding-highlight" });

/** Adds the highlight to the editor; returns how to take it away. */
export function installCodingHighlight(editor: Editor): () => void {
  editor.registerPlugin(plugin);
  return () => {
    if (!editor.isDestroyed) editor.unregisterPlugin(key);
  };
}

export function setCodingHighlight(editor: Editor, range: { from: number; to: number; color: string } | null): void {
  if (editor.isDestroyed) return;
  // The colour through the CSS object model: the Content-Security-Policy refuses style attributes.
  if (range) editor.view.dom.style.setProperty("--coding-highlight", range.color);
  editor.view.dispatch(editor.state.tr.setMeta(key, range && { from: range.from, to: range.to }).setMeta("addToHistory", false));
}
