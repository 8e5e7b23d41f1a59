// Request and response shapes of the codebook and coding routes, documented in /api/openapi.json.
import { z } from "@hono/zod-openapi";
import { CODE_LEVELS, CODING_LIMITS, isCodeColor } from "@concord/shared";
import { TitleSchema } from "./schemas";

/** A code's name follows the one rule for titles (checkTitle), with the codebook's limit. */
export const CodeName = TitleSchema(CODING_LIMITS.codeName);

export const LevelSchema = z.enum(CODE_LEVELS, { error: `The level must be one of: ${CODE_LEVELS.join(", ")}.` }).openapi("CodeLevel");
const Color = z.string().refine(isCodeColor, "A colour is written #rrggbb, in lowercase (such as #0077aa).").openapi({ example: "#0077aa" });
const Description = z.string().max(CODING_LIMITS.descriptionChars, `A description may be at most ${CODING_LIMITS.descriptionChars} characters.`);
const Memo = z.string().max(CODING_LIMITS.memoChars, `A memo may be at most ${CODING_LIMITS.memoChars} characters.`).optional();
const Id = z.string().max(100, "Not an id.");

export const NewCodeBody = z
  .object({
    name: CodeName,
    level: LevelSchema,
    parentId: Id.nullable().optional(),
    color: Color.optional(),
    description: Description.optional(),
    documentId: Id.optional().openapi({
      description:
        "The transcript being coded when the code is made. If it is being coded blind and you are one of its coders, the code is kept with your blind work (seen by no other coder) and joins the codebook at reveal.",
    }),
  })
  .openapi("NewCode");

export const CodeChangesBody = z
  .object({ name: CodeName.optional(), level: LevelSchema.optional(), parentId: Id.nullable().optional(), color: Color.optional(), description: Description.optional() })
  .openapi("CodeChanges", { description: "Rename, recolour, re-level or move (parentId; null for the top). A cycle of parents is refused (400)." });

export const MergeBody = z.object({ into: Id, memo: Memo }).openapi("MergeCode");

export const SplitBody = z
  .object({
    name: CodeName,
    codingIds: z.array(Id).min(1, "Choose at least one coding for the new code.").max(CODING_LIMITS.codingsPerLayer),
    level: LevelSchema.optional(),
    color: Color.optional(),
    description: Description.optional(),
    memo: Memo,
  })
  .openapi("SplitCode", { description: "A new code beside this one (same level and parent unless given), holding the chosen codings of this code." });

export const CodeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    color: z.string(),
    level: LevelSchema,
    parentId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    deleted: z.boolean().openapi({ description: "Deleted codes are listed so they can be restored (POST …/restore) unless merged" }),
    deletedAt: z.string().nullable(),
    mergedInto: z.string().nullable(),
    counts: z.object({ codings: z.number().int(), documents: z.number().int(), coders: z.number().int() }).optional(),
    blindDocumentId: z.string().optional().openapi({ description: "Set on a code made during blind coding of this transcript, not yet in the codebook (it joins at reveal)" }),
  })
  .openapi("Code");

export const LineageSchema = z
  .object({
    op: z.enum(["create", "merge", "split", "raise", "delete", "restore"]),
    from: z.array(z.string()),
    into: z.array(z.string()),
    at: z.string(),
    by: z.string(),
    memo: z.string().optional(),
  })
  .openapi("LineageEntry");

const Offset = z.number().int("Offsets are whole numbers of characters.").min(0, "Offsets start at 0.");
const Position = z
  .string()
  .max(4_096, "An anchor position is at most a few hundred bytes.")
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Anchor positions are base64-encoded Yjs relative positions.");

const Note = z.string().max(CODING_LIMITS.noteChars, `A note may be at most ${CODING_LIMITS.noteChars} characters.`);

export const NewCodingBody = z
  .object({
    codeId: Id,
    start: Offset.optional().openapi({ description: "JavaScript string offset into GET /api/documents/{documentId}/text" }),
    end: Offset.optional(),
    anchor: z
      .object({ start: Position, end: Position })
      .optional()
      .openapi({ description: "Instead of offsets: Yjs relative positions (base64) made in the caller's copy of the transcript, as y-prosemirror makes them" }),
    note: Note.optional(),
  })
  .openapi("NewCoding");

export const CodingNoteBody = z.strictObject({ note: Note.openapi({ description: "The whole note; an empty text clears it" }) }).openapi("CodingNote");

const Coder = z.object({ id: z.string(), name: z.string() });

export const CodingSchema = z
  .object({
    id: z.string(),
    codeId: z.string(),
    documentId: z.string(),
    coder: Coder,
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    orphaned: z.boolean().openapi({ description: "Every word it covered was deleted; kept so it can be re-anchored or removed" }),
    note: z.string(),
    createdAt: z.string(),
  })
  .openapi("Coding");

export const SegmentSchema = z
  .object({ codingId: z.string(), documentId: z.string(), coder: Coder, start: z.number().int(), end: z.number().int(), text: z.string(), orphaned: z.boolean() })
  .openapi("Segment");

export const CollabDocumentSchema = z
  .object({
    name: z.string().openapi({ description: "The WebSocket document name to open (never build it yourself)" }),
    kind: z.enum(["text", "layer", "round", "codebook", "threads"]),
    coderId: z.string().optional().openapi({ description: "For a layer: whose codings it holds" }),
  })
  .openapi("CollabDocument", {
    description:
      "A collaborative document the caller may open. Layers, the round, the codebook and threads are read-only on the socket: change them through the REST API. " +
      "The round changes whenever the transcript's coding round does (started, a coder done, revealed): fetch GET /api/documents/{documentId}/blind again. " +
      'When a layer appears, the transcript\'s document sends the stateless message {"type":"collab-changed"}: fetch the listing again.',
  });
