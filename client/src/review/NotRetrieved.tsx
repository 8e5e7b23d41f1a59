// Full texts sought but not retrieved (PRISMA 2020's "reports not retrieved"), for the lead:
// a control beside a record on the full-text screen, and the list of records so marked with
// an undo. A marked record leaves full-text screening, so the whole project's review data is
// fetched again after either change.
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { queries, queryKeys } from "../api/queries";
import type { BibRecord } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";

export function MarkNotRetrieved({ projectId, record }: { projectId: string; record: BibRecord }) {
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  const [note, setNote] = useState("");
  // The next record starts with an empty note, but the form stays, so its message about the
  // record just marked (which has left the screen) is still there to be read.
  const [noteFor, setNoteFor] = useState(record.id);
  if (noteFor !== record.id) {
    setNoteFor(record.id);
    setNote("");
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.markNotRetrieved(projectId, record.id, note.trim());
      setNote("");
      invalidate(queryKeys.project(projectId));
      return `Marked as not retrieved: ${record.title ?? "record"}.`;
    });
  }
  return (
    <form className="not-retrieved" onSubmit={submit} aria-label="Full text not retrieved">
      <div className="field">
        <label htmlFor="not-retrieved-note">Could not get the full text? Note (optional)</label>
        <input id="not-retrieved-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. requested from the authors, no reply" />
      </div>
      <button type="submit" className="button" disabled={busy}>
        Mark as not retrieved
      </button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}

export function NotRetrievedList({ projectId, records, canManage }: { projectId: string; records: Map<string, BibRecord>; canManage: boolean }) {
  const invalidate = useInvalidate();
  const reports = useQuery(queries.notRetrieved(projectId));
  const { busy, message, run } = useAction();
  if (!reports.data || (reports.data.length === 0 && !message)) return null;
  const undo = (recordId: string) =>
    void run(async () => {
      await api.unmarkNotRetrieved(projectId, recordId);
      invalidate(queryKeys.project(projectId));
      return `Back at full text: ${records.get(recordId)?.title ?? "record"}.`;
    });
  return (
    <section className="card stack" aria-labelledby="not-retrieved-heading">
      <h2 id="not-retrieved-heading">Full texts not retrieved</h2>
      <p>Counted in the PRISMA diagram as sought but not retrieved, and not assessed.</p>
      <ul className="not-retrieved-list">
        {reports.data.map((r) => (
          <li key={r.recordId}>
            <span>
              {records.get(r.recordId)?.title ?? "(untitled)"}
              {r.note ? ` — ${r.note}` : ""} <span className="not-retrieved-list__by">(marked by {r.markedBy.name})</span>
            </span>
            {canManage ? (
              <button type="button" className="button" disabled={busy} onClick={() => undo(r.recordId)} aria-label={`Undo not retrieved: ${records.get(r.recordId)?.title ?? "record"}`}>
                Undo
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
