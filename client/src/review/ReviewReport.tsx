// The review's report for the write-up: the PRISMA 2020 flow diagram drawn by the server
// from the actual counts, what does not add up yet, and the files a thesis chapter is made
// from. It refreshes whenever the review changes (`version`), so the diagram follows the
// screening live.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { queries } from "../api/queries";
import type { PrismaReport } from "../api/types";

const DOWNLOADS: { file: string; label: string }[] = [
  { file: "prisma.svg", label: "PRISMA diagram (SVG)" },
  { file: "prisma.png", label: "PRISMA diagram (PNG, for print)" },
  { file: "reports/appraisal-scores.docx", label: "Appraisal scores per study (Word)" },
  { file: "reports/appraisal-scores.xlsx", label: "Appraisal scores per study (Excel)" },
  { file: "reports/study-characteristics.docx", label: "Study characteristics (Word)" },
  { file: "reports/study-characteristics.xlsx", label: "Study characteristics (Excel)" },
  { file: "reports/study-characteristics.csv", label: "Study characteristics (CSV)" },
  { file: "stages/title_abstract/decisions.csv", label: "Title and abstract decisions (CSV)" },
  { file: "stages/full_text/decisions.csv", label: "Full-text decisions (CSV)" },
];

/** The diagram in words, for people who cannot see it: the path a reader's eye follows. */
function describe({ counts }: PrismaReport): string {
  const { main, other } = counts;
  const identified = main.databases.reduce((sum, c) => sum + c.n, 0);
  const byHand = other ? other.identified.reduce((sum, c) => sum + c.n, 0) : 0;
  return [
    `PRISMA 2020 flow diagram. ${identified} records identified from ${main.databases.length} databases${byHand ? ` and ${byHand} by other methods` : ""}`,
    `${main.duplicatesRemoved} duplicates removed`,
    `${main.screened} screened, ${main.screenedExcluded} excluded`,
    `${main.sought + (other?.sought ?? 0)} reports sought, ${main.notRetrieved + (other?.notRetrieved ?? 0)} not retrieved`,
    `${main.assessed + (other?.assessed ?? 0)} full-text reports assessed`,
    `${counts.studiesIncluded} studies included.`,
  ].join("; ");
}

export function ReviewReport({ projectId, version }: { projectId: string; version: number }) {
  const prisma = useQuery(queries.prisma(projectId));
  const { refetch } = prisma;
  useEffect(() => {
    if (version > 0) void refetch();
  }, [version, refetch]);
  const base = `/api/projects/${encodeURIComponent(projectId)}`;
  return (
    <section className="card stack review-report" aria-labelledby="review-report-heading">
      <h2 id="review-report-heading">Report</h2>
      {prisma.data ? (
        <>
          {/* Wide: on a phone it scrolls sideways within itself (by keyboard too), never the page. */}
          <figure className="prisma-figure" tabIndex={0} aria-label="PRISMA diagram, scrolls sideways on a small screen">
            {/* The same counts, so the image changes whenever they do. */}
            <img src={`${base}/prisma.svg?v=${prisma.dataUpdatedAt}`} alt={describe(prisma.data)} />
          </figure>
          {prisma.data.inconsistencies.length > 0 ? (
            <div className="note" role="note">
              <p>
                <strong>Not final yet.</strong> Some counts do not add up, usually because records are still waiting for a decision:
              </p>
              <ul>
                {prisma.data.inconsistencies.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <p>Drawing the PRISMA diagram…</p>
      )}
      <h3>Files for the write-up</h3>
      <ul className="download-list">
        {DOWNLOADS.map((d) => (
          <li key={d.file}>
            <a href={`${base}/${d.file}`} download>
              {d.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
