// The passage a link points to (`?from=&to=`), highlighted in the editor as a decoration: it
// is not part of the shared document, follows the text as others edit around it, and renders
// as <mark> so it is also announced as highlighted.
import { Extension } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { rangeDecorationPlugin, type RangeMeta } from "./rangeDecoration";

const key = new PluginKey<DecorationSet>("linkedSpan");

/** A transaction's metadata: the positions to highlight, or null to clear. */
export type LinkedSpanMeta = RangeMeta;

export const LINKED_SPAN_CLASS = "linked-span";

export const LinkedSpan = Extension.create({
  name: "linkedSpan",
  addProseMirrorPlugins() {
    return [rangeDecorationPlugin(key, { nodeName: "mark", class: LINKED_SPAN_CLASS })];
  },
});

export const linkedSpanKey = key;
