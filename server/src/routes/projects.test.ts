import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing";

let t: TestApp;
beforeEach(async () => (t = await createTestApp()));
afterEach(async () => t.close());

async function projectOf(lead: { cookie: Record<string, string> }, title = "Readiness study") {
  const response = await t.call("POST", "/api/projects", { title }, lead.cookie);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; role: string };
}

describe("projects, members and invitations", () => {
  it("makes the creator the lead and lists only the caller's projects", async () => {
    const lead = await t.signUp("Lead");
    const other = await t.signUp("Other");
    const project = await projectOf(lead);
    expect(project.role).toBe("lead");
    const mine = (await (await t.call("GET", "/api/projects", undefined, lead.cookie)).json()) as { projects: { id: string }[] };
    expect(mine.projects.map((p) => p.id)).toEqual([project.id]);
    const theirs = (await (await t.call("GET", "/api/projects", undefined, other.cookie)).json()) as { projects: unknown[] };
    expect(theirs.projects).toEqual([]);
  });

  it("hides a project from non-members with 404 and from anonymous callers with 401", async () => {
    const lead = await t.signUp("Lead");
    const stranger = await t.signUp("Stranger");
    const project = await projectOf(lead);
    expect((await t.call("GET", `/api/projects/${project.id}`, undefined, stranger.cookie)).status).toBe(404);
    expect((await t.call("GET", `/api/projects/${project.id}`)).status).toBe(401);
    expect((await t.call("GET", `/api/projects/${project.id}/documents`, undefined, stranger.cookie)).status).toBe(404);
  });

  it("lets the lead add an existing account in a role; other roles may not", async () => {
    const lead = await t.signUp("Lead");
    const consultant = await t.signUp("Consultant");
    const rater = await t.signUp("Rater");
    const project = await projectOf(lead);
    const added = await t.call("POST", `/api/projects/${project.id}/members`, { email: consultant.email, role: "consultant" }, lead.cookie);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ userId: consultant.id, role: "consultant" });
    const byConsultant = await t.call("POST", `/api/projects/${project.id}/members`, { email: rater.email, role: "rater" }, consultant.cookie);
    expect(byConsultant.status).toBe(403);
    const twice = await t.call("POST", `/api/projects/${project.id}/members`, { email: consultant.email, role: "viewer" }, lead.cookie);
    expect(twice.status).toBe(409);
    // In the interface's words, not the internal role name; no hint that the lead is not a member.
    expect(((await twice.json()) as { error: { message: string } }).error.message).toBe("Consultant is already a member (Service-user consultant).");
    const unknown = await t.call("POST", `/api/projects/${project.id}/members`, { email: "nobody@example.org", role: "viewer" }, lead.cookie);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("No Concord account uses that email address.");
    const badRole = await t.call("POST", `/api/projects/${project.id}/members`, { email: rater.email, role: "owner" }, lead.cookie);
    expect(badRole.status).toBe(400);
    const detail = (await (await t.call("GET", `/api/projects/${project.id}`, undefined, consultant.cookie)).json()) as {
      members: { role: string }[];
    };
    expect(detail.members.map((m) => m.role)).toEqual(["lead", "consultant"]);
  });

  it("shows members' email addresses to the lead only", async () => {
    const lead = await t.signUp("Lead");
    const consultant = await t.signUp("Consultant");
    const supervisor = await t.signUp("Supervisor");
    const project = await projectOf(lead);
    for (const [who, role] of [[consultant, "consultant"], [supervisor, "supervisor"]] as const) {
      await t.call("POST", `/api/projects/${project.id}/members`, { email: who.email, role }, lead.cookie);
    }
    type Detail = { members: { name: string; email?: string }[] };
    const asLead = (await (await t.call("GET", `/api/projects/${project.id}`, undefined, lead.cookie)).json()) as Detail;
    expect(asLead.members.map((m) => m.email)).toEqual([lead.email, consultant.email, supervisor.email]);
    for (const other of [consultant, supervisor]) {
      const seen = (await (await t.call("GET", `/api/projects/${project.id}`, undefined, other.cookie)).json()) as Detail;
      expect(seen.members.map((m) => m.name)).toEqual(["Lead", "Consultant", "Supervisor"]);
      expect(seen.members.some((m) => "email" in m)).toBe(false);
    }
  });

  it("joins through an invitation link in the role it carries", async () => {
    const lead = await t.signUp("Lead");
    const supervisor = await t.signUp("Supervisor");
    const project = await projectOf(lead);
    const created = await t.call("POST", `/api/projects/${project.id}/invitations`, { role: "supervisor" }, lead.cookie);
    expect(created.status).toBe(201);
    const { url, token } = (await created.json()) as { url: string; token: string };
    expect(url).toMatch(new RegExp(`/invite/${token}$`));
    const info = await t.call("GET", `/api/invitations/${token}`, undefined, supervisor.cookie);
    expect(await info.json()).toMatchObject({ projectId: project.id, projectTitle: "Readiness study", role: "supervisor" });
    expect((await t.call("POST", `/api/invitations/${token}/accept`)).status).toBe(401);
    const accepted = await t.call("POST", `/api/invitations/${token}/accept`, undefined, supervisor.cookie);
    expect(await accepted.json()).toEqual({ projectId: project.id, role: "supervisor" });
    expect((await t.call("GET", `/api/projects/${project.id}`, undefined, supervisor.cookie)).status).toBe(200);
    expect((await t.call("GET", "/api/invitations/not-a-real-token")).status).toBe(404);
  });

  it("lets only the lead create invitations", async () => {
    const lead = await t.signUp("Lead");
    const rater = await t.signUp("Rater");
    const project = await projectOf(lead);
    await t.call("POST", `/api/projects/${project.id}/members`, { email: rater.email, role: "rater" }, lead.cookie);
    expect((await t.call("POST", `/api/projects/${project.id}/invitations`, { role: "viewer" }, rater.cookie)).status).toBe(403);
  });

  it("documents the API at /api/openapi.json", async () => {
    const response = await t.call("GET", "/api/openapi.json");
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/auth/signup", "/auth/login", "/me", "/tokens", "/projects", "/projects/{projectId}/members", "/projects/{projectId}/invitations", "/projects/{projectId}/invitations/{invitationId}", "/projects/{projectId}/documents", "/documents/{documentId}/text", "/projects/{projectId}/threads", "/threads/{threadId}/replies", "/threads/{threadId}"]) {
      expect(Object.keys(doc.paths).some((p) => p.endsWith(path))).toBe(true);
    }
  });
});

