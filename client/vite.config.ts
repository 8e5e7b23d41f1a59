import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// The server serves dist/ at `/`; in development Vite serves the client and forwards the API
// and the collaboration socket to a locally running server. The Host header is passed through
// unchanged (no changeOrigin), so the server's same-origin check sees the page's own origin.
const SERVER = process.env.CONCORD_DEV_SERVER ?? "http://127.0.0.1:3000";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  // The editor chunk (Tiptap + Yjs) is ~560 kB and loads only on document pages.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      "/api": { target: SERVER },
      "/collab": { target: SERVER, ws: true },
    },
  },
});
