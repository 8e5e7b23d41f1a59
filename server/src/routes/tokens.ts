// Personal API tokens for scripts and WebSocket clients.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { createApiToken } from "../commands/accounts";
import type { AppEnv } from "../env";
import { requireUser } from "../policies";
import { errorResponses, json } from "./schemas";

const TokenCreated = z
  .object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() })
  .openapi("ApiToken");

export const tokenRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "post",
    path: "/tokens",
    tags: ["auth"],
    summary: "Create a personal API token (shown once; send as `Authorization: Bearer <token>`)",
    request: { body: { content: { "application/json": { schema: z.object({ name: z.string().trim().min(1).max(120) }) } }, required: true } },
    responses: { 201: json(TokenCreated, "The new token"), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const user = requireUser(c.var.user);
    return c.json(await createApiToken(c.var.deps.store.db, user.id, c.req.valid("json").name), 201);
  },
);
