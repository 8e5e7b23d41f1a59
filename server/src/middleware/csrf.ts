// CSRF defence for cookie-authenticated writes: a browser always sends Origin (and
// Sec-Fetch-Site) on a cross-site POST, so a write whose origin is not ours is refused.
// Token-authenticated requests carry no ambient credential and need no check.
import type { MiddlewareHandler } from "hono";
import { isSameOrigin } from "../auth/identify";
import { errors } from "../errors";
import type { AppEnv } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function csrf(): MiddlewareHandler<AppEnv> {
  return async function csrfProtection(c, next) {
    if (SAFE_METHODS.has(c.req.method) || c.var.credential === "token") return next();
    if (!isSameOrigin(c.req.raw.headers, c.var.deps.publicUrl())) throw errors.csrf();
    return next();
  };
}
