// Types shared by the HTTP app's middleware and routes.
import type { Hocuspocus } from "@hocuspocus/server";
import type { User } from "./auth/identify";
import type { TrustedProxies } from "./clientAddress";
import type { AttemptLimiter } from "./auth/loginThrottle";
import type { Mailer } from "./mail/mailer";
import type { Store } from "./store/store";
import type { WorkerPool } from "./workers/pool";

export interface AppDeps {
  store: Store;
  /** The collaboration server, so routes can close connections or read live documents. */
  hocuspocus?: Hocuspocus;
  /**
   * The origin people reach Concord at: `CONCORD_PUBLIC_URL` when configured, else the
   * address the server listens on (known only once it listens, hence a function). Never the
   * request's Host header, which the caller controls.
   */
  publicUrl: () => URL;
  /** Threads for parsing uploads and computing statistics off the event loop. */
  workers: WorkerPool;
  /** Sends Concord's emails; absent when no mail server is configured (`CONCORD_SMTP_URL`). */
  mailer?: Mailer;
  /** Counts password checks per email and address; in this process unless given (Redis). */
  signInAttempts?: AttemptLimiter;
  /** Proxies whose X-Forwarded-For names the client's address (CONCORD_TRUSTED_PROXIES). */
  trustedProxies?: TrustedProxies | null;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: User | null;
    /** How the user was identified: by the browser's session cookie or by an API token. */
    credential: "session" | "token" | null;
    /** The SHA-256 of that credential's secret, as stored (to keep or end exactly it). */
    credentialHash: string | null;
  };
}
