// Schema migrations, applied in order on start, one module each. Written with Kysely's schema
// builder so PostgreSQL can run the same list; only a few column types differ by dialect.
import type { Migration } from "kysely/migration";
import type { Dialect } from "./dialect";
import { migration001 } from "./001_foundation";
import { migration002 } from "./002_invitations";
import { migration003 } from "./003_credentials";
import { migration004 } from "./004_document_activity";
import { migration005 } from "./005_named_documents";
import { migration006 } from "./006_records";
import { migration007 } from "./007_threads";
import { migration008 } from "./008_blind_coding";
import { migration009 } from "./009_screening";
import { migration010 } from "./010_checklists";
import { migration011 } from "./011_extraction";
import { migration012 } from "./012_stage_pool_index";

export type { Dialect } from "./dialect";

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "001_foundation": migration001(dialect),
    "002_invitations": migration002(),
    "003_credentials": migration003(),
    "004_document_activity": migration004(),
    "005_named_documents": migration005(dialect),
    "006_records": migration006(),
    "007_threads": migration007(),
    "008_blind_coding": migration008(),
    "009_screening": migration009(),
    "010_checklists": migration010(),
    "011_extraction": migration011(),
    "012_stage_pool_index": migration012(),
  };
}
