// The demo a newcomer sees on first start: one project, four accounts in four roles, two
// short fictional interview transcripts and a small systematic review (demo/review.ts). Created once; a marker in `settings` stops
// it from coming back after the team deletes or changes it.
import type { Role } from "@concord/shared";
import { createUser } from "../commands/accounts";
import { addMember, createProject } from "../commands/projects";
import { createTranscript } from "../commands/transcripts";
import type { Hocuspocus } from "@hocuspocus/server";
import type { Store } from "../store/store";
import type { WorkerPool } from "../workers/pool";
import { seedDemoReview } from "./review";
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

/** What seeding runs on: the running server's store, live documents and worker pool. */
export interface DemoHost {
  store: Store;
  hocuspocus: Hocuspocus;
  workers: WorkerPool;
}

/** Seeds once, even when several processes start together on one empty database. */
export function seedDemo(host: DemoHost): Promise<DemoInfo> {
  return host.store.exclusively(() => seedOnce(host));
}

async function seedOnce(host: DemoHost): Promise<DemoInfo> {
  const { store } = host;
  const info = { projectTitle: DEMO_PROJECT_TITLE, password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS };
  const done = await store.db.selectFrom("settings").select("value").where("key", "=", MARKER).executeTakeFirst();
  if (done) return info;
  const [lead, ...others] = DEMO_ACCOUNTS;
  const leadUser = await createUser(store.db, { ...lead!, password: DEMO_PASSWORD });
  const project = await createProject(store.db, DEMO_PROJECT_TITLE, leadUser.id);
  const ids = new Map<Role, string>();
  for (const account of others) {
    ids.set(account.role, (await createUser(store.db, { ...account, password: DEMO_PASSWORD })).id);
    await addMember(store.db, project.id, account.email, account.role);
  }
  for (const transcript of DEMO_TRANSCRIPTS) {
    await createTranscript(store, { projectId: project.id, createdBy: leadUser.id, ...transcript });
  }
  await seedDemoReview(host, host.workers, project.id, { leadId: leadUser.id, raterId: ids.get("rater")! });
  await store.db.insertInto("settings").values({ key: MARKER, value: new Date().toISOString() }).execute();
  return info;
}
