// Finding 14, against the real server with an in-process SMTP sink: sign-up confirms the
// address by a link and answers the same whether or not the address has an account, and a
// lead adding someone by email reaches the owner of the mailbox, never whoever registered
// the address first.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMailSink, type MailSink } from "../helpers/mailSink";
import { api, createProject, discard, startServer, type ServerProcess } from "../helpers/server";

let sink: MailSink;
let server: ServerProcess;

beforeAll(async () => {
  sink = await startMailSink();
  server = await startServer({ env: { CONCORD_SMTP_URL: sink.url } });
});

afterAll(async () => {
  if (server) await discard(server);
  if (sink) await sink.close();
});

function post(route: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${server.url}/api${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0]!;

async function signInCookie(email: string, password: string): Promise<string> {
  const response = await post("/auth/login", { email, password });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

async function me(cookie: string) {
  const response = await fetch(`${server.url}/api/me`, { headers: { cookie } });
  return { status: response.status, user: response.status === 200 ? ((await response.json()) as { user: { emailVerified: boolean } }).user : null };
}

describe("finding 14: email addresses are confirmed before they receive memberships", () => {
  test("sign-up by link, the same answer for a taken address, and no membership for whoever pre-registered it", async () => {
    // The lead signs up: no session yet, a link to confirm instead; signed in, the link confirms.
    const leadEmail = "lead@uni.example.test";
    const signedUp = await post("/auth/signup", { email: leadEmail, password: "lead's passphrase", name: "Priya" });
    expect(signedUp.status).toBe(202);
    expect(signedUp.headers.get("set-cookie")).toBeNull();
    expect(await (await fetch(`${server.url}/api/auth/options`)).json()).toEqual({ email: true });
    const confirm = await sink.waitFor((m) => m.to.includes(leadEmail), "the lead's confirmation link");
    const leadCookie = await signInCookie(leadEmail, "lead's passphrase");
    expect((await me(leadCookie)).user?.emailVerified).toBe(false);
    expect((await post("/auth/verify-email", { token: confirm.token("/verify-email/") }, leadCookie)).status).toBe(200);
    expect((await me(leadCookie)).user?.emailVerified).toBe(true);

    // Someone registers a colleague's address before she does.
    const colleague = "jo@uni.example.test";
    const squat = await post("/auth/signup", { email: colleague, password: "squatter's secret", name: "Not Jo" });
    const squatBody = await squat.text();
    expect(squat.status).toBe(202);
    const squattersLink = await sink.waitFor((m) => m.to.includes(colleague) && /confirm/i.test(m.subject), "confirmation to Jo's mailbox");
    const squatter = await signInCookie(colleague, "squatter's secret");
    expect((await post("/auth/verify-email/send", {}, leadCookie)).status).toBe(409); // already confirmed
    expect((await post("/auth/verify-email/send", {}, squatter)).status).toBe(202); // a new link, to Jo's mailbox again
    // Opening that link needs the account's password, not just the mailbox: another account cannot use it.
    expect((await post("/auth/verify-email", { token: squattersLink.token("/verify-email/") }, leadCookie)).status).toBe(404);

    // Jo signs up herself: the same answer as for a new address, and an email to her.
    const second = await post("/auth/signup", { email: colleague, password: "jo's own passphrase", name: "Jo" });
    expect(second.status).toBe(squat.status);
    expect(await second.text()).toBe(squatBody);
    const attempt = await sink.waitFor((m) => m.to.includes(colleague) && /tried/i.test(m.subject), "the 'someone tried' email");

    // The lead adds Jo by email: the account is unconfirmed, so Jo's mailbox gets an invitation.
    const lead = leadCookie;
    const projectResponse = await post("/projects", { title: "Co-production study" }, lead);
    const projectId = ((await projectResponse.json()) as { id: string }).id;
    const added = await post(`/projects/${projectId}/members`, { email: colleague, role: "consultant" }, lead);
    expect(added.status).toBe(202);
    expect(await added.json()).toMatchObject({ email: colleague, role: "consultant" });
    const invitation = await sink.waitFor((m) => m.to.includes(colleague) && /invited you/.test(m.subject), "the invitation");
    const squattersProjects = await fetch(`${server.url}/api/projects`, { headers: { cookie: squatter } });
    expect(((await squattersProjects.json()) as { projects: unknown[] }).projects).toEqual([]);

    // Jo takes the account back with the reset link: confirmed, and the squatter is out.
    const reset = await post("/auth/password-reset/complete", { token: attempt.token("/reset-password/"), newPassword: "jo's own passphrase" });
    expect(reset.status).toBe(200);
    const jo = cookieOf(reset);
    expect((await me(jo)).user?.emailVerified).toBe(true);
    expect((await me(squatter)).status).toBe(401);
    expect((await post("/auth/login", { email: colleague, password: "squatter's secret" })).status).toBe(401);
    const joined = await post(`/invitations/${invitation.token("/invite/")}/accept`, {}, jo);
    expect(await joined.json()).toMatchObject({ projectId, role: "consultant" });

    // Now confirmed, Jo is added by email at once.
    const leadToken = ((await (await post("/tokens", { name: "t" }, lead)).json()) as { token: string }).token;
    const another = await createProject(server.url, leadToken, "Second study");
    expect((await api(server.url, leadToken, "POST", `/projects/${another}/members`, { email: colleague, role: "rater" })).status).toBe(201);

    // A password reset request answers the same whether or not the address has an account.
    const known = await post("/auth/password-reset", { email: colleague });
    const unknown = await post("/auth/password-reset", { email: "nobody@uni.example.test" });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    await sink.waitFor((m) => m.to.includes(colleague) && /new Concord password/.test(m.subject), "the reset email");
  });

  test("a stranger cannot fill someone's inbox: at most five emails an hour reach one address, the answers unchanged", async () => {
    const target = "maya@uni.example.test";
    expect((await post("/auth/signup", { email: target, password: "maya's passphrase", name: "Maya" })).status).toBe(202);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post("/auth/password-reset", { email: target })).status);
    expect(new Set(statuses)).toEqual(new Set([202]));
    const toTarget = () => sink.received.filter((m) => m.to.includes(target)).length;
    // Re-checked on every arrival: resolves once five have reached the address.
    await sink.waitFor(() => toTarget() === 5, "five emails to the address");
    // Asked for after all of those: once it has arrived, any sixth would have been sent too.
    await post("/auth/password-reset", { email: "lead@uni.example.test" });
    const probe = sink.received.length;
    await sink.waitFor((m) => m.to.includes("lead@uni.example.test") && sink.received.indexOf(m) >= probe, "a later email to someone else");
    expect(toTarget()).toBe(5);
  });
});

