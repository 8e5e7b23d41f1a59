import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

// The server serves dist/ at `/`; in development Vite serves the client and forwards the API
// and the collaboration socket to a locally running server. The Host header is passed through
// unchanged (no changeOrigin), so the server's same-origin check sees the page's own origin.
const SERVER = process.env.CONCORD_DEV_SERVER ?? "http://127.0.0.1:3000";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `name.br` and `name.gz` beside every text file of the build, at the strongest
 * settings (done once here, not on every request), for the server to send as they are.
 * Source maps are left alone: only developer tools fetch them.
 */
function precompress(): Plugin {
  return {
    name: "concord:precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const outDir = options.dir!;
      const names = Object.keys(bundle).filter((name) => /\.(js|css|html|svg|json)$/.test(name));
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(outDir, name);
          const content = await fs.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gzip(content, { level: 9 }),
          ]);
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react(), precompress()],
  // The editor chunk (Tiptap + Yjs) is ~560 kB and loads only on document pages.
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, the router and the query cache in one file, not split where lazy pages share
          // them: on a 150 ms link every extra request of the first view costs a round trip.
          groups: [{ name: "framework", test: /node_modules[\\/](\.pnpm[\\/])?(react|react-dom|scheduler|use-sync-external-store|@tanstack)/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: SERVER },
      "/collab": { target: SERVER, ws: true },
    },
  },
});
