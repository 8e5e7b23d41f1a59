// The project's transcripts as a table that sorts by any column. Each column header holds a
// button (so sorting works by keyboard and is announced), the sorted column says so with
// aria-sort, and on a phone each row becomes a small card of labelled lines (styles.css,
// "Project overview"), so nothing scrolls sideways.
import { Link } from "@tanstack/react-router";
import { useState, type ReactNode } from "react";
import type { DocumentSummary } from "../api/types";
import { formatDate } from "../components/dates";
import { DEFAULT_ORDER, nextOrder, sortTranscripts, type SortKey, type SortOrder } from "./transcriptOrder";

const COLUMNS: { key: SortKey; label: string; ascending: string; descending: string }[] = [
  { key: "title", label: "Title", ascending: "A to Z", descending: "Z to A" },
  { key: "participant", label: "Participant", ascending: "A to Z", descending: "Z to A" },
  { key: "words", label: "Words", ascending: "fewest first", descending: "most first" },
  { key: "updatedAt", label: "Last changed", ascending: "oldest first", descending: "newest first" },
];

const wordCount = new Intl.NumberFormat("en-GB");

function SortHeader({ column, order, onSort }: { column: (typeof COLUMNS)[number]; order: SortOrder; onSort: (key: SortKey) => void }) {
  const sorted = order.key === column.key ? order.direction : undefined;
  return (
    <th scope="col" aria-sort={sorted} className={column.key === "words" ? "transcripts__number" : undefined}>
      <button type="button" className="transcripts__sort" onClick={() => onSort(column.key)}>
        {column.label}
        <span aria-hidden="true" className="transcripts__arrow">
          {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

type Props = {
  documents: DocumentSummary[];
  canAdd: boolean;
  /** Where to add one (a link, or the form itself), shown after the empty state to those who may. */
  addEntry?: ReactNode;
};

export function TranscriptTable({ documents, canAdd, addEntry }: Props) {
  const [order, setOrder] = useState<SortOrder>(DEFAULT_ORDER);
  if (documents.length === 0) {
    return (
      <div className="transcripts__empty">
        <p>
          {canAdd
            ? "No transcripts yet. Add your first interview: paste it or upload a .txt or .docx file."
            : "No transcripts yet. They appear here once a lead researcher or supervisor adds them."}
        </p>
        {canAdd ? addEntry : null}
      </div>
    );
  }
  const sortedBy = COLUMNS.find((c) => c.key === order.key)!;
  return (
    <table className="transcripts">
      <caption className="transcripts__caption">
        {documents.length === 1 ? "1 transcript" : `${documents.length} transcripts`}, sorted by {sortedBy.label.toLowerCase()} (
        {sortedBy[order.direction]})
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <SortHeader key={column.key} column={column} order={order} onSort={(key) => setOrder((current) => nextOrder(current, key))} />
          ))}
        </tr>
      </thead>
      <tbody>
        {sortTranscripts(documents, order).map((document) => (
          <tr key={document.id}>
            <td data-label="Title" className="transcripts__title">
              <Link to="/projects/$projectId/transcripts/$documentId" params={{ projectId: document.projectId, documentId: document.id }}>
                {document.title}
              </Link>
            </td>
            <td data-label="Participant">{document.participant ?? <span className="transcripts__unknown">Not known</span>}</td>
            <td data-label="Words" className="transcripts__number">
              {wordCount.format(document.words)}
            </td>
            <td data-label="Last changed">
              {/* One element, so the phone layout's label grid keeps who and when together. */}
              <span>
                {document.lastChangedBy.name}, <time dateTime={document.updatedAt}>{formatDate(document.updatedAt)}</time>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
