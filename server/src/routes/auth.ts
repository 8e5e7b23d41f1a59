// Sign-up, sign-in, sign-out (here or everywhere), password change, and who am I.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { clientAddress } from "../clientAddress";
import { SESSION_COOKIE } from "../auth/identify";
import { LoginThrottle, throttled, type AttemptLimiter } from "../auth/loginThrottle";
import { closeCredentialConnections } from "../collab/access";
import { errors } from "../errors";
import { changePassword, checkPassword, createUser, endSession, endSessions, signUpUnconfirmed } from "../commands/accounts";
import { createEmailLink } from "../commands/emailLinks";
import type { AppEnv } from "../env";
import { sendInBackground } from "../mail/mailer";
import { confirmAddress, signUpAttempt } from "../mail/messages";
import { requireUser } from "../policies";
import { presentUser } from "../presenters";
import { TitleSchema, UserSchema, errorResponses, json } from "./schemas";
import { clearSession, startSession } from "./sessionCookie";

export const Password = z.string().min(8, "Use at least 8 characters.").max(200);
const Credentials = z.object({ email: z.email().max(254), password: Password });
const SignUp = Credentials.extend({ name: TitleSchema("personName") });
const UserResponse = z.object({ user: UserSchema });
export const Pending = z
  .object({ message: z.string().openapi({ description: "What to do next, in plain words" }) })
  .openapi("Pending");
const PasswordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });

function requestAddress(c: Context<AppEnv>): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
  return clientAddress(remote, c.req.header("x-forwarded-for"), c.get("deps").trustedProxies ?? null);
}

/** The refusal once the attempts are used up, telling the client when to try again. */
const tooMany = (c: Context<AppEnv>) => (seconds: number) => {
  c.header("retry-after", String(seconds));
  return errors.tooManyAttempts(seconds);
};

/** Auth routes, with a password-attempt limiter owned by this app instance. */
export const authRoutes = (attempts: AttemptLimiter = new LoginThrottle()) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/signup",
        tags: ["auth"],
        summary: "Create an account",
        description:
          "Without email (no `CONCORD_SMTP_URL`): creates the account and signs in (201), or 409 if the address has one. " +
          "With email: answers 202 with the same body whether or not the address has an account; a new account gets a " +
          "link to confirm the address, an existing one an email saying someone tried.",
        request: { body: { content: { "application/json": { schema: SignUp } }, required: true } },
        responses: {
          201: json(UserResponse, "Signed up; the session cookie is set"),
          202: json(Pending, "Check your email"),
          ...errorResponses(400, 409),
        },
      }),
      async (c) => {
        const { store: { db }, mailer, publicUrl } = c.var.deps;
        const input = c.req.valid("json");
        if (!mailer) {
          const user = await createUser(db, input);
          await startSession(c, user.id);
          return c.json({ user: presentUser(user) }, 201);
        }
        const { user, existed } = await signUpUnconfirmed(db, input);
        const message = existed
          ? signUpAttempt(user.email, new URL(`/reset-password/${await createEmailLink(db, user.id, "reset")}`, publicUrl()))
          : confirmAddress(user.email, new URL(`/verify-email/${await createEmailLink(db, user.id, "verify")}`, publicUrl()));
        sendInBackground(mailer, message);
        return c.json({ message: `We have sent an email to ${user.email}. Open the link in it to finish creating your account.` }, 202);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/login",
        tags: ["auth"],
        summary: "Sign in with email and password",
        description: "At most 10 attempts per address and email in 15 minutes; each is counted before its password is checked.",
        request: { body: { content: { "application/json": { schema: Credentials } }, required: true } },
        responses: { 200: json(UserResponse, "Signed in; the session cookie is set"), ...errorResponses(400, 401, 429) },
      }),
      async (c) => {
        const { email, password } = c.req.valid("json");
        const key = `sign-in ${email.trim().toLowerCase()} ${requestAddress(c)}`;
        const user = await throttled(attempts, key, () => checkPassword(c.var.deps.store.db, email, password), tooMany(c));
        await startSession(c, user.id);
        return c.json({ user: presentUser(user) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/logout",
        tags: ["auth"],
        summary: "Sign out of this browser; its open documents close at once",
        responses: { 204: { description: "Signed out" } },
      }),
      async (c) => {
        const secret = getCookie(c, SESSION_COOKIE);
        if (secret) closeCredentialConnections(c.var.deps.hocuspocus, [await endSession(c.var.deps.store.db, secret)]);
        clearSession(c);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/logout-everywhere",
        tags: ["auth"],
        summary: "Sign out of every browser, this one included; their open documents close at once",
        description: "API tokens are not affected: list and revoke them at /api/tokens.",
        responses: { 204: { description: "Signed out everywhere" }, ...errorResponses(401) },
      }),
      async (c) => {
        const user = requireUser(c.var.user);
        closeCredentialConnections(c.var.deps.hocuspocus, await endSessions(c.var.deps.store.db, user.id));
        clearSession(c);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/auth/password",
        tags: ["auth"],
        summary: "Change your password; signs out every other browser (this one stays signed in)",
        description: "Every session except the one making the request ends and its open documents close. API tokens are kept.",
        request: { body: { content: { "application/json": { schema: PasswordChange } }, required: true } },
        responses: { 204: { description: "Password changed" }, ...errorResponses(400, 401, 403, 429) },
      }),
      async (c) => {
        const user = requireUser(c.var.user);
        const { currentPassword, newPassword } = c.req.valid("json");
        const db = c.var.deps.store.db;
        await throttled(attempts, `password ${user.id}`, () => changePassword(db, user.id, currentPassword, newPassword), tooMany(c));
        const keep = c.var.credential === "session" ? (c.var.credentialHash ?? undefined) : undefined;
        closeCredentialConnections(c.var.deps.hocuspocus, await endSessions(db, user.id, keep));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/auth/options",
        tags: ["auth"],
        summary: "What this server offers: whether it sends email (address confirmation, password reset)",
        responses: { 200: json(z.object({ email: z.boolean() }).openapi("AuthOptions"), "The options") },
      }),
      (c) => c.json({ email: c.var.deps.mailer !== undefined }, 200),
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
