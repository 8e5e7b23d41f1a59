// Two Concord processes on one database joined by one Redis, as behind a load balancer: a
// lead signed up on the first, a consultant on the second, and a transcript in the lead's
// project that both may edit. For the multi-process tests (PostgreSQL and Redis only).
import { connectSynced, type CollabClient } from "./collab";
import { dropPrefix } from "./redis";
import { addMember, createProject, createTranscript, discard, signUp, startServer, type ServerProcess, type TestUser } from "./server";

export interface TwoProcesses {
  first: ServerProcess;
  second: ServerProcess;
  lead: TestUser;
  consultant: TestUser;
  projectId: string;
  documentId: string;
  /** Opens the transcript on `server` as `user`, synced; closed by `close`. */
  open(server: ServerProcess, user: TestUser): Promise<CollabClient>;
  /** Closes every client, stops both processes and removes their data and Redis keys. */
  close(): Promise<void>;
}

/** Starts both processes, with each one's environment (REDIS_URL, CONCORD_REDIS_PREFIX with `prefix`). */
export async function startTwoProcesses(prefix: string, firstEnv: Record<string, string>, secondEnv: Record<string, string>): Promise<TwoProcesses> {
  const first = await startServer({ env: firstEnv });
  const second = await startServer({ dataDir: first.dataDir, env: secondEnv });
  const lead = await signUp(first.url, "Priya Raman");
  const consultant = await signUp(second.url, "Jo Mensah");
  const projectId = await createProject(first.url, lead.token);
  await addMember(first.url, lead.token, projectId, consultant.email, "consultant");
  const documentId = await createTranscript(second.url, lead.token, projectId, "I: How was the first meeting?\nP: Quiet at first.");
  const clients: CollabClient[] = [];
  return {
    first,
    second,
    lead,
    consultant,
    projectId,
    documentId,
    async open(server, user) {
      const client = await connectSynced(server.url, documentId, user.token);
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      await second.kill();
      await discard(first);
      await dropPrefix(prefix);
    },
  };
}
