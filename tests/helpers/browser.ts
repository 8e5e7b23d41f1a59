// Browser helpers for end-to-end tests: the system Chromium through playwright-core, signing
// in as a demo user, axe-core checks and screenshots in test-artifacts/, and the demo server
// with a browser for a file of tests.
import axe from "axe-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { discard, startServer, type ServerProcess } from "./server";

export const CHROMIUM_PATH = process.env.CONCORD_CHROMIUM ?? "/usr/bin/chromium";
export const ARTIFACTS_DIR = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
export const DEMO_PASSWORD = "concord-demo";
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailableReason(): string | null {
  return fs.existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Playwright adds --headless itself; these keep Chromium quiet and offline apart from the app.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** The real server with the demo seeded; it serves the built client from client/dist. */
export async function startDemoServer(): Promise<ServerProcess> {
  if (!fs.existsSync(path.join(REPO_ROOT, "client/dist/index.html"))) {
    throw new Error("client/dist is missing: run `pnpm build` before the browser tests");
  }
  return startServer({ env: { CONCORD_DEMO: "on" } });
}

/**
 * A fresh browser context (own cookies and IndexedDB) signed in as `email`, on the project
 * list; `options` for a phone's viewport, touch and so on.
 */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  return signIn(await context.newPage(), email);
}

/** A fresh context signed in with `who`'s session cookie (an account made through the API); `phone` adds touch at 2×. */
export async function pageWithCookie(browser: Browser, url: string, who: { cookie: string }, viewport: { width: number; height: number }, phone = false): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  const [name, value] = who.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url }]);
  return context.newPage();
}

/** Signs `page` in as the demo account `email`; resolves on the project list. */
export async function signIn(page: Page, email: string): Promise<Page> {
  await page.goto("/");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
  return page;
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown; html: string }[] };

/** Runs axe-core on the page as it is now and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol rather than added as an inline <script>, which
  // Concord's Content-Security-Policy (rightly) refuses.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
}

/** A readable summary for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact ?? "?"} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.html}`).join("\n")}`)
    .join("\n");
}

/** Saves a full-page screenshot to test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Collects every Content-Security-Policy violation in the context's pages (what Chromium
 * reports on the console, and the page's securitypolicyviolation events), for asserting
 * that the policy lets the whole client run.
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * For a file of browser tests: the real server with the demo seeded and one browser, started
 * before the file's tests and stopped after them. Read the fields inside tests.
 */
export function demoServerAndBrowser(): { server: ServerProcess; browser: Browser } {
  const running = {} as { server: ServerProcess; browser: Browser };
  beforeAll(async () => {
    running.server = await startDemoServer();
    running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    if (running.server) await discard(running.server);
  });
  return running;
}
