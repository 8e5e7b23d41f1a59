// Global setup of the `tests-pg` project: names this run (for its databases, see backend.ts),
// makes sure PostgreSQL answers, and at the end drops whatever databases the run left.
import { randomBytes } from "node:crypto";
import { onAdmin, ADMIN_URL } from "./backend";

export async function setup(): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString("hex");
  process.env.CONCORD_TEST_RUN = run;
  const prefix = `concord_test_${run}_`;
  await onAdmin((client) => client.query("SELECT 1")).catch((error: unknown) => {
    throw new Error(`tests-pg: PostgreSQL at ${ADMIN_URL} did not answer (${String(error)}).`);
  });
  return async () => {
    await onAdmin(async (client) => {
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };
}
