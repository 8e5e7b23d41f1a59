// The session cookie: set when someone signs in (by password or by an emailed link), cleared
// when they sign out.
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../auth/identify";
import { createSession } from "../commands/accounts";
import type { AppEnv } from "../env";

/** From the public URL, not the request: behind a TLS proxy the request itself is http. */
const secure = (c: Context<AppEnv>) => c.var.deps.publicUrl().protocol === "https:";

export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { secret, expires } = await createSession(c.var.deps.store.db, userId);
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: "Lax", path: "/", secure: secure(c), expires });
}

export function clearSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c) });
}
