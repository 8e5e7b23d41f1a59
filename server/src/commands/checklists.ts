// A project's appraisal checklists (issue 9 §3): the built-in CASP qualitative checklist,
// always there without a row, and the team's own (JBI, MMAT, one of their making), each
// version a row that is never rewritten. Editing a checklist publishes its next version; the
// project names the checklist new appraisals are given against (its latest version), and
// every rating keeps the `key@version` it was first saved against, so neither an edit nor a
// change of choice alters an answer already given or the score it earns.
import { CASP_QUALITATIVE } from "@concord/shared/appraisal/casp";
import { ChecklistSchema, type Checklist, type ChecklistDefinition } from "@concord/shared/appraisal/checklist";
import type { Kysely } from "kysely";
import { errors } from "../errors";
import type { DatabaseSchema } from "../store/schema";

type Db = Kysely<DatabaseSchema>;

const BUILT_IN: readonly Checklist[] = [CASP_QUALITATIVE];
/** Generous for a 100-question checklist with hints; keeps a definition from filling the store. */
export const MAX_DEFINITION_CHARS = 200_000;
export const MAX_CHECKLISTS_PER_PROJECT = 50;
export const MAX_VERSIONS_PER_CHECKLIST = 200;

export const checklistLabel = (checklist: Pick<Checklist, "key" | "version">) => `${checklist.key}@${checklist.version}`;

function parseLabel(label: string): { key: string; version: number } {
  const at = label.lastIndexOf("@");
  return { key: label.slice(0, at), version: Number(label.slice(at + 1)) };
}

const builtIn = (key: string) => BUILT_IN.find((c) => c.key === key);

/** One version of a checklist the project may use; null when there is none. */
export async function readChecklistVersion(db: Db, projectId: string, key: string, version: number): Promise<Checklist | null> {
  const fixed = builtIn(key);
  if (fixed) return fixed.version === version ? fixed : null;
  const row = await db
    .selectFrom("review_checklists")
    .select("definition")
    .where("project_id", "=", projectId)
    .where("key", "=", key)
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? ChecklistSchema.parse(JSON.parse(row.definition)) : null;
}

async function latestVersion(db: Db, projectId: string, key: string): Promise<number | null> {
  const fixed = builtIn(key);
  if (fixed) return fixed.version;
  const row = await db.selectFrom("review_checklists").select((eb) => eb.fn.max("version").as("latest")).where("project_id", "=", projectId).where("key", "=", key).executeTakeFirst();
  return row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
}

/** The checklists behind `labels` (each rating's `key@version`), read once each. */
export async function checklistsByLabel(db: Db, projectId: string, labels: Iterable<string>): Promise<Map<string, Checklist>> {
  const found = new Map<string, Checklist>();
  for (const label of new Set(labels)) {
    const { key, version } = parseLabel(label);
    const checklist = await readChecklistVersion(db, projectId, key, version);
    // Only a store edited by hand lacks a rating's checklist; scoring it with another would mislead.
    if (!checklist) throw new Error(`Checklist ${label} of project ${projectId} is missing.`);
    found.set(label, checklist);
  }
  return found;
}

/** The checklist new appraisals are given against: the chosen checklist's latest version, else CASP. */
export async function currentChecklist(db: Db, projectId: string): Promise<Checklist> {
  const project = await db.selectFrom("projects").select("appraisal_checklist").where("id", "=", projectId).executeTakeFirst();
  const key = project?.appraisal_checklist ?? null;
  if (key === null) return CASP_QUALITATIVE;
  const version = await latestVersion(db, projectId, key);
  return (version !== null && (await readChecklistVersion(db, projectId, key, version))) || CASP_QUALITATIVE;
}

export interface ChecklistSummary {
  key: string;
  name: string;
  builtIn: boolean;
  current: boolean;
  /** Oldest first; the last is the one a new appraisal would use. */
  versions: { version: number; name: string; createdAt: string | null; createdBy: string | null }[];
}