describe("unknown routes", () => {
  it("answers an unknown API path with a JSON 404, not the web page", async () => {
    const response = await t.call("GET", "/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("changing and removing members", () => {
  it("lets the lead change a role and remove a member, who then loses access", async () => {
    const lead = await t.signUp("Lead");
    const rater = await t.signUp("Rater");
    const project = await projectOf(lead);
    await t.call("POST", `/api/projects/${project.id}/members`, { email: rater.email, role: "rater" }, lead.cookie);
    const changed = await t.call("PATCH", `/api/projects/${project.id}/members/${rater.id}`, { role: "viewer" }, lead.cookie);
    expect(await changed.json()).toMatchObject({ userId: rater.id, role: "viewer" });
    const selfPromote = await t.call("PATCH", `/api/projects/${project.id}/members/${rater.id}`, { role: "lead" }, rater.cookie);
    expect(selfPromote.status).toBe(403);
    expect((await t.call("DELETE", `/api/projects/${project.id}/members/${rater.id}`, undefined, lead.cookie)).status).toBe(204);
    expect((await t.call("GET", `/api/projects/${project.id}`, undefined, rater.cookie)).status).toBe(404);
  });

  it("never leaves a project without a lead", async () => {
    const lead = await t.signUp("Lead");
    const project = await projectOf(lead);
    expect((await t.call("PATCH", `/api/projects/${project.id}/members/${lead.id}`, { role: "viewer" }, lead.cookie)).status).toBe(409);
    expect((await t.call("DELETE", `/api/projects/${project.id}/members/${lead.id}`, undefined, lead.cookie)).status).toBe(409);
  });
});

describe("health", () => {
  it("answers without sign-in once the database can be read", async () => {
    const response = await t.call("GET", "/api/health");
    expect(await response.json()).toEqual({ ok: true, documentsOpen: 0 });
  });
});
