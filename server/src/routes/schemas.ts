// Response shapes shared by the routes and documented in /api/openapi.json.
import { z } from "@hono/zod-openapi";
import { LINK_ROLES, ROLES, TITLE_LIMITS, checkTitle } from "@concord/shared";

export const RoleSchema = z.enum(ROLES).openapi("Role");

/** The roles an invitation link may carry: every role but lead (see LINK_ROLES). */
export const LinkRoleSchema = z
  .enum(LINK_ROLES, { error: "An invitation link cannot make someone a lead researcher. Add a co-lead by email instead." })
  .openapi("LinkRole");

/**
 * A title-like field (project or transcript title, token name, person's name), checked and
 * normalised by the one shared rule in @concord/shared's checkTitle.
 */
export function TitleSchema(kind: keyof typeof TITLE_LIMITS | { what: string; max: number }) {
  const { what, max } = typeof kind === "string" ? TITLE_LIMITS[kind] : kind;
  return z
    .string()
    .superRefine((raw, ctx) => {
      const checked = checkTitle(raw, what, max);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message, params: { problem: checked.problem } });
    })
    .overwrite((raw) => {
      const checked = checkTitle(raw, what, max);
      return checked.ok ? checked.value : raw;
    })
    .openapi({
      maxLength: max,
      description: "Normalised to NFC and trimmed; needs a visible character; no control or bidirectional-override characters.",
    });
}

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
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string().optional().openapi({ description: "Present for the project's leads only" }),
    role: RoleSchema,
  })
  .openapi("Member");

export const DocumentSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    kind: z.literal("transcript"),
    createdAt: z.string(),
    updatedAt: z.string().openapi({ description: "When an edit was last stored (the creation time until someone edits)" }),
    words: z.number().int().openapi({
      description: "Words in the current text, speaker labels not counted; updated whenever live edits are stored (within seconds)",
    }),
    participant: z.string().nullable().openapi({
      description:
        "The participant's pseudonym, from the speaker names: the one speaker not labelled like an interviewer, or the pseudonym " +
        "in brackets (\"Participant 3 (Alex)\" → \"Alex\"). Null when no single name can be told (generic labels only, or a group).",
    }),
    lastChangedBy: z
      .object({ id: z.string(), name: z.string() })
      .openapi({ description: "The last person whose edit was stored; the creator until someone edits" }),
  })
  .openapi("Document");

export const IdParam = (name: string) =>
  z.object({ [name]: z.string().openapi({ param: { name, in: "path" } }) });

/** Standard error responses, spread into each route's `responses`. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 502 | 503)[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: "Error", content: { "application/json": { schema: ErrorSchema } } }]),
  ) as Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }>;
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
