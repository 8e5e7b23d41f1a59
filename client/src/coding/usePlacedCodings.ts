// Where each coding lies in the text now. Placing resolves every coding's relative positions
// against the current text, which is too costly to redo on every keystroke of a long
// transcript: it waits for a pause in typing and then runs in slices the browser can
// interleave with input.
import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import type { Collaboration } from "../editor/useCollaboration";
import { placer, type LayerCodingView, type PlacedCoding } from "./placeCodings";

/** Re-placing every coding after each keystroke would cost typing time: wait for a pause (or at most this long). */
const PLACE_PAUSE_MS = 250;
const PLACE_MAX_WAIT_MS = 5000;
/** How long one slice of placing may hold the main thread. */
const PLACE_SLICE_MS = 6;

export function usePlacedCodings(editor: Editor | null, collaboration: Collaboration | null, raw: readonly LayerCodingView[]): PlacedCoding[] {
  const [codings, setCodings] = useState<PlacedCoding[]>([]);
  useEffect(() => {
    if (!editor || !collaboration) return;
    let timer = 0;
    let firstWait = 0;
    let slice = 0;
    // Places every coding in slices of a few milliseconds between which the browser handles
    // input; a pass the text overtakes is dropped (its maps are stale), and the next pause redoes it.
    const place = () => {
      timer = 0;
      firstWait = 0;
      window.clearTimeout(slice);
      if (editor.isDestroyed) return;
      const pmDoc = editor.state.doc;
      const placeOne = placer(collaboration.doc, pmDoc);
      const placed: PlacedCoding[] = [];
      const step = () => {
        if (editor.isDestroyed || editor.state.doc !== pmDoc) return;
        const until = performance.now() + PLACE_SLICE_MS;
        while (placed.length < raw.length && performance.now() < until) placed.push(placeOne(raw[placed.length]!));
        if (placed.length < raw.length) slice = window.setTimeout(step, 0);
        else setCodings(placed);
      };
      step();
    };
    place();
    const onChange = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      const now = performance.now();
      if (!firstWait) firstWait = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(place, now - firstWait > PLACE_MAX_WAIT_MS ? 0 : PLACE_PAUSE_MS);
    };
    editor.on("transaction", onChange);
    return () => {
      editor.off("transaction", onChange);
      window.clearTimeout(timer);
      window.clearTimeout(slice);
    };
  }, [editor, collaboration, raw]);
  return codings;
}
