// "Copy link to selection": the address of this transcript with the selected words as a span
// (`?from=&to=` in plain-text offsets), for a supervisor's "look at this" in an email. The
// selection is the editor's, which it keeps while the button has the focus.
import type { Editor } from "@tiptap/core";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { CopyField } from "../project/CopyField";
import { offsetAt, textMap } from "./textOffsets";

type Props = { editor: Editor | null; projectId: string; documentId: string };

export function CopySpanLink({ editor, projectId, documentId }: Props) {
  const router = useRouter();
  const [said, setSaid] = useState<string | null>(null);
  const [uncopied, setUncopied] = useState<string | null>(null);

  async function copy() {
    setUncopied(null);
    if (!editor) return;
    const { from, to } = editor.state.selection;
    const map = textMap(editor.state.doc);
    const span = { from: offsetAt(map, from), to: offsetAt(map, to) };
    if (span.from >= span.to) {
      setSaid("Select some words in the transcript first, then copy the link.");
      return;
    }
    const { href } = router.buildLocation({
      to: "/projects/$projectId/transcripts/$documentId",
      params: { projectId, documentId },
      search: span,
    });
    const url = new URL(href, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setSaid("Link copied. It opens this transcript with the selected words highlighted.");
    } catch {
      // Clipboard access can be refused: show the link to copy by hand.
      setSaid(null);
      setUncopied(url);
    }
  }

  return (
    <div className="span-link">
      <button type="button" className="button span-link__button" onClick={() => void copy()}>
        Copy link to selection
      </button>
      <p className="span-link__said" role="status">
        {said}
      </p>
      {uncopied ? <CopyField label="Link to the selected words" value={uncopied} /> : null}
    </div>
  );
}
