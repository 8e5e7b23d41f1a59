// `pnpm build:server`: compiles the server and the shared package to JavaScript in
// server/dist, so `pnpm start` runs plain Node without a TypeScript loader (seconds of
// start-up and tens of MB on a small machine). One esbuild bundle of Concord's own code;
// the server's npm dependencies stay external, loaded from server/node_modules as usual.
// Three entries, all in server/dist because the code finds its workers beside itself
// (`new URL("./worker.mjs", import.meta.url)`): main.mjs, worker.mjs (the worker threads'
// tasks, compiled from workers/entry.ts) and sqliteLogWorker.mjs. Code they share is split
// into chunks, and the tasks' lazy imports stay lazy.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, "server");
export const serverDist = path.join(server, "dist");

/** Every package the server depends on, except the workspace's own (compiled in). */
function externals() {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(server, "package.json"), "utf8"));
  return Object.keys(dependencies).filter((name) => !name.startsWith("@concord/"));
}

export async function buildServer() {
  // Written over, not emptied first: a server still running from server/dist loads its
  // chunks lazily (the worker threads' tasks), and chunk names carry their content's hash,
  // so the chunks it expects stay in place beside the new ones.
  await build({
    absWorkingDir: root,
    entryPoints: [
      { in: "server/src/main.ts", out: "main" },
      { in: "server/src/workers/entry.ts", out: "worker" },
      { in: "server/src/store/sqliteLogWorker.mjs", out: "sqliteLogWorker" },
    ],
    outdir: serverDist,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    external: externals(),
    sourcemap: true,
    logLevel: "warning",
  });
  // esbuild's service process would otherwise stay beside `pnpm start` as long as it runs.
  await stop();
}

// Run as a script (`pnpm build:server`), not imported by start.mjs.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildServer();
