// Configuration from the environment, with safe defaults.
import path from "node:path";
import { UNAUTHENTICATED_SOCKETS } from "@concord/shared";
import { trustedProxies, type TrustedProxies } from "./clientAddress";
import type { UnauthenticatedSocketLimits } from "./collab/websocket";
import type { SyncMode } from "./store/sqlite";
import { DEFAULT_POOL_SIZE, isPostgresUrl } from "./store/postgresSettings";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * `DATABASE_URL=postgres://user@host:5432/concord`: keep everything in PostgreSQL instead
   * of the SQLite file under `dataDir`. Unset: SQLite, nothing to install.
   */
  databaseUrl?: string;
  /** PostgreSQL connections per process (`CONCORD_DB_POOL_SIZE`; see store/postgres.ts). */
  poolSize?: number;
  /**
   * `REDIS_URL=redis://host:6379`: several Concord processes serve the same documents, joined
   * by this Redis (edits, presence, access changes, attempt limits). Unset: one process.
   */
  redisUrl?: string;
  /** What this instance's Redis keys and channels start with (`CONCORD_REDIS_PREFIX`, default `concord`). */
  redisPrefix: string;
  /** `full` (default): commits survive a power cut; `normal`: only a crash of the process. */
  sync: SyncMode;
  clientDir: string;
  /** Create the demo project and accounts on first start. */
  seedDemo: boolean;
  /**
   * The address people use to reach Concord (`CONCORD_PUBLIC_URL`, e.g. behind a TLS proxy):
   * links in invitations and emails, the cookie's Secure flag and the same-origin check use
   * it. Unset: the address Concord listens on.
   */
  publicUrl?: URL;
  /**
   * The mail server Concord sends through (`CONCORD_SMTP_URL`, e.g.
   * smtps://user:pass@smtp.example.ac.uk). Set: sign-up confirms addresses by a link,
   * passwords can be reset by email, and people are added by email only at a confirmed
   * address. Unset: no email at all, and addresses are not verified.
   */
  smtpUrl?: URL;
  /** The From address of Concord's emails (`CONCORD_MAIL_FROM`). */
  mailFrom?: string;
  /** Bounds on sockets that have not signed in yet (defaults: UNAUTHENTICATED_SOCKETS). */
  unauthenticatedSockets: UnauthenticatedSocketLimits;
  /**
   * The reverse proxies whose X-Forwarded-For names the client for the per-address limits
   * (`CONCORD_TRUSTED_PROXIES`, addresses and CIDR ranges). Unset: the header is ignored.
   */
  trustedProxies: TrustedProxies | null;
}

const repoRoot = path.resolve(import.meta.dirname, "../..");

function syncMode(value: string | undefined): SyncMode {
  if (value === undefined || value === "normal" || value === "full") return value ?? "full";
  throw new Error(`CONCORD_SYNC must be "normal" or "full", not "${value}".`);
}

function databaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!isPostgresUrl(value)) throw new Error("DATABASE_URL must be a PostgreSQL address such as postgres://concord@localhost:5432/concord (leave it unset for SQLite).");
  return value;
}

function publicUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`CONCORD_PUBLIC_URL must be a URL such as https://concord.example.ac.uk, not "${value}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("CONCORD_PUBLIC_URL must start with http:// or https://.");
  if (url.pathname !== "/" || url.search || url.hash) throw new Error("CONCORD_PUBLIC_URL must be an origin only, without a path.");
  return url;
}

function smtpUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== "smtp:" && url?.protocol !== "smtps:") {
    throw new Error("CONCORD_SMTP_URL must be a mail server address such as smtp://user:password@mail.example.org:587.");
  }
  return url;
}

function redisUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== "redis:" && url?.protocol !== "rediss:") throw new Error("REDIS_URL must be a Redis address such as redis://127.0.0.1:6379 (leave it unset for one process).");
  return value;
}

function redisPrefix(value: string | undefined): string {
  if (value === undefined || value === "") return "concord";
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) throw new Error(`CONCORD_REDIS_PREFIX may hold letters, digits, ".", "-" and "_" (at most 64), not "${value}".`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) throw new Error(`${name} must be a whole number above 0, not "${value}".`);
  return number;
}

/** At least two: one connection holds the start-up lock while another migrates (store.ts). */
function poolSize(env: NodeJS.ProcessEnv): number {
  const size = positiveInteger(env, "CONCORD_DB_POOL_SIZE", DEFAULT_POOL_SIZE);
  if (size < 2) throw new Error(`CONCORD_DB_POOL_SIZE must be at least 2, not "${size}".`);
  return size;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new Error("REDIS_URL joins several processes on one database: set DATABASE_URL to a PostgreSQL database too (processes cannot share an SQLite file).");
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(env.CONCORD_DATA_DIR ?? "./data"),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    poolSize: poolSize(env),
    redisUrl: redisUrl(env.REDIS_URL),
    redisPrefix: redisPrefix(env.CONCORD_REDIS_PREFIX),
    sync: syncMode(env.CONCORD_SYNC),
    clientDir: path.resolve(env.CONCORD_CLIENT_DIR ?? path.join(repoRoot, "client/dist")),
    seedDemo: env.CONCORD_DEMO !== "off",
    publicUrl: publicUrl(env.CONCORD_PUBLIC_URL),
    smtpUrl: smtpUrl(env.CONCORD_SMTP_URL),
    mailFrom: env.CONCORD_MAIL_FROM || undefined,
    unauthenticatedSockets: {
      perAddress: positiveInteger(env, "CONCORD_MAX_UNAUTHENTICATED_SOCKETS_PER_ADDRESS", UNAUTHENTICATED_SOCKETS.perAddress),
      total: positiveInteger(env, "CONCORD_MAX_UNAUTHENTICATED_SOCKETS", UNAUTHENTICATED_SOCKETS.total),
      deadlineMs: positiveInteger(env, "CONCORD_SIGN_IN_DEADLINE_MS", UNAUTHENTICATED_SOCKETS.deadlineMs),
      bytes: UNAUTHENTICATED_SOCKETS.bytes,
    },
    trustedProxies: trustedProxies(env.CONCORD_TRUSTED_PROXIES),
  };
}