export async function listChecklists(db: Db, projectId: string): Promise<ChecklistSummary[]> {
  const [current, rows] = await Promise.all([
    currentChecklist(db, projectId),
    db.selectFrom("review_checklists").selectAll().where("project_id", "=", projectId).orderBy("key").orderBy("version").execute(),
  ]);
  const summaries: ChecklistSummary[] = BUILT_IN.map((c) => ({
    key: c.key,
    name: c.name,
    builtIn: true,
    current: c.key === current.key,
    versions: [{ version: c.version, name: c.name, createdAt: null, createdBy: null }],
  }));
  for (const row of rows) {
    const { name } = JSON.parse(row.definition) as { name: string };
    let summary = summaries.find((s) => s.key === row.key);
    if (!summary) {
      summary = { key: row.key, name, builtIn: false, current: row.key === current.key, versions: [] };
      summaries.push(summary);
    }
    summary.name = name;
    summary.versions.push({ version: Number(row.version), name, createdAt: row.created_at, createdBy: row.created_by });
  }
  return summaries;
}

/** Checks a definition with the shared rules and caps; the version is the server's to give. */
function checkedDefinition(definition: ChecklistDefinition, version: number): Checklist {
  const parsed = ChecklistSchema.safeParse({ ...definition, version });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw errors.validation(`${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}`, parsed.error.issues);
  }
  if (JSON.stringify(parsed.data).length > MAX_DEFINITION_CHARS) throw errors.validation(`A checklist may be at most ${MAX_DEFINITION_CHARS.toLocaleString("en")} characters as JSON.`);
  return parsed.data;
}

async function insertVersion(db: Db, projectId: string, checklist: Checklist, by: string): Promise<Checklist> {
  try {
    await db
      .insertInto("review_checklists")
      .values({ project_id: projectId, key: checklist.key, version: checklist.version, definition: JSON.stringify(checklist), created_by: by, created_at: new Date().toISOString() })
      .execute();
  } catch (error) {
    // Two leads publishing at once both asked for the same next version: the second is told so.
    if (await readChecklistVersion(db, projectId, checklist.key, checklist.version)) {
      throw errors.conflict(`Version ${checklist.version} of "${checklist.key}" was published a moment ago; reload and edit that one.`);
    }
    throw error;
  }
  return checklist;
}

/** A new checklist of the project, as its version 1. */
export async function createChecklist(db: Db, projectId: string, definition: ChecklistDefinition, by: string): Promise<Checklist> {
  const checklist = checkedDefinition(definition, 1);
  if (builtIn(checklist.key)) throw errors.conflict(`"${checklist.key}" is the built-in checklist's key; give yours another.`);
  if ((await latestVersion(db, projectId, checklist.key)) !== null) throw errors.conflict(`The project has a checklist "${checklist.key}" already; publish a new version of it instead.`);
  const count = await db.selectFrom("review_checklists").select((eb) => eb.fn.count("key").distinct().as("n")).where("project_id", "=", projectId).executeTakeFirst();
  if (Number(count?.n ?? 0) >= MAX_CHECKLISTS_PER_PROJECT) throw errors.conflict(`A project may have at most ${MAX_CHECKLISTS_PER_PROJECT} checklists of its own.`);
  return insertVersion(db, projectId, checklist, by);
}

/** The checklist's next version (latest + 1); earlier versions stay as they were. */
export async function publishVersion(db: Db, projectId: string, key: string, definition: ChecklistDefinition, by: string): Promise<Checklist> {
  if (builtIn(key)) throw errors.conflict("The built-in checklist cannot be edited; create a checklist of your own from a copy of it.");
  const latest = await latestVersion(db, projectId, key);
  if (latest === null) throw errors.missing(`The project has no checklist "${key}".`);
  if (latest >= MAX_VERSIONS_PER_CHECKLIST) throw errors.conflict(`A checklist may have at most ${MAX_VERSIONS_PER_CHECKLIST} versions.`);
  if (definition.key !== key) throw errors.validation(`A new version keeps the checklist's key "${key}".`);
  return insertVersion(db, projectId, checkedDefinition(definition, latest + 1), by);
}

/** Names the checklist new appraisals are given against; ratings already saved keep theirs. */
export async function chooseChecklist(db: Db, projectId: string, key: string): Promise<Checklist> {
  if ((await latestVersion(db, projectId, key)) === null) throw errors.validation(`The project has no checklist "${key}".`, { key });
  await db.updateTable("projects").set({ appraisal_checklist: builtIn(key) ? null : key }).where("id", "=", projectId).execute();
  return currentChecklist(db, projectId);
}
