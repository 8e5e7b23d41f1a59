// The project's records: how many, the first of them, and (for those who may add sources)
// a form to import an export from a database, labelled with its source.
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { queryKeys } from "../api/queries";
import type { BibRecord } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { useAction } from "../components/useAction";

const LISTED = 50;

export function RecordsPanel({ projectId, records, canImport }: { projectId: string; records: BibRecord[]; canImport: boolean }) {
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("");
  const originals = records.filter((r) => r.duplicateOf === null);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (!file) throw new Error("Choose the exported file.");
      const result = await api.importRecords(projectId, file, source.trim());
      invalidate(queryKeys.project(projectId));
      return `Imported ${result.imported} records (${result.duplicates} duplicates marked, ${result.flagged.length} flagged).`;
    });
  }

  return (
    <section className="card stack" aria-labelledby="records-heading">
      <h2 id="records-heading">Records</h2>
      <p>
        {records.length} records, {records.length - originals.length} of them duplicates.
      </p>
      {records.length > 0 ? (
        <ol className="record-list">
          {records.slice(0, LISTED).map((r) => (
            <li key={r.id}>
              {r.title ?? "(untitled)"} {r.year ? `(${r.year})` : ""} <span className="record-list__source">{r.source}</span>
              {r.duplicateOf ? <span className="record-list__duplicate"> duplicate</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {records.length > LISTED ? <p>And {records.length - LISTED} more.</p> : null}
      {canImport ? (
        <form className="stack" onSubmit={submit}>
          <div className="field">
            <label htmlFor="records-file">Export file (RIS, PubMed .nbib, Web of Science, CSV)</label>
            <input id="records-file" type="file" accept=".ris,.txt,.nbib,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextField label="Source database" hint="For the PRISMA diagram, e.g. PsycINFO or Scopus." value={source} onChange={(e) => setSource(e.target.value)} />
          <button type="submit" className="button button--primary" disabled={busy}>
            Import records
          </button>
        </form>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
