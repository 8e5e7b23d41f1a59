// What a thread is about, in words: the quoted words of a span (with a link that highlights
// them in the text), the name of a code, the two codings of a disagreement, or a disagreement
// between the raters of a review item.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { queries } from "../api/queries";
import type { CodingSummary, ThreadAnchor } from "../api/types";

/** `documentId`: the transcript the thread is read beside, whose codings a coding anchor quotes. */
type Props = { anchor: ThreadAnchor; projectId: string; documentId?: string };

/** A link that opens this transcript with `start`–`end` highlighted. */
export function SpanLink({ projectId, documentId, start, end, children }: { projectId: string; documentId: string; start: number; end: number; children: string }) {
  return (
    <Link to="/projects/$projectId/transcripts/$documentId" params={{ projectId, documentId }} search={{ from: start, to: end }} resetScroll={false} className="thread-anchor__link">
      {children}
    </Link>
  );
}

function useCodeName(projectId: string) {
  const codes = useQuery(queries.codes(projectId));
  return (codeId: string) => codes.data?.find((code) => code.id === codeId)?.name ?? "a code";
}

function CodingQuote({ coding, codeName, projectId }: { coding: CodingSummary | undefined; codeName: (id: string) => string; projectId: string }) {
  if (!coding) return <li>A coding no longer there</li>;
  return (
    <li>
      <span className="thread-anchor__who">{coding.coder.name}</span> coded <q>{coding.text}</q> as <strong>{codeName(coding.codeId)}</strong>{" "}
      {coding.orphaned ? null : (
        <SpanLink projectId={projectId} documentId={coding.documentId} start={coding.start} end={coding.end}>
          Show in the text
        </SpanLink>
      )}
    </li>
  );
}

export function ThreadAnchorView({ anchor, projectId, documentId }: Props) {
  const codeName = useCodeName(projectId);
  const needsCodings = anchor.kind === "coding" || anchor.kind === "codingDisagreement";
  const codings = useQuery({ ...queries.codings(documentId ?? ""), enabled: needsCodings && documentId !== undefined });
  const codingById = (id: string) => codings.data?.find((coding) => coding.id === id);

  switch (anchor.kind) {
    case "span":
      return anchor.orphaned ? (
        <p className="thread-anchor">On words since deleted from the transcript.</p>
      ) : (
        <div className="thread-anchor">
          <blockquote className="thread-anchor__quote">{anchor.text}</blockquote>
          <SpanLink projectId={projectId} documentId={anchor.documentId} start={anchor.start} end={anchor.end}>
            Show in the text
          </SpanLink>
        </div>
      );
    case "code":
      return (
        <p className="thread-anchor">
          On the code <strong>{codeName(anchor.codeId)}</strong>
        </p>
      );
    case "coding":
      return (
        <ul className="thread-anchor thread-anchor__codings" aria-label="On a coding">
          <CodingQuote coding={codingById(anchor.codingId)} codeName={codeName} projectId={projectId} />
        </ul>
      );
    case "codingDisagreement":
      return (
        <div className="thread-anchor">
          <p className="thread-anchor__kind">A disagreement between coders</p>
          <ul className="thread-anchor__codings">
            {anchor.codingIds.map((id) => (
              <CodingQuote key={id} coding={codingById(id)} codeName={codeName} projectId={projectId} />
            ))}
          </ul>
        </div>
      );
    case "ratingDisagreement":
      return <p className="thread-anchor thread-anchor__kind">A disagreement between raters{anchor.question ? `, question ${anchor.question}` : ""}</p>;
  }
}
