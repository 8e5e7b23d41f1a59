// Liveness for whoever runs Concord: the process answers and its database can be read.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { json } from "./schemas";

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["operations"],
    summary: "Whether the server and its database are up (no sign-in needed)",
    responses: { 200: json(z.object({ ok: z.literal(true), documentsOpen: z.number() }), "Up") },
  }),
  async (c) => {
    await c.var.deps.store.db.selectFrom("settings").select("key").limit(1).execute();
    return c.json({ ok: true as const, documentsOpen: c.var.deps.hocuspocus?.getDocumentsCount() ?? 0 }, 200);
  },
);
