// The demo review's report in a real browser: the lead opens Review and finds the PRISMA
// 2020 diagram drawn from the demo's counts (the image loads; its text alternative says what
// it shows), the files for the write-up to download, on a desktop and on a 390 px phone where
// the diagram scrolls within itself and the page never sideways; and the appraisal's
// agreement as the thesis reports it, 97.2% before discussion and 100% after, with the one
// disagreement named by its question, and the kappa paradox explained for the questions it
// applies to. axe-core finds nothing.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, screenshot, signedInPage } from "../helpers/browser";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function openReview(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Readiness for co-production (demo)" }).click();
  await page.getByRole("link", { name: "Review" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Review" }).waitFor();
}

describe.skipIf(unavailable !== null)("the review's report", () => {
  const running = demoServerAndBrowser();

  for (const [label, options] of [
    ["desktop", { viewport: { width: 1280, height: 800 } }],
    ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ] as const) {
    it(`shows the demo review: its PRISMA diagram and files, the appraisal's agreement, and criteria the lead keeps (${label})`, async () => {
      const page = await signedInPage(running.browser, running.server.url, "lead@example.org", options);
      await openReview(page);
      const report = page.getByRole("region", { name: "Report" });
      const diagram = report.getByRole("img", { name: /PRISMA 2020 flow diagram/ });
      await diagram.scrollIntoViewIfNeeded();
      await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(1_000);
      expect(await diagram.getAttribute("alt")).toContain("12 studies included");
      await expect.poll(() => report.getByRole("link", { name: "Appraisal scores per study (Word)" }).getAttribute("href")).toMatch(/\/reports\/appraisal-scores\.docx$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await screenshot(page, `review-report-${label}`);

      await page.getByRole("button", { name: "Appraisal", exact: true }).click();
      const agreement = page.getByRole("region", { name: "Agreement and disagreements" });
      await agreement.getByText("97.2%").waitFor();
      expect(await agreement.locator(".agreement-figures dd").first().textContent()).toBe("97.2%");
      expect(await agreement.locator(".agreement-figures dd").nth(1).textContent()).toBe("100%");
      await agreement.getByRole("heading", { name: /, question 7$/ }).waitFor();
      // The kappa paradox is named where it applies: questions every paper passed (1, 2 and 9 of CASP), not question 7, where the raters differed.
      const note = agreement.getByRole("note").filter({ hasText: "nearly every answer" });
      await note.screenshot({ path: path.join(ARTIFACTS_DIR, `kappa-paradox-${label}.png`) });
      const paradox = await note.textContent();
      for (const n of [1, 2, 9]) expect(paradox).toMatch(new RegExp(`question ${n} \\("[^"]+"\\): 100% agreement, yet kappa cannot be computed`));
      expect(paradox).toContain('question 1 ("Was there a clear statement of the aims of the research?")');
      expect(paradox).not.toContain("question 7 (");
      expect(await agreement.getByRole("button", { name: /^Agree: / }).allTextContents()).toEqual(["Agree: Yes", "Agree: Can't tell", "Agree: No"]);
      await screenshot(page, `review-appraisal-${label}`);

      // The lead keeps the criteria in the page: one added with its keywords, edited in place, then removed again.
      const criteria = page.getByRole("region", { name: "Criteria" });
      await criteria.getByLabel("Criterion").fill(`Published before 1990 (${label})`);
      await criteria.getByLabel("Keywords").fill("archive, historical");
      await criteria.getByRole("button", { name: "Add criterion" }).click();
      await criteria.getByText(`Published before 1990 (${label}) — keywords: archive, historical`).waitFor();
      // Edited in place: the wording and the keywords, the criterion's id kept.
      await criteria.getByRole("button", { name: `Edit “Published before 1990 (${label})”` }).click();
      await criteria.getByLabel("Edit criterion").fill(`Published before 1995 (${label})`);
      await criteria.getByLabel("Edit keywords").fill("archive");
      await criteria.getByRole("button", { name: "Save criterion" }).click();
      await criteria.getByText(`Published before 1995 (${label}) — keywords: archive`).waitFor();
      expect(await criteria.getByText("archive, historical").count()).toBe(0);
      const projectId = new URL(page.url()).pathname.split("/")[2]!;
      const stored = (await (await page.request.get(`/api/projects/${projectId}/criteria`)).json()) as { exclusion: { id: string; text: string }[] };
      expect(stored.exclusion.find((c) => c.text === `Published before 1995 (${label})`)!.id).toBe(`published-before-1990-${label}`);
      await criteria.getByRole("button", { name: `Remove “Published before 1995 (${label})”` }).click();
      await criteria.getByText(`Removed: Published before 1995 (${label}).`).waitFor();
      await expect.poll(() => criteria.getByText(`Published before 1995 (${label}) —`).count()).toBe(0);
      const appraisalViolations = await axeViolations(page);
      expect(appraisalViolations, describeViolations(appraisalViolations)).toEqual([]);
    });
  }
});
