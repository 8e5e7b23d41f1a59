// Personal API tokens for scripts and WebSocket clients: create (shown once), list, revoke.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { closeCredentialConnections } from "../collab/access";
import { TOKEN_DAYS, createApiToken, listApiTokens, revokeApiToken } from "../commands/apiTokens";
import type { AppEnv } from "../env";
import { requireUser } from "../policies";
import { presentApiToken } from "../presenters";
import { IdParam, TitleSchema, errorResponses, json } from "./schemas";

const ApiToken = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string() })
  .openapi("ApiToken");
const TokenCreated = ApiToken.extend({ token: z.string().openapi({ description: "The secret; shown only now" }) }).openapi("ApiTokenCreated");
const NewToken = z.object({
  name: TitleSchema("tokenName"),
  expiresInDays: z
    .number()
    .int()
    .min(1, "A token must last at least 1 day.")
    .max(TOKEN_DAYS.max, `A token can last at most ${TOKEN_DAYS.max} days.`)
    .default(TOKEN_DAYS.default)
    .openapi({ description: `Days until the token stops working (default ${TOKEN_DAYS.default})` }),
});

export const tokenRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: "post",
      path: "/tokens",
      tags: ["auth"],
      summary: "Create a personal API token (shown once; send as `Authorization: Bearer <token>`)",
      request: { body: { content: { "application/json": { schema: NewToken } }, required: true } },
      responses: { 201: json(TokenCreated, "The new token"), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { name, expiresInDays } = c.req.valid("json");
      const { token, row } = await createApiToken(c.var.deps.store.db, user.id, name, expiresInDays);
      return c.json({ ...presentApiToken(row), token }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tokens",
      tags: ["auth"],
      summary: "Your API tokens that have not expired (never their secrets)",
      responses: { 200: json(z.object({ tokens: z.array(ApiToken) }), "Your tokens"), ...errorResponses(401) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ tokens: (await listApiTokens(c.var.deps.store.db, user.id)).map(presentApiToken) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/tokens/{tokenId}",
      tags: ["auth"],
      summary: "Revoke one of your API tokens; documents opened with it close at once",
      request: { params: IdParam("tokenId") },
      responses: { 204: { description: "Revoked" }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { tokenId } = c.req.valid("param") as { tokenId: string };
      closeCredentialConnections(c.var.deps.hocuspocus, [await revokeApiToken(c.var.deps.store.db, user.id, tokenId)]);
      return c.body(null, 204);
    },
  );
