// Resolves who is asking from `Authorization: Bearer <token>` or the session cookie, and
// puts the user (or null) on the context. Routes decide whether a user is required.
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE, userForCredential } from "../auth/identify";
import { errors } from "../errors";
import type { AppEnv } from "../env";

export function identify(): MiddlewareHandler<AppEnv> {
  return async function identifyUser(c, next) {
    const db = c.var.deps.store.db;
    const authorization = c.req.header("authorization");
    if (authorization) {
      const [scheme, secret] = authorization.split(" ");
      const identified = scheme?.toLowerCase() === "bearer" && secret ? await userForCredential(db, { kind: "token", secret }) : null;
      if (!identified) throw errors.unauthenticated();
      c.set("user", identified.user);
      c.set("credential", "token");
      c.set("credentialHash", identified.hash);
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    const identified = cookie ? await userForCredential(db, { kind: "session", secret: cookie }) : null;
    c.set("user", identified?.user ?? null);
    c.set("credential", identified ? "session" : null);
    c.set("credentialHash", identified?.hash ?? null);
    return next();
  };
}
