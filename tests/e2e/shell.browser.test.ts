// The project workspace in a real browser: sections in a sidebar on a desktop and a bottom bar
// on a phone, reached by keyboard with focus on each new page's heading; on a phone the
// transcript's panes are sheets that trap focus, close with Escape and give focus back; a link
// to a span opens the transcript scrolled to it with the span highlighted, "Copy link to
// selection" makes such a link, and an old /documents/ link still arrives. axe-core finds
// nothing on any page at 1280 × 800 or 390 × 844; screenshots of each go to /tmp/shots-shell/.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, signedInPage } from "../helpers/browser";

const SHOTS = "/tmp/shots-shell";
const DEMO_PROJECT = "Readiness for co-production (demo)";
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function expectClean(page: Page, what: string, shot: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  const violations = await axeViolations(page);
  expect(violations, `axe on ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** The element that has the focus, as "tag: text". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el.textContent ?? "").trim().slice(0, 60)}` : "none";
  });
}

async function openDemoProject(page: Page): Promise<void> {
  await page.getByRole("link", { name: /Readiness for co-production/ }).click();
  await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
}

const liveEditor = (page: Page) => page.locator(".transcript:not(.transcript--reading) .speaker-turn").first();

/** The ids in the first transcript's address: /projects/:projectId/transcripts/:documentId. */
async function firstTranscript(page: Page): Promise<{ path: string; projectId: string; documentId: string }> {
  const href = (await page.locator(".transcripts__title a").first().getAttribute("href"))!;
  const [, projectId, documentId] = href.match(/^\/projects\/([^/]+)\/transcripts\/([^/?]+)$/)!;
  return { path: href, projectId: projectId!, documentId: documentId! };
}

/** Where `phrase` is in the transcript's plain text (the offsets a span link uses). */
async function spanOf(page: Page, documentId: string, phrase: string): Promise<{ from: number; to: number }> {
  const text = await (await page.request.get(`/api/documents/${documentId}/text`)).text();
  const from = text.indexOf(phrase);
  expect(from, `"${phrase}" in the transcript`).toBeGreaterThan(0);
  return { from, to: from + phrase.length };
}

/** Whether the element is inside the viewport, top to bottom. */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

async function signedIn(browser: Browser, url: string, email: string, options: object): Promise<Page> {
  return signedInPage(browser, url, email, options);
}

