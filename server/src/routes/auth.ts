// Sign-up, sign-in, sign-out, and who am I.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { SESSION_COOKIE } from "../auth/identify";
import { LoginThrottle } from "../auth/loginThrottle";
import { errors } from "../errors";
import { checkPassword, createSession, createUser, endSession } from "../commands/accounts";
import type { AppEnv } from "../env";
import { requireUser } from "../policies";
import { presentUser } from "../presenters";
import { UserSchema, errorResponses, json } from "./schemas";

const Credentials = z.object({
  email: z.email().max(254),
  password: z.string().min(8, "Use at least 8 characters.").max(200),
});
const SignUp = Credentials.extend({ name: z.string().trim().min(1).max(120) });
const UserResponse = z.object({ user: UserSchema });

async function startSession(c: Context<AppEnv>, userId: string) {
  const { secret, expires } = await createSession(c.var.deps.store.db, userId);
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: new URL(c.req.url).protocol === "https:",
    expires,
  });
}

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}

/** Auth routes, with a sign-in throttle owned by this app instance. */
export const authRoutes = (throttle = new LoginThrottle()) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/signup",
        tags: ["auth"],
        summary: "Create an account and sign in",
        request: { body: { content: { "application/json": { schema: SignUp } }, required: true } },
        responses: { 201: json(UserResponse, "Signed up; the session cookie is set"), ...errorResponses(400, 409) },
      }),
      async (c) => {
        const user = await createUser(c.var.deps.store.db, c.req.valid("json"));
        await startSession(c, user.id);
        return c.json({ user: presentUser(user) }, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/login",
        tags: ["auth"],
        summary: "Sign in with email and password",
        request: { body: { content: { "application/json": { schema: Credentials } }, required: true } },
        responses: { 200: json(UserResponse, "Signed in; the session cookie is set"), ...errorResponses(400, 401, 429) },
      }),
      async (c) => {
        const { email, password } = c.req.valid("json");
        const key = `${email.trim().toLowerCase()} ${clientAddress(c)}`;
        const wait = throttle.retryAfter(key);
        if (wait > 0) {
          c.header("retry-after", String(wait));
          throw errors.tooManyAttempts(wait);
        }
        const user = await checkPassword(c.var.deps.store.db, email, password).catch((error: unknown) => {
          throttle.recordFailure(key);
          throw error;
        });
        throttle.recordSuccess(key);
        await startSession(c, user.id);
        return c.json({ user: presentUser(user) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/logout",
        tags: ["auth"],
        summary: "Sign out of this browser",
        responses: { 204: { description: "Signed out" } },
      }),
      async (c) => {
        const secret = getCookie(c, SESSION_COOKIE);
        if (secret) await endSession(c.var.deps.store.db, secret);
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/me",
        tags: ["auth"],
        summary: "The signed-in user",
        responses: { 200: json(UserResponse, "The current user"), ...errorResponses(401) },
      }),
      (c) => c.json({ user: presentUser(requireUser(c.var.user)) }, 200),
    );
