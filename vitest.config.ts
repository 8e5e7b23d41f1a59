import { defineConfig } from "vitest/config";

// One root config; each package is a project so `vitest run --project shared` works.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared", root: "shared", environment: "node" } },
      // Some server tests start worker threads, which load their code through the TypeScript
      // loader: seconds on a busy 2-core machine, more than the 5 s default allows.
      { test: { name: "server", root: "server", environment: "node", testTimeout: 20_000 } },
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
