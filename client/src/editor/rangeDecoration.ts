// A plugin that decorates one range of the text, set by a transaction's metadata (the range,
// or null to clear) and mapped through edits meanwhile. Never part of the shared document.
import { Plugin, type EditorState, type PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type DecorationAttrs } from "@tiptap/pm/view";

export type RangeMeta = { from: number; to: number } | null;

export function rangeDecorationPlugin(key: PluginKey<DecorationSet>, attrs: DecorationAttrs): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const meta = tr.getMeta(key) as RangeMeta | undefined;
        if (meta === undefined) return set.map(tr.mapping, tr.doc);
        if (meta === null || meta.to <= meta.from) return DecorationSet.empty;
        return DecorationSet.create(tr.doc, [Decoration.inline(meta.from, Math.min(meta.to, tr.doc.content.size), attrs)]);
      },
    },
    props: { decorations: (state: EditorState) => key.getState(state) },
  });
}
