// The codebook's history in the Codes panel: per code, and for the whole codebook, which codes
// became which, when, by whom, with the memo — the trail an examiner asks for. Read from the
// server's lineage (what the caller may see), refreshed with the counts.
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { LineageEntry } from "@concord/shared/coding/codebook";
import { queries } from "../api/queries";
import { formatDateTime } from "../components/dates";
import type { CodingState } from "./CodingContext";
import { lineageOf, lineageText, type NameOf } from "./lineageText";

function useNames(coding: CodingState): { nameOf: NameOf; personOf: (userId: string) => string } {
  const project = useQuery(queries.project(coding.projectId));
  const members = project.data?.members;
  const nameOf = useCallback((codeId: string) => coding.codeById.get(codeId)?.name ?? "a code no longer listed", [coding.codeById]);
  const personOf = useCallback((userId: string) => members?.find((m) => m.userId === userId)?.name ?? "a former member", [members]);
  return { nameOf, personOf };
}

function Entries({ coding, entries }: { coding: CodingState; entries: readonly LineageEntry[] }) {
  const { nameOf, personOf } = useNames(coding);
  return (
    <ol className="code-history__list">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <span>{lineageText(entry, nameOf)}</span>
          <span className="code-history__when">
            {" "}
            by {personOf(entry.by)}, <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </span>
          {entry.memo ? <q className="code-history__memo">{entry.memo}</q> : null}
        </li>
      ))}
    </ol>
  );
}

/** One code's steps, newest first, folded away. */
export function CodeHistory({ coding, codeId, codeName }: { coding: CodingState; codeId: string; codeName: string }) {
  const lineage = useQuery(queries.lineage(coding.projectId));
  const entries = lineageOf(lineage.data ?? [], codeId);
  if (entries.length === 0) return null;
  return (
    <details className="code-history">
      <summary aria-label={`History of ${codeName}`}>History</summary>
      <Entries coding={coding} entries={entries} />
    </details>
  );
}

/** Every merge, split, raise, delete and restore in the codebook, newest first (creations are in each code's own history). */
export function CodebookHistory({ coding }: { coding: CodingState }) {
  const lineage = useQuery(queries.lineage(coding.projectId));
  const entries = (lineage.data ?? []).filter((e) => e.op !== "create").reverse();
  if (entries.length === 0) return null;
  return (
    <details className="code-history codes-panel__history">
      <summary>Codebook history ({entries.length})</summary>
      <Entries coding={coding} entries={entries} />
    </details>
  );
}
