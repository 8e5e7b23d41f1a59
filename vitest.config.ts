import { defineConfig } from "vitest/config";

// One root config; each package is a project so `vitest run --project shared` works.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared", root: "shared", environment: "node" } },
      { test: { name: "server", root: "server", environment: "node" } },
      // The client's pure logic; pages and the editor are tested in a real browser (tests/e2e).
      { test: { name: "client", root: "client", environment: "node" } },
      {
        test: {
          name: "tests",
          root: "tests",
          environment: "node",
          include: ["**/*.test.ts"],
          exclude: ["**/node_modules/**", "bench/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests start real servers and browsers: one file at a time on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
