// The passage a link points to (`?from=&to=`), highlighted in the editor as a decoration: it
// is not part of the shared document, follows the text as others edit around it, and renders
// as <mark> so it is also announced as highlighted.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

const key = new PluginKey<DecorationSet>("linkedSpan");

/** A transaction's metadata: the positions to highlight, or null to clear. */
export type LinkedSpanMeta = { from: number; to: number } | null;

export const LINKED_SPAN_CLASS = "linked-span";

export const LinkedSpan = Extension.create({
  name: "linkedSpan",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(key) as LinkedSpanMeta | undefined;
            if (meta === undefined) return set.map(tr.mapping, tr.doc);
            if (meta === null) return DecorationSet.empty;
            return DecorationSet.create(tr.doc, [Decoration.inline(meta.from, meta.to, { nodeName: "mark", class: LINKED_SPAN_CLASS })]);
          },
        },
        props: { decorations: (state: EditorState) => key.getState(state) },
      }),
    ];
  },
});

export const linkedSpanKey = key;
