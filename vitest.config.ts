import net from "node:net";
import { defineConfig } from "vitest/config";

const POSTGRES = { host: "127.0.0.1", port: 5432 };

/** Why the PostgreSQL integration run cannot happen here, or null when PostgreSQL listens. */
function postgresAbsence(): Promise<string | null> {
  if (process.env.CONCORD_TEST_POSTGRES === "off") return Promise.resolve("CONCORD_TEST_POSTGRES=off");
  return new Promise((resolve) => {
    const socket = net.connect(POSTGRES);
    socket.setTimeout(2_000);
    socket.once("connect", () => (socket.destroy(), resolve(null)));
    socket.once("timeout", () => (socket.destroy(), resolve(`nothing answered at ${POSTGRES.host}:${POSTGRES.port} within 2 s`)));
    socket.once("error", (error) => resolve(`nothing listens at ${POSTGRES.host}:${POSTGRES.port} (${error.message})`));
  });
}

const integration = {
  root: "tests",
  environment: "node",
  testTimeout: 60_000,
  hookTimeout: 60_000,
} as const;

// One root config; each package is a project so `vitest run --project shared` works.
export default defineConfig(async () => {
  const absence = await postgresAbsence();
  if (absence) console.warn(`\n⚠ SKIPPING the tests-pg project (integration tests on PostgreSQL): ${absence}.\n`);
  return {
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
            ...integration,
            name: "tests",
            include: ["**/*.test.ts"],
            exclude: ["**/node_modules/**", "bench/**"],
            // Integration tests start real servers and browsers: one file at a time on 2 cores.
            fileParallelism: false,
          },
        },
        // The integration tests again, every server on PostgreSQL in a database of its own.
        ...(absence
          ? []
          : [
              {
                test: {
                  ...integration,
                  name: "tests-pg",
                  include: ["integration/**/*.test.ts"],
                  env: { CONCORD_TEST_BACKEND: "postgres" },
                  globalSetup: ["helpers/postgresSetup.ts"],
                  fileParallelism: false,
                },
              },
            ]),
      ],
    },
  };
});
