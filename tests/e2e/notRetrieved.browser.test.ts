// Full texts not retrieved in a real browser (PRISMA 2020): the lead marks a record on the
// full-text screen as not retrieved, with a note of what was tried; the second reviewer's
// open page loses it from their full-text list live, and the PRISMA diagram's count of
// reports not retrieved changes there too; the lead's undo brings both back, live again. On a
// desktop and on a 390 px phone; axe-core finds nothing to fix; screenshots go to test-artifacts/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, pageWithCookie, screenshot } from "../helpers/browser";
import { addMember, api, createProject, importRis, signUp } from "../helpers/server";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

const TOPICS = ["peer support", "recovery colleges", "lived experience"];
const RIS = TOPICS.map((topic, i) => `TY  - JOUR\nTI  - ${topic} on acute wards: a qualitative study ${i + 1}\nAU  - Writer${i}, B.\nPY  - ${2016 + i}\nER  - \n`).join("");
/** Long enough for a refetch after a socket message, short enough to fail a page that never hears of it. */
const LIVE_MS = 10_000;

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${describeViolations(violations)}`).toEqual([]);
}

async function openFullText(page: Page, projectId: string): Promise<void> {
  await page.goto(`/projects/${projectId}/review`);
  await page.getByRole("heading", { level: 1, name: "Review" }).waitFor();
  await page.getByRole("button", { name: "Full text", exact: true }).click();
  await page.getByRole("region", { name: "Your screening" }).getByText(/^Record 1 of \d+$/).waitFor();
}

/** The PRISMA diagram's text alternative, which says how many reports were not retrieved. */
const prismaSays = (page: Page) => page.getByRole("region", { name: "Report" }).getByRole("img", { name: /PRISMA 2020 flow diagram/ }).getAttribute("alt");

describe.skipIf(unavailable !== null)("full texts not retrieved", () => {
  const running = demoServerAndBrowser();

  for (const [label, viewport, phone] of [
    ["desktop", { width: 1280, height: 800 }, false],
    ["phone", { width: 390, height: 844 }, true],
  ] as const) {
    it(`the lead marks a full text as not retrieved and undoes it; the second reviewer's page follows live (${label})`, async () => {
      const url = running.server.url;
      const lead = await signUp(url, "Lena Lead");
      const rater = await signUp(url, "Rafa Rater");
      const projectId = await createProject(url, lead.token, `Retrieval review (${label})`);
      await addMember(url, lead.token, projectId, rater.email, "rater");
      expect((await importRis(url, lead.token, projectId, RIS)).status).toBe(201);
      // Every record passes title and abstract screening; both reviewers screen every full text.
      expect((await api(url, lead.token, "POST", `/projects/${projectId}/stages/title_abstract/assignments`, { userId: lead.userId })).status).toBe(201);
      const { records } = (await (await api(url, lead.token, "GET", `/projects/${projectId}/records`)).json()) as { records: { id: string; title: string }[] };
      for (const record of records) {
        expect((await api(url, lead.token, "PUT", `/projects/${projectId}/stages/title_abstract/items/${record.id}/rating`, { decision: "include", submit: true })).status).toBe(200);
      }
      expect((await api(url, lead.token, "POST", `/projects/${projectId}/stages/full_text/assignments`, { userId: rater.userId })).status).toBe(201);

      const leadPage = await pageWithCookie(running.browser, url, lead, viewport, phone);
      const raterPage = await pageWithCookie(running.browser, url, rater, viewport, phone);
      await openFullText(leadPage, projectId);
      await openFullText(raterPage, projectId);
      const raterScreen = raterPage.getByRole("region", { name: "Your screening" });
      await raterScreen.getByText("Record 1 of 3").waitFor();
      await expect.poll(() => prismaSays(raterPage)).toContain("3 reports sought, 0 not retrieved");
      // Only the lead is offered the mark.
      expect(await raterPage.getByRole("form", { name: "Full text not retrieved" }).count()).toBe(0);

      // The lead marks the record on their screen, with a note.
      const leadScreen = leadPage.getByRole("region", { name: "Your screening" });
      const title = (await leadScreen.locator("h3").first().textContent())?.trim() ?? "";
      expect(TOPICS.some((topic) => title.includes(topic)), title).toBe(true);
      const mark = leadPage.getByRole("form", { name: "Full text not retrieved" });
      await mark.getByLabel("Could not get the full text? Note (optional)").fill("Requested from the authors twice, no reply");
      await expectNoAxeViolations(leadPage, "the lead's full-text screen");
      await mark.getByRole("button", { name: "Mark as not retrieved" }).click();
      await mark.getByText(`Marked as not retrieved: ${title}.`).waitFor();
      const leadList = leadPage.getByRole("region", { name: "Full texts not retrieved" });
      await leadList.getByText(`${title} — Requested from the authors twice, no reply`).waitFor();
      await leadScreen.getByText("Record 1 of 2").waitFor();

      // The second reviewer, who did nothing, sees it leave their list and the PRISMA count change.
      await raterScreen.getByText("Record 1 of 2").waitFor({ timeout: LIVE_MS });
      expect(await raterScreen.getByText(title, { exact: true }).count()).toBe(0);
      const raterList = raterPage.getByRole("region", { name: "Full texts not retrieved" });
      await raterList.getByText(`${title} — Requested from the authors twice, no reply`).waitFor({ timeout: LIVE_MS });
      // Only the lead may undo.
      expect(await raterList.getByRole("button", { name: /^Undo/ }).count()).toBe(0);
      await expect.poll(() => prismaSays(raterPage), { timeout: LIVE_MS }).toContain("3 reports sought, 1 not retrieved");
      expect(await raterPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectNoAxeViolations(raterPage, "the second reviewer's page with a report not retrieved");
      await raterList.scrollIntoViewIfNeeded();
      await screenshot(raterPage, `not-retrieved-second-reviewer-${label}`);
      await leadList.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(leadPage, "the lead's list of reports not retrieved");
      await screenshot(leadPage, `not-retrieved-lead-${label}`);

      // The lead's undo: back at full text on both pages, and counted as sought and retrieved again.
      await leadList.getByRole("button", { name: `Undo not retrieved: ${title}` }).click();
      await leadPage.getByText(`Back at full text: ${title}.`).waitFor();
      await leadScreen.getByText("Record 1 of 3").waitFor();
      await raterScreen.getByText("Record 1 of 3").waitFor({ timeout: LIVE_MS });
      await expect.poll(() => raterList.count(), { timeout: LIVE_MS }).toBe(0);
      await expect.poll(() => prismaSays(raterPage), { timeout: LIVE_MS }).toContain("3 reports sought, 0 not retrieved");
      await screenshot(raterPage, `not-retrieved-undone-${label}`);
      await leadPage.context().close();
      await raterPage.context().close();
    });
  }
});
