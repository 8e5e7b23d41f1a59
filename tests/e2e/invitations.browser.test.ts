// The lead's invitation links in a real browser: the open links with their use and maker,
// single- or multi-use links, Revoke, no lead role on offer, a note when the link only opens
// on this computer, and a co-lead added by email only after a confirmation. Every page here
// and a live transcript run under the Content-Security-Policy without a single violation.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS_DIR,
  axeViolations,
  browserUnavailableReason,
  describeViolations,
  launchBrowser,
  screenshot,
  signIn,
  startDemoServer,
  watchCspViolations,
} from "../helpers/browser";
import { discard, type ServerProcess } from "../helpers/server";

const DEMO_PROJECT = "Readiness for co-production (demo)";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== null)("invitation links in the browser", () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    cspViolations = await watchCspViolations(context);
    page = await signIn(await context.newPage(), "lead@example.org");
    await page.getByRole("link", { name: new RegExp(DEMO_PROJECT.replace(/[()]/g, "\\$&")) }).click();
    await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "People" }).click();
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await discard(server);
  });

  const openLinks = () => page.locator('section[aria-labelledby="links-heading"] li');

  it("creates single- and multi-use links, lists them and revokes one", async () => {
    await page.getByText("No invitation links are open.").waitFor();
    const role = page.locator("#invite-heading ~ .field select");
    expect(await role.locator("option").allTextContents()).not.toContain("Lead researcher");

    await role.selectOption("rater");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = page.getByLabel("Invitation link for Second rater");
    expect(await link.inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[^/]+$/);
    await page.getByText("This link only opens on this computer").waitFor();
    await openLinks().filter({ hasText: "0 of 1 use · made by Priya Raman" }).waitFor();

    await role.selectOption("viewer");
    await page.getByLabel("Several people").check();
    await page.getByLabel("How many people").fill("3");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await page.getByLabel("Invitation link for Viewer").waitFor();
    await openLinks().filter({ hasText: "0 of 3 uses" }).waitFor();
    expect(await openLinks().count()).toBe(2);

    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "invitations-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    // Only the section: a whole 390 px page is too tall to look at.
    await page.locator("main").screenshot({ path: path.join(ARTIFACTS_DIR, "invitations-390.png") });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Revoke the Second rater link made by Priya Raman" }).click();
    await openLinks().filter({ hasText: "Second rater" }).waitFor({ state: "detached" });
    expect(await openLinks().count()).toBe(1);
    const after = await axeViolations(page);
    expect(after, describeViolations(after)).toEqual([]);
  });

  it("adds a co-lead by email only after a confirmation", async () => {
    const form = page.locator('form[aria-labelledby="add-member-heading"]');
    await page.getByRole("button", { name: /^Remove.*Sam Ortiz/ }).click();
    await page.getByRole("button", { name: "Yes, remove Sam Ortiz" }).click();
    await page.locator(".member-list__name", { hasText: "Sam Ortiz" }).waitFor({ state: "detached" });
    await form.getByLabel("Their email address").fill("rater@example.org");
    await form.getByLabel("Role").selectOption("lead");
    await form.getByRole("button", { name: "Add to project" }).click();
    const confirmation = page.getByRole("group", { name: "Confirm making rater@example.org a lead researcher" });
    await confirmation.waitFor();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "invitations-confirm-lead");
    expect(await page.locator(".member-list__name", { hasText: "Sam Ortiz" }).count()).toBe(0);
    await confirmation.getByRole("button", { name: "Yes, make rater@example.org a lead" }).click();
    await form.getByText("Sam Ortiz was added as Lead researcher.").waitFor();
  });

  it("the whole client, including a live transcript with someone else's caret, runs without a CSP violation", async () => {
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Overview" }).click();
    await page.locator(".transcripts__title a").first().click();
    // The editor, not the read-only copy shown while it loads.
    await page.locator('.connection[data-state="saved"]').waitFor();
    const documentPath = new URL(page.url()).pathname;
    const otherContext = await browser.newContext({ baseURL: server.url });
    const otherViolations = await watchCspViolations(otherContext);
    const other = await signIn(await otherContext.newPage(), "consultant@example.org");
    await other.goto(documentPath);
    await other.locator('.connection[data-state="saved"]').waitFor();
    // The consultant selects a word, so the lead's page draws a remote caret and selection.
    await other.locator(".transcript:not(.transcript--reading) .speaker-turn p").filter({ hasText: /\w{4,}/ }).first().click({ position: { x: 2, y: 8 } });
    for (let i = 0; i < 6; i++) await other.keyboard.press("Shift+ArrowRight");
    await page.locator(".collaboration-carets__selection").first().waitFor();
    await page.locator(".transcript p").first().click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Checked under the CSP.");
    await page.locator('.connection[data-state="saved"]').waitFor();
    await other.locator(".transcript:not(.transcript--reading)", { hasText: "Checked under the CSP." }).waitFor();
    await screenshot(page, "invitations-document-under-csp");
    await otherContext.close();
    expect([...cspViolations, ...otherViolations]).toEqual([]);
  });
});
