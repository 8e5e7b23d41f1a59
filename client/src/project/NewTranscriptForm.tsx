// A new transcript from pasted text or an uploaded .txt/.docx file. Lines such as "I: …" and
// "P: …" become speaker turns on the server.
import { useState, type FormEvent } from "react";
import { TITLE_LIMITS, checkTitle } from "@concord/shared/text/title";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { Alert } from "../components/Alert";
import { TextAreaField, TextField } from "../components/Field";
import { navigate } from "../router/history";
import { paths } from "../router/routes";

type Source = "paste" | "file";

export function NewTranscriptForm({ projectId }: { projectId: string }) {
  const [source, setSource] = useState<Source>("paste");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = source === "paste" ? Boolean(title.trim() && text.trim()) : file !== null;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!ready) {
      setError(source === "paste" ? "Please give the transcript a title and paste its text." : "Please choose a file.");
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
      const created =
        source === "file" && file
          ? await api.createTranscriptFromFile(projectId, file, title.trim())
          : await api.createTranscriptFromText(projectId, { title: title.trim(), text });
      navigate(paths.document(created.id));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="new-transcript-heading">
      <h3 id="new-transcript-heading">New transcript</h3>
      <fieldset className="choice">
        <legend>Where is the transcript?</legend>
        <label className="checkbox">
          <input type="radio" name="source" checked={source === "paste"} onChange={() => setSource("paste")} />
          I will paste the text
        </label>
        <label className="checkbox">
          <input type="radio" name="source" checked={source === "file"} onChange={() => setSource("file")} />
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
          onChange={(e) => setText(e.target.value)}
          rows={8}
          hint="Start each speaker's turn on a new line with a label, such as “I:” or “P:”."
          required
        />
      ) : (
        <TextField
          label="Transcript file"
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          hint="A Word document (.docx) or a plain text file (.txt)."
          required
        />
      )}
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Adding transcript…" : "Add transcript"}
      </button>
    </form>
  );
}
