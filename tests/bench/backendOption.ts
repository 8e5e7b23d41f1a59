// `--backend sqlite|postgres` for the benchmarks. Imported first, before anything that starts
// servers: the test helpers read the backend once, when they load (see helpers/backend.ts).
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { backend: { type: "string", default: "sqlite" } }, strict: false });
if (values.backend !== "sqlite" && values.backend !== "postgres") {
  throw new Error(`--backend must be sqlite or postgres, not "${String(values.backend)}".`);
}
process.env.CONCORD_TEST_BACKEND = values.backend;
process.env.CONCORD_TEST_RUN ??= `bench${process.pid}`;
