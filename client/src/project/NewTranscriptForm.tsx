// A new transcript from pasted text or an uploaded .txt/.docx file, in two steps: the server
// first shows how it reads the speaker turns ("I: …", "[Interviewer] …"), the person renames
// speakers and checks lines without a label, then the transcript is created as shown.
import { MAX_TRANSCRIPT_CHARS } from "@concord/shared/collab/closeEvents";
import type { SpeakerNames } from "@concord/shared/transcript/preview";
import { TITLE_LIMITS, checkTitle } from "@concord/shared/text/title";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import type { TranscriptPreview as Preview } from "../api/types";
import { Alert } from "../components/Alert";
import { TextAreaField, TextField } from "../components/Field";
import { TranscriptPreview } from "./TranscriptPreview";

type Source = "paste" | "file";

const FORM_ID = "new-transcript";

/** What is missing before the transcript can be checked or created, in plain words; null when nothing is. */
function missing(source: Source, title: string, text: string, file: File | null): string | null {
  if (source === "file") return file ? null : "Please choose a file.";
  if (!title.trim()) return "Please give the transcript a title.";
  if (!text.trim()) return "Please paste the transcript's text.";
  if (text.length > MAX_TRANSCRIPT_CHARS) {
    return `This text is too long: a transcript may hold at most ${MAX_TRANSCRIPT_CHARS.toLocaleString("en")} characters.`;
  }
  return null;
}

/** Only the names that differ from their label, so the server gets what was renamed. */
function renamed(names: SpeakerNames): SpeakerNames {
  return Object.fromEntries(Object.entries(names).filter(([label, name]) => name.trim() && name.trim() !== label));
}

export function NewTranscriptForm({ projectId }: { projectId: string }) {
  const [source, setSource] = useState<Source>("paste");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [names, setNames] = useState<SpeakerNames>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // The overview's "Add a transcript" links here (#new-transcript): the form is loaded after
  // the page, so it brings itself into view and takes the focus once it is there.
  const formHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (window.location.hash !== `#${FORM_ID}`) return;
    formHeading.current?.scrollIntoView({ block: "start" });
    formHeading.current?.focus();
  }, []);

  // A new preview takes the focus, so that screen reader users hear that it appeared.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  /** Any change to what is imported makes the preview out of date. */
  function changeSource(apply: () => void) {
    apply();
    setPreview(null);
    setNames({});
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problem =
      missing(source, title, text, file) ??
      (Object.values(names).some((name) => name.includes(":")) ? "A speaker's name cannot contain a colon." : null);
    if (problem) {
      setError(problem);
      return;
    }
    // The server's own rule, so a title it would refuse is explained before it is sent.
    const checked = title.trim() ? checkTitle(title, TITLE_LIMITS.document.what, TITLE_LIMITS.document.max) : null;
    if (checked && !checked.ok) {
      setError(checked.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (!preview) {
        setPreview(
          source === "file" && file
            ? await api.previewTranscriptFromFile(projectId, file)
            : await api.previewTranscriptFromText(projectId, text),
        );
        setBusy(false);
        return;
      }
      const speakers = renamed(names);
      const created =
        source === "file" && file
          ? await api.createTranscriptFromFile(projectId, file, title.trim(), speakers)
          : await api.createTranscriptFromText(projectId, { title: title.trim(), text, speakers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.documents(projectId) });
      void navigate({ to: "/projects/$projectId/transcripts/$documentId", params: { projectId, documentId: created.id } });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  const busyLabel = preview ? "Creating transcript…" : "Checking…";
  return (
    <form id={FORM_ID} className="stack card" onSubmit={handleSubmit} aria-labelledby="new-transcript-heading" noValidate>
      <h2 id="new-transcript-heading" ref={formHeading} tabIndex={-1}>
        New transcript
      </h2>
      <fieldset className="choice">
        <legend>Where is the transcript?</legend>
        <label className="checkbox">
          <input type="radio" name="source" checked={source === "paste"} onChange={() => changeSource(() => setSource("paste"))} />
          I will paste the text
        </label>
        <label className="checkbox">
          <input type="radio" name="source" checked={source === "file"} onChange={() => changeSource(() => setSource("file"))} />
          In a file (.txt or .docx)
        </label>
      </fieldset>
      <TextField
        label={source === "file" ? "Title (optional)" : "Title"}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        hint="Use the participant's pseudonym, never their real name. For example: Interview 3 – “Alex”."
        required={source === "paste"}
        maxLength={200}
      />
      {source === "paste" ? (
        <TextAreaField
          label="Transcript text"
          value={text}
          onChange={(e) => changeSource(() => setText(e.target.value))}
          rows={8}
          hint={`Start each speaker's turn on a new line with a label, such as “I:”, “Interviewer:” or “[Alex]”. ${text.length.toLocaleString("en")} of ${MAX_TRANSCRIPT_CHARS.toLocaleString("en")} characters.`}
          required
        />
      ) : (
        <TextField
          label="Transcript file"
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => changeSource(() => setFile(e.target.files?.[0] ?? null))}
          hint="A Word document (.docx) or a plain text file (.txt)."
          required
        />
      )}
      {preview ? (
        <TranscriptPreview
          preview={preview}
          names={names}
          onRename={(label, name) => setNames((current) => ({ ...current, [label]: name }))}
          headingRef={previewHeading}
        />
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? busyLabel : preview ? "Create transcript" : "Check the transcript"}
      </button>
    </form>
  );
}
