// The demo a newcomer sees on first start: one project, four accounts in four roles, and
// two short fictional interview transcripts. Created once; a marker in `settings` stops
// it from coming back after the team deletes or changes it.
import type { Role } from "@concord/shared";
import { createUser } from "../commands/accounts";
import { addMember, createProject } from "../commands/projects";
import { createTranscript } from "../commands/transcripts";
import type { Store } from "../store/store";
import { DEMO_TRANSCRIPTS } from "./transcripts";

export const DEMO_PASSWORD = "concord-demo";
export const DEMO_PROJECT_TITLE = "Readiness for co-production (demo)";
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "lead@example.org", name: "Priya Raman", role: "lead" },
  { email: "supervisor@example.org", name: "Dr Tom Hale", role: "supervisor" },
  { email: "consultant@example.org", name: "Jo Mensah", role: "consultant" },
  { email: "rater@example.org", name: "Sam Ortiz", role: "rater" },
];
const MARKER = "demo_seeded";

export interface DemoInfo {
  projectTitle: string;
  password: string;
  accounts: typeof DEMO_ACCOUNTS;
}

/** Seeds once, even when several processes start together on one empty database. */
export function seedDemo(store: Store): Promise<DemoInfo> {
  return store.exclusively(() => seedOnce(store));
}

async function seedOnce(store: Store): Promise<DemoInfo> {
  const info = { projectTitle: DEMO_PROJECT_TITLE, password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS };
  const done = await store.db.selectFrom("settings").select("value").where("key", "=", MARKER).executeTakeFirst();
  if (done) return info;
  const [lead, ...others] = DEMO_ACCOUNTS;
  const leadUser = await createUser(store.db, { ...lead!, password: DEMO_PASSWORD });
  const project = await createProject(store.db, DEMO_PROJECT_TITLE, leadUser.id);
  for (const account of others) {
    await createUser(store.db, { ...account, password: DEMO_PASSWORD });
    await addMember(store.db, project.id, account.email, account.role);
  }
  for (const transcript of DEMO_TRANSCRIPTS) {
    await createTranscript(store, { projectId: project.id, createdBy: leadUser.id, ...transcript });
  }
  await store.db.insertInto("settings").values({ key: MARKER, value: new Date().toISOString() }).execute();
  return info;
}
