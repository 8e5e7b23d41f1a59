// Configuration from the environment, with safe defaults.
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  clientDir: string;
  /** Create the demo project and accounts on first start. */
  seedDemo: boolean;
}

const repoRoot = path.resolve(import.meta.dirname, "../..");

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(env.CONCORD_DATA_DIR ?? "./data"),
    clientDir: path.resolve(env.CONCORD_CLIENT_DIR ?? path.join(repoRoot, "client/dist")),
    seedDemo: env.CONCORD_DEMO !== "off",
  };
}
