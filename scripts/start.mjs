// `pnpm start`: builds the client if it is missing or older than its sources, then runs
// the server (TypeScript, through tsx) on the embedded SQLite store.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "client/dist/index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const sourcesChanged =
  !fs.existsSync(built) ||
  Math.max(newestMtime(path.join(root, "client/src")), newestMtime(path.join(root, "shared/src"))) > fs.statSync(built).mtimeMs;
if (sourcesChanged) {
  console.log("Building the client…");
  const build = spawnSync("pnpm", ["--filter", "@concord/client", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server/src/main.ts")], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
