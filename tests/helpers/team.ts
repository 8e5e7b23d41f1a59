// The research team most integration tests start from: a real server, a lead with a project,
// and the other people in the roles the test is about (or signed up but outside the project).
// Also the one way those tests read a JSON answer: its status checked, the body as the message.
import { expect } from "vitest";
import { addMember, createProject, signUp, startServer, type ServerProcess, type TestUser } from "./server";

/** The JSON body of `response`, once its status is `status` (the body is the failure message otherwise). */
export async function expectJson<T>(response: Response | Promise<Response>, status: number): Promise<T> {
  const answer = await response;
  const body = await answer.text();
  expect(answer.status, body).toBe(status);
  return JSON.parse(body) as T;
}

export interface Team<Name extends string> {
  server: ServerProcess;
  lead: TestUser;
  projectId: string;
  members: Record<Name, TestUser>;
}

/**
 * Starts a server and signs up the lead, who creates a project titled `title` and adds each
 * of `members` in its role; a member whose role is null is signed up but kept out.
 */
export async function startTeam<Name extends string>(opts: { lead: string; title?: string; members: Record<Name, { name: string; role: string | null }> }): Promise<Team<Name>> {
  const server = await startServer();
  const lead = await signUp(server.url, opts.lead);
  const projectId = await createProject(server.url, lead.token, opts.title);
  const members = {} as Record<Name, TestUser>;
  for (const [key, { name, role }] of Object.entries(opts.members) as [Name, { name: string; role: string | null }][]) {
    members[key] = await signUp(server.url, name);
    if (role) await addMember(server.url, lead.token, projectId, members[key].email, role);
  }
  return { server, lead, projectId, members };
}
