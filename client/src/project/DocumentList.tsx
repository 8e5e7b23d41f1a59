import type { DocumentSummary } from "../api/types";
import { formatDate } from "../components/dates";
import { Link } from "../router/Link";
import { paths } from "../router/routes";


/** The project's transcripts, newest change first. */
export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) return <p>No transcripts yet.</p>;
  const sorted = [...documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <ul className="link-list">
      {sorted.map((document) => (
        <li key={document.id}>
          <Link to={paths.document(document.id)} className="link-list__link">
            <span className="link-list__title">{document.title}</span>
            <span className="link-list__meta">
              Last changed <time dateTime={document.updatedAt}>{formatDate(document.updatedAt)}</time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
