// The entry of the worker threads (see pool.ts). Concord runs from its TypeScript sources,
// and Node 20 does not carry a loader given with --import over to worker threads for ES
// modules, so each thread registers tsx itself before importing the tasks.
// Each task first says on its `started` port that it is running: the deadline counts from
// then, so time spent queued or starting a thread is not charged to the task.
import { register } from "tsx/esm/api";

register();
const tasks = await import("./tasks.ts");

function announced(task) {
  return ({ input, started }) => {
    started.postMessage("started");
    started.close();
    return task(input);
  };
}

export const agreement = announced(tasks.agreement);
export const docxText = announced(tasks.docxText);
export const recordsImport = announced(tasks.recordsImport);
export const recordsDedupe = announced(tasks.recordsDedupe);
export const documentAgreementReports = announced(tasks.documentAgreementReports);
export const svgToPng = announced(tasks.svgToPng);
export const reportTableFile = announced(tasks.reportTableFile);
export const reviewAgreement = announced(tasks.reviewAgreement);
export const mergeDocumentState = announced(tasks.mergeDocumentState);
