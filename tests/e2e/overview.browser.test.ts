// The project overview in a real browser: the demo transcripts as a sortable table with their
// words and who changed them last, sorting by keyboard (announced through aria-sort), no axe
// violations on a desktop or a 390 px phone, no sideways scrolling on the phone, and the
// empty state of a new project telling its lead what to do first (and others who will).
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, signedInPage } from "../helpers/browser";

const DEMO_PROJECT = "Readiness for co-production (demo)";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function openProject(page: Page, title: string): Promise<void> {
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** The table's rows as cell texts, in the order shown. */
async function rows(page: Page): Promise<string[][]> {
  return page.locator("table.transcripts tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator('section[aria-labelledby="transcripts-heading"]').screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

describe.skipIf(unavailable !== null)("project overview in the browser", () => {
  const running = demoServerAndBrowser();

  it("lists the demo transcripts with words and last change, and sorts by Words from the keyboard", async () => {
    const page = await signedInPage(running.browser, running.server.url, "lead@example.org");
    await page.setViewportSize({ width: 1280, height: 900 });
    await openProject(page, DEMO_PROJECT);
    const table = page.getByRole("table", { name: /2 transcripts, sorted by title/ });
    await table.waitFor();

    const byTitle = await rows(page);
    expect(byTitle.map((r) => r[0])).toEqual([expect.stringMatching(/^Interview 01 — Maya/), expect.stringMatching(/^Interview 02 — Daniel/)]);
    expect(byTitle.map((r) => r[1])).toEqual(["Maya", "Daniel"]);
    for (const [, , words, lastChanged] of byTitle) {
      expect(Number(words!.replace(/,/g, ""))).toBeGreaterThan(100);
      expect(lastChanged).toMatch(/^Priya Raman, \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    }
    const title = page.getByRole("columnheader", { name: "Title" });
    const words = page.getByRole("columnheader", { name: "Words" });
    expect(await title.getAttribute("aria-sort")).toBe("ascending");
    expect(await words.getAttribute("aria-sort")).toBeNull();

    // From the Title button, two Tabs reach Words (past Participant); Enter sorts, fewest first.
    await title.getByRole("button").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: /sorted by words \(fewest first\)/ }).waitFor();
    expect(await words.getAttribute("aria-sort")).toBe("ascending");
    expect(await title.getAttribute("aria-sort")).toBeNull();
    const fewestFirst = await rows(page);
    expect(fewestFirst.map((r) => r[1])).toEqual(["Daniel", "Maya"]);
    const counts = fewestFirst.map((r) => Number(r[2]!.replace(/,/g, "")));
    expect(counts[0]).toBeLessThan(counts[1]!);
    await page.keyboard.press("Space");
    await page.getByRole("table", { name: /sorted by words \(most first\)/ }).waitFor();
    expect(await words.getAttribute("aria-sort")).toBe("descending");
    expect((await rows(page)).map((r) => r[1])).toEqual(["Maya", "Daniel"]);

    await expectNoAxeViolations(page);
    await shoot(page, "overview-desktop");

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, "overview-390");
    await page.context().close();
  });

  it("tells the lead of a new project what to do first, and a consultant, who cannot add transcripts, who will", async () => {
    const page = await signedInPage(running.browser, running.server.url, "lead@example.org");
    await page.getByLabel("Project name").fill("Pilot interviews");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("heading", { level: 1, name: "Pilot interviews" }).waitFor();
    await page.getByText("No transcripts yet. Add your first interview: paste it or upload a .txt or .docx file.").waitFor();
    expect(await page.locator("table.transcripts").count()).toBe(0);
    await expectNoAxeViolations(page);
    // The first step is one link away: the import form.
    await page.getByRole("link", { name: "Add a transcript" }).click();
    await page.getByRole("heading", { name: "New transcript" }).waitFor();
    await page.getByRole("link", { name: "People" }).click();
    await page.getByLabel("Their email address").fill("consultant@example.org");
    await page.getByRole("button", { name: "Add to project" }).click();
    await page.getByText("Jo Mensah was added").waitFor();
    await page.context().close();

    // Someone who cannot add transcripts is told who does, not asked to do it.
    const consultant = await signedInPage(running.browser, running.server.url, "consultant@example.org");
    await openProject(consultant, "Pilot interviews");
    await consultant.getByText("No transcripts yet. They appear here once a lead researcher or supervisor adds them.").waitFor();
    expect(await consultant.getByText("Add your first interview").count()).toBe(0);
    expect(await consultant.getByRole("link", { name: "Add a transcript" }).count()).toBe(0);
    await consultant.context().close();
  });
});
