// Starts the bare peer (barePeer.mjs: Hocuspocus with its SQLite extension) as a child
// process, as startServer starts Concord, so both are measured the same way from outside.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const READY = /Bare peer listening on (http:\/\/\S+)/;

export interface PeerProcess {
  url: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startBarePeer(dataDir?: string): Promise<PeerProcess> {
  const dir = dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "bare-peer-")));
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "barePeer.mjs"), path.join(dir, "peer.sqlite")], {
    cwd: import.meta.dirname,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`The bare peer exited (${code}) before listening.`)));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const match = READY.exec(out);
      if (match) resolve(match[1]!);
    });
  });
  return {
    url,
    pid: child.pid!,
    dataDir: dir,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A process's resident memory, in MB, from /proc (Linux). */
export async function residentMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}
