import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing";

let t: TestApp;
beforeEach(async () => (t = await createTestApp()));
afterEach(async () => t.close());

describe("accounts and sessions", () => {
  it("signs up with a session cookie that is HttpOnly and SameSite", async () => {
    const response = await t.call("POST", "/api/auth/signup", { email: "Ana@Example.org", password: "long enough pw", name: "Ana" });
    expect(response.status).toBe(201);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^concord_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.call("GET", "/api/me", undefined, { cookie: cookie.split(";")[0]! });
    expect(await me.json()).toMatchObject({ user: { email: "ana@example.org", name: "Ana" } });
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await t.call("POST", "/api/auth/signup", { email: "ana@example.org", password: "long enough pw", name: "Ana" });
    const again = await t.call("POST", "/api/auth/signup", { email: "ANA@example.org", password: "other password", name: "A" });
    expect(again.status).toBe(409);
  });

  it("signs in with the right password only, without saying which part was wrong", async () => {
    await t.call("POST", "/api/auth/signup", { email: "ana@example.org", password: "long enough pw", name: "Ana" });
    expect((await t.call("POST", "/api/auth/login", { email: "ana@example.org", password: "long enough pw" })).status).toBe(200);
    const wrong = await t.call("POST", "/api/auth/login", { email: "ana@example.org", password: "not the password" });
    const nobody = await t.call("POST", "/api/auth/login", { email: "nobody@example.org", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await nobody.json());
  });

  it("rejects invalid sign-up data with a message naming the field", async () => {
    const response = await t.call("POST", "/api/auth/signup", { email: "not-an-email", password: "short", name: "" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toMatch(/email|password|name/);
  });

  it("ends the session on logout", async () => {
    const ana = await t.signUp("Ana");
    expect((await t.call("POST", "/api/auth/logout", undefined, ana.cookie)).status).toBe(204);
    expect((await t.call("GET", "/api/me", undefined, ana.cookie)).status).toBe(401);
  });

  it("issues API tokens that authenticate scripts, and rejects unknown ones", async () => {
    const ana = await t.signUp("Ana");
    const created = await t.call("POST", "/api/tokens", { name: "analysis script" }, ana.cookie);
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const me = await t.call("GET", "/api/me", undefined, { authorization: `Bearer ${token}` });
    expect(me.status).toBe(200);
    const forged = await t.call("GET", "/api/me", undefined, { authorization: "Bearer cnc_forged" });
    expect(forged.status).toBe(401);
  });

  it("refuses cookie-authenticated writes from another site (CSRF) but not bearer-token ones", async () => {
    const ana = await t.signUp("Ana");
    const crossSite = await t.call("POST", "/api/projects", { title: "x" }, { ...ana.cookie, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    const fetchSite = await t.call("POST", "/api/projects", { title: "x" }, { ...ana.cookie, "sec-fetch-site": "cross-site" });
    expect(fetchSite.status).toBe(403);
    const sameSite = await t.call("POST", "/api/projects", { title: "x" }, { ...ana.cookie, origin: "http://localhost", host: "localhost" });
    expect(sameSite.status).toBe(201);
    const { token } = (await (await t.call("POST", "/api/tokens", { name: "s" }, ana.cookie)).json()) as { token: string };
    const script = await t.call("POST", "/api/projects", { title: "y" }, { authorization: `Bearer ${token}`, origin: "https://evil.example" });
    expect(script.status).toBe(201);
  });

  it("stores neither passwords nor session secrets in the clear", async () => {
    const ana = await t.signUp("Ana");
    const user = await t.store.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$/);
    const secret = ana.cookie.cookie!.split("=")[1]!;
    const sessions = await t.store.db.selectFrom("sessions").select("token_hash").execute();
    expect(sessions.map((s) => s.token_hash)).not.toContain(secret);
  });
});

describe("password guessing", () => {
  it("answers 429 with Retry-After after repeated failed sign-ins", async () => {
    await t.call("POST", "/api/auth/signup", { email: "guess@example.org", password: "long enough pw", name: "G" });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.call("POST", "/api/auth/login", { email: "guess@example.org", password: `wrong guess ${i}` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const locked = await t.call("POST", "/api/auth/login", { email: "guess@example.org", password: "long enough pw" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("API tokens' lifetime", () => {
  it("refuses an expired token, and a lifetime beyond the maximum", async () => {
    const ana = await t.signUp("Ana");
    const tooLong = await t.call("POST", "/api/tokens", { name: "s", expiresInDays: 366 }, ana.cookie);
    expect(tooLong.status).toBe(400);
    const created = (await (await t.call("POST", "/api/tokens", { name: "s", expiresInDays: 7 }, ana.cookie)).json()) as {
      id: string;
      token: string;
      expiresAt: string;
    };
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.call("GET", "/api/me", undefined, bearer)).status).toBe(200);
    await t.store.db.updateTable("api_tokens").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect((await t.call("GET", "/api/me", undefined, bearer)).status).toBe(401);
    const listed = (await (await t.call("GET", "/api/tokens", undefined, ana.cookie)).json()) as { tokens: unknown[] };
    expect(listed.tokens).toEqual([]);
  });

  it("lets nobody revoke someone else's token", async () => {
    const ana = await t.signUp("Ana");
    const ben = await t.signUp("Ben");
    const { id } = (await (await t.call("POST", "/api/tokens", { name: "s" }, ana.cookie)).json()) as { id: string };
    expect((await t.call("DELETE", `/api/tokens/${id}`, undefined, ben.cookie)).status).toBe(404);
    expect((await t.call("GET", "/api/tokens", undefined, ana.cookie)).status).toBe(200);
    const listed = (await (await t.call("GET", "/api/tokens", undefined, ana.cookie)).json()) as { tokens: unknown[] };
    expect(listed.tokens).toHaveLength(1);
  });

  it("says without email there is no password reset", async () => {
    const response = await t.call("POST", "/api/auth/password-reset", { email: "ana@example.org" });
    expect(response.status).toBe(503);
    expect(await (await t.call("GET", "/api/auth/options")).json()).toEqual({ email: false });
  });
});
