// The Account page in a real browser against the real server: reached from the header, it
// makes an API token (shown once), lists and revokes it, changes the password, and signs out
// everywhere; axe-core finds nothing on it in any of those states, at desktop and phone width.
// With email (an in-process SMTP sink), sign-up asks to check the inbox, the confirmation
// link confirms after signing in, and a forgotten password is replaced by link.
// Screenshots go to test-artifacts/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, axeViolations, browserUnavailableReason, describeViolations, launchBrowser, screenshot, signedInPage } from "../helpers/browser";
import { startMailSink, type MailSink } from "../helpers/mailSink";
import { discard, startServer, type ServerProcess } from "../helpers/server";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on the ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

describe.skipIf(unavailable !== null)("the Account page", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, "client/dist/index.html"))) {
      throw new Error("client/dist is missing: run `pnpm build` before the browser tests");
    }
    server = await startServer({ env: { CONCORD_DEMO: "on" } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await discard(server);
  });

  it("manages tokens, the password and every session, with no axe violations", async () => {
    const page = await signedInPage(browser, server.url, "supervisor@example.org");
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.getByText("You have no tokens.").waitFor();
    await expectNoAxeViolations(page, "account page");
    await screenshot(page, "account");

    // A new token is shown once, listed without its secret, and revoked.
    await page.getByLabel("What it is for").fill("coding export script");
    await page.getByLabel("Stops working after").selectOption("30");
    await page.getByRole("button", { name: "Make token" }).click();
    const secret = await page.getByLabel('Your new token "coding export script"').inputValue();
    expect(secret).toMatch(/^cnc_/);
    await page.getByRole("button", { name: "Revoke coding export script" }).waitFor();
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await expectNoAxeViolations(page, "account page with a new token");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "account-390px");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("button", { name: "Revoke coding export script" }).click();
    await page.getByText('"coding export script" no longer works.').waitFor();
    await page.getByText("You have no tokens.").waitFor();
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);

    // Changing the password: a wrong current password changes nothing; the right one keeps this browser in.
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill("a new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("alert").filter({ hasText: "Your current password is not right" }).waitFor();
    await expectNoAxeViolations(page, "account page with an error");
    await page.getByLabel("Current password").fill(DEMO_PASSWORD);
    await page.getByLabel("New password").fill("a new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password is changed.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();

    // Signing out everywhere ends this session too.
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByText("You have been signed out of every browser").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  });
});

describe.skipIf(unavailable !== null)("sign-up and password links when Concord sends email", () => {
  let sink: MailSink;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startServer({ env: { CONCORD_SMTP_URL: sink.url } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await discard(server);
    if (sink) await sink.close();
  });

  it("asks to check the inbox, confirms by link after sign-in, and resets a forgotten password", async () => {
    const email = "new.researcher@uni.example.test";
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill("Ada Okafor");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("my first passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
    await expectNoAxeViolations(page, "check-your-email page");
    await screenshot(page, "sign-up-check-email");

    const confirmation = await sink.waitFor((m) => m.to.includes(email) && /Confirm/.test(m.subject), "confirmation");
    await page.goto(`/verify-email/${confirmation.token("/verify-email/")}`);
    await page.getByText("Sign in to confirm your email address.").waitFor();
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("my first passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Confirm your email address" }).waitFor();
    await expectNoAxeViolations(page, "confirm-address page");
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Your email address is confirmed.").waitFor();
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByText("Your email address is confirmed.").waitFor();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("button", { name: "Forgotten your password?" }).click();
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
    const reset = await sink.waitFor((m) => m.to.includes(email) && /new Concord password/.test(m.subject), "reset link");
    await page.goto(`/reset-password/${reset.token("/reset-password/")}`);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await expectNoAxeViolations(page, "new-password page");
    await screenshot(page, "reset-password");
    await page.getByLabel("New password").fill("my second passphrase");
    await page.getByRole("button", { name: "Save new password and sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
  });
});
