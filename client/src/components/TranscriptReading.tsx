// The transcript as plain text, shown while the editor's code is still arriving. On a slow
// phone connection the editor is most of the download; the words are a few kilobytes, so
// the person can start reading at once and the live editor takes over when it is ready.
// A linked span is highlighted here too, since its offsets are offsets of this very text.
import { useEffect, useRef, type ReactNode } from "react";
import type { TextSpan } from "../transcript/spanSearch";

/** A line's text with the part inside `span` marked; `start` is the line's offset in the whole text. */
function markedLine(line: string, start: number, span: TextSpan | null): ReactNode {
  if (!span) return line;
  const from = Math.max(span.from - start, 0);
  const to = Math.min(span.to - start, line.length);
  if (from >= to) return line;
  return (
    <>
      {line.slice(0, from)}
      <mark className="linked-span">{line.slice(from, to)}</mark>
      {line.slice(to)}
    </>
  );
}

/** One paragraph per line of the server's plain-text form ("Speaker: text" for a turn). */
export function TranscriptReading({ text, label, span = null }: { text: string; label: string; span?: TextSpan | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (span) ref.current?.querySelector(".linked-span")?.scrollIntoView({ block: "center" });
  }, [span]);
  let start = 0;
  return (
    <div ref={ref} className="transcript transcript--reading" role="document" aria-label={label} data-testid="transcript-reading">
      {text.split("\n").map((line, index) => {
        const shown = markedLine(line, start, span);
        start += line.length + 1;
        return <p key={index}>{shown}</p>;
      })}
    </div>
  );
}

/** The text with the margin beside it that the coding stripes will fill (the coding UI renders into `.coding-margin`). */
export function TranscriptBody({ children }: { children: ReactNode }) {
  return (
    <div className="transcript-body">
      <div className="transcript-body__text">{children}</div>
      <div className="coding-margin" data-testid="coding-margin" />
    </div>
  );
}

/** The status line while the editor loads, in the place where "Saved on the server" will be. */
export function EditorOpening() {
  return (
    <div className="connection connection--connecting" data-state="opening">
      <span className="connection__dot" aria-hidden="true" />
      <p className="connection__text" role="status">
        <strong className="connection__title">Opening the editor…</strong>
        <span className="connection__detail"> You can read the transcript while it opens.</span>
      </p>
    </div>
  );
}
