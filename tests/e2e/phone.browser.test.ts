// Every page on a phone (390 × 844, touch) and at 200% zoom (a 1280-wide window zoomed is a
// 640 CSS px viewport): nothing scrolls sideways, every control is at least 44 × 44 CSS px
// (WCAG 2.5.8, links inside running text exempt), axe-core finds nothing, and on the
// transcript page the text starts in the top part of the screen under a one-line status that
// opens by keyboard to show the saving detail; who is here is a sheet of its own. The pages
// reached from emails (an invitation, a password or confirmation link) and a wrong address
// are checked too. Screenshots go to test-artifacts/.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, describeViolations, demoServerAndBrowser, screenshot, signedInPage } from "../helpers/browser";

const CONSULTANT = { email: "consultant@example.org", name: "Jo Mensah" };
const LEAD = { email: "lead@example.org" };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const ZOOMED = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

/** How far the page scrolls sideways (0 when it does not). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The visible controls smaller than 44 × 44 CSS px. A checkbox or radio counts with its label
 * (the label is part of the target); links in running text (inside a <p>) are exempt, as
 * WCAG 2.5.8 allows for inline targets.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>("a[href], button, select, input, textarea, summary, [role='button']");
    for (const control of Array.from(controls)) {
      if (control.closest(".visually-hidden, .skip-link, [hidden]")) continue;
      if (control.tagName === "A" && control.closest("p")) continue;
      const isChoice = control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio");
      const target = (isChoice ? control.closest("label") : null) ?? control;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 44 - 0.5 || box.height < 44 - 0.5) {
        const name = (control.getAttribute("aria-label") ?? control.textContent ?? "").trim().slice(0, 30);
        small.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

type Visit = { name: string; open: (page: Page) => Promise<void> };

const pageNamed = (name: string): Visit => PAGES.find((v) => v.name === name)!;

/** The pages in the order a consultant meets them; each `open` starts from the previous page. */
const PAGES: Visit[] = [
  { name: "project-list", open: async () => {} },
  {
    name: "project",
    open: async (page) => {
      await page.getByRole("link", { name: /Readiness for co-production/ }).click();
      await page.locator(".transcripts__title a").first().waitFor();
    },
  },
  {
    name: "transcripts",
    open: async (page) => {
      await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Transcripts" }).click();
      await page.getByRole("heading", { level: 1, name: "Transcripts" }).waitFor();
    },
  },
  {
    name: "transcript",
    open: async (page) => {
      await page.locator(".transcripts__title a").first().click();
      await page.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
      await page.locator('.connection[data-state="saved"]').waitFor({ state: "attached" });
    },
  },
  {
    name: "people",
    open: async (page) => {
      await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "People" }).click();
      await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    },
  },
  {
    name: "account",
    open: async (page) => {
      await page.getByRole("link", { name: "Account" }).click();
      await page.getByRole("heading", { level: 1, name: /Account|Your account/ }).waitFor();
    },
  },
];

type Findings = { page: string; sideways: number; small: string[]; axe: string };

