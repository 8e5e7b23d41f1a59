// The blind round of a transcript as stored (migration 008): the named coders, their "done"
// marks, when it started and was revealed, and the project's setting on whether a lead who
// is not coding may watch. Read by the visibility policy on every check, so it is one query.
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../store/schema";

export interface BlindRound {
  documentId: string;
  startedBy: string;
  startedAt: string;
  revealedBy: string | null;
  revealedAt: string | null;
  coders: { id: string; name: string; doneAt: string | null }[];
  /** The project's setting, read with the round. */
  leadMayWatch: boolean;
}

/** The blind round of a transcript, or null when it was never coded blind. */
export async function readBlindRound(db: Kysely<DatabaseSchema>, documentId: string): Promise<BlindRound | null> {
  const round = await db
    .selectFrom("blind_codings")
    .innerJoin("documents", "documents.id", "blind_codings.document_id")
    .innerJoin("projects", "projects.id", "documents.project_id")
    .select([
      "blind_codings.document_id as documentId",
      "blind_codings.started_by as startedBy",
      "blind_codings.started_at as startedAt",
      "blind_codings.revealed_by as revealedBy",
      "blind_codings.revealed_at as revealedAt",
      "projects.lead_may_watch_blind_coding as watch",
    ])
    .where("blind_codings.document_id", "=", documentId)
    .executeTakeFirst();
  if (!round) return null;
  const coders = await db
    .selectFrom("blind_coders")
    .innerJoin("users", "users.id", "blind_coders.coder_id")
    .select(["blind_coders.coder_id as id", "users.name as name", "blind_coders.done_at as doneAt"])
    .where("blind_coders.document_id", "=", documentId)
    .orderBy("users.name")
    .orderBy("blind_coders.coder_id")
    .execute();
  const { watch, ...rest } = round;
  return { ...rest, coders, leadMayWatch: Number(watch) === 1 };
}

/** Whether a round is in its blind phase: started and not yet revealed. */
export function isBlind(round: BlindRound | null): round is BlindRound {
  return round !== null && round.revealedAt === null;
}

/** The transcripts of a project in their blind phase. */
export async function blindDocumentsOf(db: Kysely<DatabaseSchema>, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("blind_codings")
    .innerJoin("documents", "documents.id", "blind_codings.document_id")
    .select("blind_codings.document_id as documentId")
    .where("documents.project_id", "=", projectId)
    .where("blind_codings.revealed_at", "is", null)
    .execute();
  return rows.map((row) => row.documentId);
}
