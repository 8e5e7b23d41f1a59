// The built client at `/`. Files are compressed once at build time (client/vite.config.ts
// writes .br and .gz beside each) and sent in the best encoding the browser accepts, so a
// phone on mobile data downloads about a third of the bytes. Vite puts a content hash in
// every name under /assets/, so those may be kept for a year; index.html names the current
// hashes and must be checked again on every visit.
import fs from "node:fs";
import path from "node:path";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";

export const CACHE = {
  hashed: "public, max-age=31536000, immutable",
  page: "no-cache",
} as const;

const isHashedAsset = (requestPath: string) => requestPath.startsWith("/assets/");

export function clientFiles(clientDir: string): Hono {
  const files = new Hono();
  const root = path.relative(process.cwd(), clientDir) || ".";
  files.use("/*", async (c, next) => {
    await next();
    c.header("Cache-Control", isHashedAsset(c.req.path) && c.res.ok ? CACHE.hashed : CACHE.page);
    // Caches must keep the encodings apart, including the uncompressed copy.
    if (!c.res.headers.get("Vary")?.includes("Accept-Encoding")) c.header("Vary", "Accept-Encoding", { append: true });
  });
  files.use("/*", serveStatic({ root, precompressed: true }));
  // A hashed file that is not there (a page from before an update asking for old code) is
  // missing, not the page: answering with index.html would be run as a broken script.
  files.get("/assets/*", (c) => c.text("Not found", 404));
  // Client-side routes (/projects/…, /invite/…) all load the single page.
  const index = fs.readFileSync(path.join(clientDir, "index.html"), "utf8");
  files.get("*", (c) => c.html(index));
  return files;
}