describe.skipIf(unavailable !== null)("the workspace shell", () => {
  const running = demoServerAndBrowser();

  it("on a desktop: a sidebar of sections, reached by keyboard, with focus on each section's heading", async () => {
    const page = await signedIn(running.browser, running.server.url, "lead@example.org", DESKTOP);
    await expectClean(page, "the project list", "1280-projects");
    await openDemoProject(page);
    const nav = page.getByRole("navigation", { name: "Project", exact: true });
    expect(await nav.getByRole("link").allTextContents()).toEqual([DEMO_PROJECT, "Overview", "Transcripts", "Review", "People"]);
    // Sections that do not exist yet are absent, not placeholders.
    for (const absent of ["Codebook", "Memos", "Discussion", "Settings"]) {
      expect(await page.getByRole("link", { name: absent }).count(), absent).toBe(0);
    }
    expect(await nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByRole("navigation", { name: "Project sections" }).count(), "no phone bar on a desktop").toBe(0);
    await expectClean(page, "the overview", "1280-overview");

    // Opened afresh, the first Tab reaches the skip link, which goes past the header and the sidebar.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a: Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // People by keyboard: the section opens with its heading focused, and the link says it is current.
    await nav.getByRole("link", { name: "People" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    await expect.poll(() => focused(page)).toBe("h1: People");
    expect(await nav.getByRole("link", { name: "People" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByLabel("Role of Dr Tom Hale").count()).toBe(1);
    await page.getByRole("heading", { name: "Open invitation links" }).waitFor();
    await expectClean(page, "People", "1280-people");

    await nav.getByRole("link", { name: "Transcripts" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("h1: Transcripts");
    await page.getByRole("heading", { level: 2, name: "New transcript" }).waitFor();
    await expectClean(page, "Transcripts", "1280-transcripts");

    // The transcript: three panes, the sidebar listing the project's transcripts with the open one current.
    const { documentId } = await firstTranscript(page);
    await page.locator(".transcripts__title a").first().click();
    await liveEditor(page).waitFor();
    await page.locator('.connection[data-state="saved"]').waitFor();
    const list = nav.getByRole("region", { name: "Transcripts" });
    expect(await list.getByRole("link").count()).toBe(2);
    expect(await list.locator('a[aria-current="page"]').getAttribute("href")).toContain(documentId);
    const panel = page.getByRole("complementary", { name: "Side panel" });
    await panel.getByTestId("presence-person").filter({ hasText: "Priya Raman" }).waitFor();
    const boxes = await Promise.all([nav, page.locator(".document-layout__editor"), panel].map((l) => l.boundingBox()));
    expect(boxes[0]!.x + boxes[0]!.width, "sidebar left of the text").toBeLessThanOrEqual(boxes[1]!.x);
    expect(boxes[1]!.x + boxes[1]!.width, "text left of the side panel").toBeLessThanOrEqual(boxes[2]!.x);
    expect(await page.locator(".transcript-body > .coding-margin").count(), "the margin kept for coding stripes").toBe(1);
    await expectClean(page, "the transcript", "1280-transcript");
    await page.context().close();
  });

  it("on a phone: a bottom bar of sections, and the transcript's panes as sheets that trap focus and close with Escape", async () => {
    const page = await signedIn(running.browser, running.server.url, "consultant@example.org", PHONE);
    await expectClean(page, "the project list at 390 px", "390-projects");
    await openDemoProject(page);
    expect(await page.getByRole("navigation", { name: "Project", exact: true }).count(), "no sidebar on a phone").toBe(0);
    const bar = page.getByRole("navigation", { name: "Project sections" });
    expect(await bar.getByRole("link").allTextContents()).toEqual(["Overview", "Transcripts", "Review", "People"]);
    const barBox = (await bar.boundingBox())!;
    expect(Math.round(barBox.y + barBox.height), "the bar sits at the bottom of the screen").toBe(844);
    for (const box of await bar.getByRole("link").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(44);
    }
    await expectClean(page, "the overview at 390 px", "390-overview");

    await bar.getByRole("link", { name: "People" }).click();
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    // A consultant sees names and roles; managing people is the lead's.
    expect(await page.getByLabel("Role of Dr Tom Hale").count()).toBe(0);
    await expectClean(page, "People at 390 px", "390-people");
    await bar.getByRole("link", { name: "Transcripts" }).click();
    await page.getByRole("heading", { level: 1, name: "Transcripts" }).waitFor();
    await expectClean(page, "Transcripts at 390 px", "390-transcripts");

    await page.locator(".transcripts__title a").first().click();
    await liveEditor(page).waitFor();
    await page.locator('.connection[data-state="saved"]').waitFor({ state: "attached" });
    await expectClean(page, "the transcript at 390 px", "390-transcript");

    for (const [button, title] of [["All transcripts", "Transcripts"], ["Side panel", "Side panel"]] as const) {
      const opener = page.getByRole("button", { name: button, exact: true });
      await opener.focus();
      await page.keyboard.press("Enter");
      const sheet = page.getByRole("dialog", { name: title });
      await sheet.waitFor();
      expect(await sheet.evaluate((el) => el.contains(document.activeElement)), `focus inside the ${title} sheet`).toBe(true);
      // The page behind is inert: Tab and Shift+Tab go round the sheet's own controls.
      for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
        await page.keyboard.press(key);
        expect(await sheet.evaluate((el) => el.contains(document.activeElement)), `focus still inside after ${key}`).toBe(true);
      }
      if (title === "Side panel") await sheet.getByTestId("presence-person").filter({ hasText: "Jo Mensah" }).waitFor();
      else expect(await sheet.getByRole("link").count()).toBe(2);
      await expectClean(page, `the ${title} sheet`, `390-sheet-${button.replace(/ /g, "-").toLowerCase()}`);
      await page.keyboard.press("Escape");
      await sheet.waitFor({ state: "hidden" });
      expect(await opener.evaluate((el) => el === document.activeElement), `focus back on "${button}"`).toBe(true);
    }

    // Another transcript from the sheet: the sheet closes and the new transcript's heading has the focus.
    await page.getByRole("button", { name: "All transcripts" }).click();
    await page.getByRole("dialog", { name: "Transcripts" }).getByRole("link", { name: /Interview 02/ }).click();
    await page.getByRole("heading", { level: 1, name: /Interview 02/ }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^h1: Interview 02/);
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.context().close();
  });

  it("a link to a span opens the transcript scrolled to it with the span highlighted, on a desktop and a phone", async () => {
    for (const [size, options] of [["1280", DESKTOP], ["390", PHONE]] as const) {
      const page = await signedIn(running.browser, running.server.url, "supervisor@example.org", options);
      await openDemoProject(page);
      const { path, documentId } = await firstTranscript(page);
      // Far enough down that the transcript must scroll to show it.
      const phrase = "The next week I raised it in the team meeting";
      const span = await spanOf(page, documentId, phrase);
      await page.goto(`${path}?from=${span.from}&to=${span.to}`);
      await liveEditor(page).waitFor();
      const mark = page.locator(".transcript:not(.transcript--reading) mark.linked-span");
      await mark.first().waitFor();
      expect((await mark.allTextContents()).join("")).toBe(phrase);
      await expect.poll(() => onScreen(page, ".transcript:not(.transcript--reading) mark.linked-span"), { message: "the span is on screen" }).toBe(true);
      expect(await page.evaluate(() => window.scrollY), "the page scrolled down to it").toBeGreaterThan(200);
      await page.getByText("the passage this link points to").waitFor();
      await expectClean(page, `a span link at ${size} px`, `${size}-span-link`);
      await page.context().close();
    }
  });

  it("Copy link to selection makes a link that opens on the selected words", async () => {
    const page = await signedIn(running.browser, running.server.url, "lead@example.org", DESKTOP);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openDemoProject(page);
    await page.locator(".transcripts__title a").nth(1).click();
    await liveEditor(page).waitFor();
    await page.locator('.connection[data-state="saved"]').waitFor();

    // A line of the second turn, selected by keyboard.
    const paragraph = page.locator(".transcript .speaker-turn").nth(1).locator("p").first();
    await paragraph.click();
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    const words = await page.evaluate(() => window.getSelection()!.toString());
    expect(words.length).toBeGreaterThan(10);
    await page.getByRole("button", { name: "Copy link to selection" }).click();
    await page.getByText("Link copied.").waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/projects\/[^/]+\/transcripts\/[^/?]+\?from=\d+&to=\d+$/);

    const reader = await signedIn(running.browser, running.server.url, "consultant@example.org", PHONE);
    await reader.goto(new URL(link).pathname + new URL(link).search);
    const mark = reader.locator(".transcript:not(.transcript--reading) mark.linked-span");
    await mark.first().waitFor();
    expect((await mark.allTextContents()).join("")).toBe(words);
    await reader.context().close();
    await page.context().close();
  });

  it("an old /documents/ link goes on to the transcript in its project, span and all", async () => {
    const page = await signedIn(running.browser, running.server.url, "rater@example.org", DESKTOP);
    await openDemoProject(page);
    const { projectId, documentId } = await firstTranscript(page);
    const phrase = "What helped, if anything?";
    const span = await spanOf(page, documentId, phrase);
    await page.goto(`/documents/${documentId}?from=${span.from}&to=${span.to}`);
    await page.waitForURL(`**/projects/${projectId}/transcripts/${documentId}?from=${span.from}&to=${span.to}`);
    await liveEditor(page).waitFor();
    const mark = page.locator(".transcript:not(.transcript--reading) mark.linked-span");
    await mark.first().waitFor();
    expect((await mark.allTextContents()).join("")).toBe(phrase);
    // The old address was replaced: Back returns to the overview, not to a page that bounces forward again.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/projects/${projectId}`);
    await page.context().close();
  });
});