/** What the person sees first (the top screenful), for looking at; the full page is saved too. */
async function screens(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}-top.png`) });
}

async function check(page: Page, name: string, size: string): Promise<Findings> {
  await screens(page, `phone-${size}-${name}`);
  const violations = await axeViolations(page);
  return { page: name, sideways: await sidewaysScroll(page), small: await smallTargets(page), axe: describeViolations(violations) };
}

/** Visits the sign-in page signed out, then every page signed in, and checks each. */
async function checkEveryPage(browser: Browser, baseUrl: string, options: object, size: string): Promise<Findings[]> {
  const signedOut = await browser.newContext({ baseURL: baseUrl, ...options });
  const signIn = await signedOut.newPage();
  await signIn.goto("/");
  await signIn.getByLabel("Email address").waitFor();
  const findings = [await check(signIn, "sign-in", size)];
  await signedOut.close();

  const page = await signedInPage(browser, baseUrl, CONSULTANT.email, options);
  // Signing in shows the project list at the same address: it must open at its top.
  expect(await page.evaluate(() => window.scrollY), "scrolled down after signing in").toBe(0);
  for (const visit of PAGES) {
    await visit.open(page);
    findings.push(await check(page, visit.name, size));
  }
  await page.context().close();
  return findings;
}

function expectClean(findings: Findings[]) {
  console.log(JSON.stringify(findings, null, 1));
  for (const f of findings) {
    expect(f.sideways, `sideways scroll on the ${f.page} page`).toBe(0);
    expect(f.small, `controls under 44 × 44 px on the ${f.page} page`).toEqual([]);
    expect(f.axe, `axe violations on the ${f.page} page`).toBe("");
  }
}

describe.skipIf(unavailable !== null)("on a phone and at 200% zoom", () => {
  const running = demoServerAndBrowser();

  it("no page scrolls sideways, every control is big enough to touch, and axe finds nothing at 390 px", async () => {
    expectClean(await checkEveryPage(running.browser, running.server.url, PHONE, "390"));
  });

  it("the same at 200% zoom of a 1280-wide window (640 CSS px)", async () => {
    expectClean(await checkEveryPage(running.browser, running.server.url, ZOOMED, "zoom200"));
  });

  it("the lead's People (members, invitations) and Transcripts (adding one) are the same at 390 px", async () => {
    const page = await signedInPage(running.browser, running.server.url, LEAD.email, PHONE);
    await PAGES[1]!.open(page);
    await pageNamed("transcripts").open(page);
    await page.getByRole("heading", { name: "New transcript" }).waitFor();
    const findings = [await check(page, "transcripts-lead", "390")];
    await pageNamed("people").open(page);
    await page.getByRole("heading", { name: "Open invitation links" }).waitFor();
    findings.push(await check(page, "people-lead", "390"));
    expectClean(findings);
    await page.context().close();
  });

  it("the pages people reach from an email, and a wrong address, at 390 px and at 200% zoom", async () => {
    for (const [options, size] of [[PHONE, "390"], [ZOOMED, "zoom200"]] as const) {
      const page = await signedInPage(running.browser, running.server.url, LEAD.email, options);
      const projectPath = (await page.getByRole("link", { name: /Readiness for co-production/ }).getAttribute("href"))!;
      const created = await page.request.post(`/api${projectPath}/invitations`, { data: { role: "consultant", maxUses: 1 } });
      expect(created.status()).toBe(201);
      const { token } = (await created.json()) as { token: string };
      const emailPages: [string, string, RegExp][] = [
        ["invite", `/invite/${token}`, /Join the project/],
        ["verify-email", "/verify-email/a-link-from-an-email", /Confirm my address/],
        ["reset-password", "/reset-password/a-link-from-an-email", /Save new password/],
        ["not-found", "/no-such-page", /Go to your projects/],
      ];
      const findings: Findings[] = [];
      for (const [name, path, ready] of emailPages) {
        await page.goto(path);
        await page.getByText(ready).first().waitFor();
        findings.push(await check(page, name, size));
      }
      expectClean(findings);
      await page.context().close();
    }
  });

  it("the transcript starts near the top, under one status line that opens by keyboard", async () => {
    const page = await signedInPage(running.browser, running.server.url, CONSULTANT.email, PHONE);
    await PAGES[1]!.open(page);
    await pageNamed("transcript").open(page);

    const firstLineTop = await page.locator(".transcript .speaker-turn").first().evaluate((el) => el.getBoundingClientRect().top);
    console.log(`first transcript line at ${Math.round(firstLineTop)} px of 844 (${Math.round((firstLineTop / 844) * 100)}%)`);
    expect(firstLineTop, "first transcript line's top, px from the top of a 844 px screen").toBeLessThan(844 * 0.4);

    // The toolbar fits on one row, at 390 px and at the 375 px of a small phone.
    const toolbar = page.getByRole("group", { name: "Editing tools" });
    expect(await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth), "toolbar overflow at 390 px").toBe(0);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth), "toolbar overflow at 375 px").toBe(0);
    await page.setViewportSize(PHONE.viewport);

    // Folded: one line with how many are here and whether it is saved; who is here is hidden.
    const summary = page.getByRole("button", { name: /here/ });
    await expect.poll(() => summary.textContent()).toMatch(/Saved.*1 here|1 here.*Saved/);
    expect(await summary.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("heading", { name: /Here now/ }).isVisible()).toBe(false);

    // Opened with the keyboard: the full saving detail and the span link button.
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await summary.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator(".connection__title").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy link to selection" }).isVisible()).toBe(true);
    await screens(page, "phone-390-transcript-open");
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.keyboard.press("Space");
    expect(await summary.getAttribute("aria-expanded")).toBe("false");

    // Who is here: the side panel, as a sheet.
    await page.getByRole("button", { name: "Side panel", exact: true }).click();
    await page.getByRole("dialog", { name: "Side panel" }).getByRole("heading", { name: /Here now \(only you\)/ }).waitFor();
    expect(await page.getByTestId("presence-person").first().textContent()).toContain(CONSULTANT.name);
    await page.context().close();
  });
});
