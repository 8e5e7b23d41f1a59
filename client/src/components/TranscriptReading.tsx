// The transcript as plain text, shown while the editor's code is still arriving. On a slow
// phone connection the editor is most of the download; the words are a few kilobytes, so
// the person can start reading at once and the live editor takes over when it is ready.

/** One paragraph per line of the server's plain-text form ("Speaker: text" for a turn). */
export function TranscriptReading({ text, label }: { text: string; label: string }) {
  return (
    <div className="transcript transcript--reading" role="document" aria-label={label} data-testid="transcript-reading">
      {text.split("\n").map((line, index) => (
        <p key={index}>{line}</p>
      ))}
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
