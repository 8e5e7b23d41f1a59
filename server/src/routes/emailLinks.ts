// What the links in Concord's emails do: confirm an address, and choose a new password.
// Only on a server that sends email (CONCORD_SMTP_URL).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { closeCredentialConnections } from "../collab/access";
import { endSessions, findUserByEmail, setPassword } from "../commands/accounts";
import { revokeAllApiTokens } from "../commands/apiTokens";
import { createEmailLink, markEmailVerified, useEmailLink } from "../commands/emailLinks";
import { errors } from "../errors";
import type { AppEnv } from "../env";
import { sendInBackground } from "../mail/mailer";
import { confirmAddress, passwordReset } from "../mail/messages";
import { requireUser } from "../policies";
import { presentUser } from "../presenters";
import { Password, Pending } from "./auth";
import { UserSchema, errorResponses, json } from "./schemas";
import { startSession } from "./sessionCookie";

const UserResponse = z.object({ user: UserSchema });
const LinkToken = z.string().min(1).max(200);

export const emailLinkRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/verify-email",
      tags: ["auth"],
      summary: "Confirm your email address with the link's token (signed in as the account it was sent for)",
      description: "Signing in first proves the password too, so a person who merely receives the email cannot confirm an account someone else created.",
      request: { body: { content: { "application/json": { schema: z.object({ token: LinkToken }) } }, required: true } },
      responses: { 200: json(UserResponse, "Confirmed"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const db = c.var.deps.store.db;
      await markEmailVerified(db, await useEmailLink(db, c.req.valid("json").token, "verify", user.id));
      return c.json({ user: presentUser({ ...user, emailVerified: true }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/verify-email/send",
      tags: ["auth"],
      summary: "Send a new link to confirm your email address",
      responses: { 202: json(Pending, "Sent"), ...errorResponses(401, 409, 502, 503) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { mailer, publicUrl, store } = c.var.deps;
      if (!mailer) throw errors.emailUnavailable();
      if (user.emailVerified) throw errors.conflict("Your email address is already confirmed.");
      const link = new URL(`/verify-email/${await createEmailLink(store.db, user.id, "verify")}`, publicUrl());
      await mailer.send(confirmAddress(user.email, link)).catch(() => {
        throw errors.emailFailed();
      });
      return c.json({ message: `We have sent a new link to ${user.email}.` }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password-reset",
      tags: ["auth"],
      summary: "Email a link to choose a new password",
      description: "Answers the same whether or not the address has an account.",
      request: { body: { content: { "application/json": { schema: z.object({ email: z.email().max(254) }) } }, required: true } },
      responses: { 202: json(Pending, "Sent if the address has an account"), ...errorResponses(400, 503) },
    }),
    async (c) => {
      const { mailer, publicUrl, store } = c.var.deps;
      if (!mailer) throw errors.emailUnavailable();
      const { email } = c.req.valid("json");
      const user = await findUserByEmail(store.db, email);
      if (user) {
        const link = new URL(`/reset-password/${await createEmailLink(store.db, user.id, "reset")}`, publicUrl());
        sendInBackground(mailer, passwordReset(user.email, link));
      }
      return c.json({ message: `If ${email} has a Concord account, we have sent it a link to choose a new password.` }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password-reset/complete",
      tags: ["auth"],
      summary: "Choose a new password with the emailed link's token, and sign in",
      description:
        "Confirms the address (the link reached it), signs out every browser and revokes every API token of the " +
        "account (whoever had them no longer gets in), and signs this browser in.",
      request: {
        body: { content: { "application/json": { schema: z.object({ token: LinkToken, newPassword: Password }) } }, required: true },
      },
      responses: { 200: json(UserResponse, "Password changed and signed in"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const db = c.var.deps.store.db;
      const { token, newPassword } = c.req.valid("json");
      const userId = await useEmailLink(db, token, "reset");
      await setPassword(db, userId, newPassword);
      await markEmailVerified(db, userId);
      const ended = [...(await endSessions(db, userId)), ...(await revokeAllApiTokens(db, userId))];
      closeCredentialConnections(c.var.deps.hocuspocus, ended);
      await startSession(c, userId);
      const user = await db.selectFrom("users").select(["id", "email", "name"]).where("id", "=", userId).executeTakeFirstOrThrow();
      return c.json({ user: presentUser({ ...user, emailVerified: true }) }, 200);
    },
  );
