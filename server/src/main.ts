// Entry point of the server process: `pnpm start` runs it compiled (server/dist/main.mjs, see
// scripts/buildServer.mjs); the integration tests also run it from sources through tsx.
import { configFromEnv } from "./config";
import { seedDemo } from "./demo/seed";
import { startServer } from "./server";
import { StoreRefusal } from "./store/migrate";

const config = configFromEnv();
const server = await startServer(config).catch((error: unknown) => {
  // A refusal is said in plain words, without a stack trace that would bury it.
  if (!(error instanceof StoreRefusal)) throw error;
  console.error(`Concord did not start: ${error.message}`);
  process.exit(1);
});
const demo = config.seedDemo ? await seedDemo(server) : null;

console.log(`Concord listening on ${server.url}`);
if (demo) {
  console.log(`Demo project "${demo.projectTitle}" — sign in with password "${demo.password}" as:`);
  for (const account of demo.accounts) console.log(`  ${account.email.padEnd(26)} ${account.name} (${account.role})`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: saving and closing…`);
  await server.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
