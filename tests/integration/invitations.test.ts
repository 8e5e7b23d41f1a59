// Invitation links admit exactly whom the lead meant: single-use unless the lead allows
// more, listed and revocable, withdrawn when their maker stops being a lead, never for the
// lead role, and never a way back in for someone the lead removed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addMember, api, createProject, discard, signUp, startServer, type ServerProcess, type TestUser } from "../helpers/server";

let server: ServerProcess;
let lead: TestUser;
let projectId: string;

beforeAll(async () => {
  server = await startServer();
  lead = await signUp(server.url, "Lead");
  projectId = await createProject(server.url, lead.token);
});

afterAll(async () => {
  if (server) await discard(server);
});

type Created = { id: string; token: string; role: string; maxUses: number; uses: number };

async function createLink(by: TestUser, body: Record<string, unknown>): Promise<Created> {
  const response = await api(server.url, by.token, "POST", `/projects/${projectId}/invitations`, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Created;
}

const accept = (user: TestUser, token: string) => api(server.url, user.token, "POST", `/invitations/${token}/accept`);
const isMember = async (user: TestUser) => (await api(server.url, user.token, "GET", `/projects/${projectId}`)).status === 200;
const remove = (user: TestUser) => api(server.url, lead.token, "DELETE", `/projects/${projectId}/members/${user.userId}`);

async function activeLinks(): Promise<{ id: string; uses: number; maxUses: number; createdBy: { name: string } }[]> {
  const response = await api(server.url, lead.token, "GET", `/projects/${projectId}/invitations`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { invitations: [] }).invitations;
}

async function expectStatus(response: Response, status: number, message?: RegExp) {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  if (message) expect((JSON.parse(body) as { error: { message: string } }).error.message).toMatch(message);
}

describe("invitation links", () => {
  test("a link is single-use by default: the second account is refused", async () => {
    const link = await createLink(lead, { role: "rater" });
    const [first, second, third] = await Promise.all(["Rater A", "Rater B", "Rater C"].map((n) => signUp(server.url, n)));
    await expectStatus(await accept(first!, link.token), 200);
    await expectStatus(await accept(second!, link.token), 410, /already been used/);
    await expectStatus(await accept(third!, link.token), 410);
    expect([await isMember(first!), await isMember(second!), await isMember(third!)]).toEqual([true, false, false]);
    expect(link).toMatchObject({ maxUses: 1, uses: 0 });
    expect((await activeLinks()).map((l) => l.id)).not.toContain(link.id);
  });

  test("a multi-use link admits up to its limit, and a removed member cannot come back through it", async () => {
    const link = await createLink(lead, { role: "viewer", maxUses: 3 });
    const [a, b, c] = await Promise.all(["Viewer A", "Viewer B", "Viewer C"].map((n) => signUp(server.url, n)));
    await expectStatus(await accept(a!, link.token), 200);
    await expectStatus(await accept(a!, link.token), 200); // already a member: no use spent
    expect((await activeLinks()).find((l) => l.id === link.id)).toMatchObject({ uses: 1, maxUses: 3 });
    await expectStatus(await remove(a!), 204);
    await expectStatus(await accept(a!, link.token), 403, /removed from this project/);
    expect(await isMember(a!)).toBe(false);
    await expectStatus(await accept(b!, link.token), 200);
    await expectStatus(await accept(c!, link.token), 200);
    await expectStatus(await accept(await signUp(server.url, "Viewer D"), link.token), 410);
  });

  test("a link cannot carry the lead role; a co-lead is added by email with a confirmation", async () => {
    await expectStatus(
      await api(server.url, lead.token, "POST", `/projects/${projectId}/invitations`, { role: "lead" }),
      400,
      /cannot make someone a lead/,
    );
    const colead = await signUp(server.url, "Co-lead");
    const add = (body: Record<string, unknown>) =>
      api(server.url, lead.token, "POST", `/projects/${projectId}/members`, { email: colead.email, role: "lead", ...body });
    const unconfirmed = await add({});
    await expectStatus(unconfirmed, 409, /Confirm that you want to make this person a lead/);
    expect(await isMember(colead)).toBe(false);
    await expectStatus(await add({ confirm: true }), 201);
  });

  test("a co-lead's links are revoked when they lose the lead role, and they cannot rejoin through them", async () => {
    const colead = await signUp(server.url, "Departing co-lead");
    await expectStatus(
      await api(server.url, lead.token, "POST", `/projects/${projectId}/members`, { email: colead.email, role: "lead", confirm: true }),
      201,
    );
    const demotedLink = await createLink(colead, { role: "supervisor", maxUses: 5 });
    await expectStatus(
      await api(server.url, lead.token, "PATCH", `/projects/${projectId}/members/${colead.userId}`, { role: "supervisor" }),
      200,
    );
    await expectStatus(await accept(await signUp(server.url, "Late supervisor"), demotedLink.token), 410, /withdrawn/);

    await expectStatus(
      await api(server.url, lead.token, "PATCH", `/projects/${projectId}/members/${colead.userId}`, { role: "lead", confirm: true }),
      200,
    );
    const removedLink = await createLink(colead, { role: "consultant", maxUses: 5 });
    await expectStatus(await remove(colead), 204);
    await expectStatus(await accept(colead, removedLink.token), 410, /withdrawn/);
    await expectStatus(await accept(await signUp(server.url, "Late consultant"), removedLink.token), 410);
    expect(await isMember(colead)).toBe(false);
    const ids = (await activeLinks()).map((l) => l.id);
    expect(ids).not.toContain(demotedLink.id);
    expect(ids).not.toContain(removedLink.id);
  });

  test("the lead lists active links and revokes one; other members may do neither", async () => {
    const link = await createLink(lead, { role: "consultant", maxUses: 2 });
    expect((await activeLinks()).find((l) => l.id === link.id)).toMatchObject({ uses: 0, maxUses: 2, createdBy: { name: "Lead" } });
    const member = await signUp(server.url, "Supervisor");
    await addMember(server.url, lead.token, projectId, member.email, "supervisor");
    await expectStatus(await api(server.url, member.token, "GET", `/projects/${projectId}/invitations`), 403);
    await expectStatus(await api(server.url, member.token, "DELETE", `/projects/${projectId}/invitations/${link.id}`), 403);
    await expectStatus(await api(server.url, lead.token, "DELETE", `/projects/${projectId}/invitations/${link.id}`), 204);
    expect((await activeLinks()).map((l) => l.id)).not.toContain(link.id);
    await expectStatus(await accept(await signUp(server.url, "Too late"), link.token), 410, /withdrawn/);
    await expectStatus(await api(server.url, lead.token, "DELETE", `/projects/${projectId}/invitations/no-such-link`), 404);
  });
});
