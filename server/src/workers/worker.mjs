// The entry of the worker threads (see pool.ts). Concord runs from its TypeScript sources,
// and Node 20 does not carry a loader given with --import over to worker threads for ES
// modules, so each thread registers tsx itself before importing the tasks.
import { register } from "tsx/esm/api";

register();
const tasks = await import("./tasks.ts");

export const { agreement, docxText } = tasks;
