// `pnpm start`: builds the client and the server when either is missing or older than its
// sources, then runs the compiled server (plain Node, no TypeScript loader) on the embedded
// SQLite store (or whatever DATABASE_URL and REDIS_URL say).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildServer, serverDist } from "./buildServer.mjs";

const root = path.resolve(import.meta.dirname, "..");
const builtClient = path.join(root, "client/dist/index.html");
const builtServer = path.join(serverDist, "main.mjs");

/** The newest modification time among these files and everything under these directories. */
function newestMtime(paths) {
  let newest = 0;
  for (const entry of paths.map((p) => path.join(root, p))) {
    if (!fs.statSync(entry).isDirectory()) {
      newest = Math.max(newest, fs.statSync(entry).mtimeMs);
      continue;
    }
    for (const file of fs.readdirSync(entry, { withFileTypes: true, recursive: true })) {
      if (file.isFile()) newest = Math.max(newest, fs.statSync(path.join(file.parentPath, file.name)).mtimeMs);
    }
  }
  return newest;
}

const olderThan = (built, sources) => !fs.existsSync(built) || newestMtime(sources) > fs.statSync(built).mtimeMs;

if (olderThan(builtClient, ["client/src", "shared/src"])) {
  console.log("Building the client…");
  const build = spawnSync("pnpm", ["--filter", "@concord/client", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (olderThan(builtServer, ["server/src", "shared/src", "server/package.json", "scripts/buildServer.mjs"])) {
  console.log("Building the server…");
  await buildServer();
}

// Source maps: a stack trace in the log names the TypeScript file and line, for a few MB.
// A young generation of 3 × 4 MB instead of V8's 3 × 16 MB: about 20 MB less with a long
// transcript open, with no loss measured in cold load or propagation (README, "Against bare
// Hocuspocus"). tests/helpers/server.ts starts the built server with the same flags.
const NODE_FLAGS = ["--enable-source-maps", "--max-semi-space-size=4"];
const server = spawn(process.execPath, [...NODE_FLAGS, builtServer], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
