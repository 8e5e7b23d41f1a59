// Response shapes shared by the routes and documented in /api/openapi.json.
import { z } from "@hono/zod-openapi";
import { ROLES } from "@concord/shared";

export const RoleSchema = z.enum(ROLES).openapi("Role");

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean().openapi({ description: "Whether the person has confirmed the address by an emailed link" }),
  })
  .openapi("User");

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi("Error");

export const ProjectSchema = z
  .object({ id: z.string(), title: z.string(), role: RoleSchema, createdAt: z.string() })
  .openapi("Project");

export const MemberSchema = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), role: RoleSchema })
  .openapi("Member");

export const DocumentSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    kind: z.literal("transcript"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Document");

export const IdParam = (name: string) =>
  z.object({ [name]: z.string().openapi({ param: { name, in: "path" } }) });

/** Standard error responses, spread into each route's `responses`. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 502 | 503)[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: "Error", content: { "application/json": { schema: ErrorSchema } } }]),
  ) as Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }>;
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
