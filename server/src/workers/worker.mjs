// The entry of the worker threads when Concord runs from its TypeScript sources (tests, the
// CLI): Node 20 does not carry a loader given with --import over to worker threads for ES
// modules, so each thread registers tsx itself before importing the tasks (entry.ts).
// The built server has its own dist/worker.mjs, compiled from entry.ts, and no loader.
import { register } from "tsx/esm/api";

register();
export const { agreement, docxText, recordsImport, recordsDedupe, documentAgreementReports, svgToPng, reportTableFile, reviewAgreement, mergeDocumentState } = await import("./entry.ts");
