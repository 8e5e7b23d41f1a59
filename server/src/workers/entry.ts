// What a worker thread exports to Piscina (see pool.ts): the tasks, each first saying on its
// `started` port that it is running, so the deadline counts from then and time spent queued
// or starting a thread is not charged to the task.
// The built server (scripts/buildServer.mjs) compiles this file to dist/worker.mjs; run from
// sources, worker.mjs registers the TypeScript loader and re-exports it.
import type { MessagePort } from "node:worker_threads";
import * as tasks from "./tasks";

function announced<I, R>(task: (input: I) => Promise<R>) {
  return ({ input, started }: { input: I; started: MessagePort }) => {
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
