// The project's transcripts as a short list beside the one that is open (the left pane of the
// transcript view; later the codebook joins it), so a researcher moves between interviews
// without going back to the table.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { sortTranscripts, DEFAULT_ORDER } from "../project/transcriptOrder";

type Props = { projectId: string; headingId: string; enabled?: boolean };

export function TranscriptNavList({ projectId, headingId, enabled = true }: Props) {
  const documents = useQuery({ ...queries.documents(projectId), enabled });
  return (
    <section className="transcript-nav" aria-labelledby={headingId}>
      <h2 id={headingId} className="transcript-nav__heading">
        Transcripts
      </h2>
      {documents.status === "pending" ? <Loading what="transcripts" /> : null}
      {documents.status === "error" ? <Alert>{errorMessage(documents.error)}</Alert> : null}
      {documents.status === "success" ? (
        <ul className="transcript-nav__list">
          {sortTranscripts(documents.data, DEFAULT_ORDER).map((document) => (
            <li key={document.id}>
              <Link
                to="/projects/$projectId/transcripts/$documentId"
                params={{ projectId, documentId: document.id }}
                activeOptions={{ includeSearch: false }}
                className="transcript-nav__link"
              >
                <span className="transcript-nav__title">{document.title}</span>
                {document.participant ? <span className="transcript-nav__meta">{document.participant}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
