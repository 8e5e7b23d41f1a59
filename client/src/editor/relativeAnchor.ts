// A span of the editor's text as the server anchors it: both ends as Yjs relative positions
// made in this browser's own copy of the transcript (y-prosemirror's mapping), base64-encoded.
// Sent instead of plain-text offsets, a coding or a thread lands on the words the person
// selected even when someone else's edit has reached the server but not yet this page (or the
// other way round): offsets would count against a text that is not the same.
import type { Editor } from "@tiptap/core";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

export type EncodedAnchor = { start: string; end: string };

/** How long a request waits for this page's own edits to reach the server before it goes anyway. */
const SETTLE_TIMEOUT_MS = 3_000;

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

type SyncState = { type?: Y.XmlFragment; binding?: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } };

/** The relative positions of editor positions `from`–`to`, or null when the editor is not bound to a Yjs document. */
export function relativeAnchor(editor: Editor, from: number, to: number): EncodedAnchor | null {
  const sync = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  const type = sync?.type;
  const mapping = sync?.binding?.mapping;
  if (!type || !mapping) return null;
  const encode = (pos: number) => base64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, type, mapping)));
  return { start: encode(from), end: encode(to) };
}

/**
 * Resolves once the server has every edit this page made (positions may name characters
 * typed a moment ago), or after a short wait: the server then says plainly if it cannot
 * find the words.
 */
export function editsReachedServer(provider: HocuspocusProvider | null | undefined): Promise<void> {
  if (!provider || provider.unsyncedChanges === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      provider.off("unsyncedChanges", check);
      resolve();
    };
    const check = ({ number }: { number: number }) => {
      if (number === 0) done();
    };
    const timer = setTimeout(done, SETTLE_TIMEOUT_MS);
    provider.on("unsyncedChanges", check);
  });
}
