// Documents as the routes present them: the row with the name of whoever changed it last.
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "./schema";

export function selectDocuments(db: Kysely<DatabaseSchema>) {
  return db
    .selectFrom("documents")
    .innerJoin("users as last_changer", "last_changer.id", "documents.last_changed_by")
    .selectAll("documents")
    .select("last_changer.name as last_changed_by_name");
}
