// The lead's appraisal checklists in a real browser: in Review → Appraisal they create a
// checklist from the blank template (name, questions), choose it for new appraisals with the
// keyboard, and edit it into version 2, which the list then shows beside version 1; on a
// desktop and on a 390 px phone where the page never scrolls sideways. axe-core finds nothing.
import { describe, expect, it } from "vitest";
import { axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, screenshot, signedInPage } from "../helpers/browser";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== null)("appraisal checklists", () => {
  const running = demoServerAndBrowser();

  for (const [label, options] of [
    ["desktop", { viewport: { width: 1280, height: 800 } }],
    ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ] as const) {
    it(`the lead creates a checklist, chooses it and publishes a second version (${label})`, async () => {
      const page = await signedInPage(running.browser, running.server.url, "lead@example.org", options);
      await page.getByRole("link", { name: "Readiness for co-production (demo)" }).click();
      await page.getByRole("link", { name: "Review" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Review" }).waitFor();
      await page.getByRole("button", { name: "Appraisal", exact: true }).click();
      const panel = page.getByRole("region", { name: "Appraisal checklists" });
      await panel.getByText("CASP qualitative studies checklist").first().waitFor();

      const name = `Short JBI-like checklist ${label}`;
      await panel.getByRole("button", { name: "New blank checklist" }).click();
      const form = panel.getByRole("form", { name: "New checklist" });
      await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
      await form.getByRole("textbox", { name: "Question 1", exact: true }).fill("Is the philosophical perspective stated?");
      await form.getByRole("button", { name: "Add question" }).click();
      await form.getByRole("textbox", { name: "Question 2", exact: true }).fill("Is the researcher's influence addressed?");
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      await screenshot(page, `checklist-editor-${label}`);
      await form.getByRole("button", { name: "Create checklist" }).click();
      await panel.getByText(`Saved ${name}, version 1.`).waitFor();

      // Chosen with the keyboard: focus the button and press Enter.
      const choose = panel.getByRole("button", { name: `Use for new appraisals: ${name}` });
      await choose.focus();
      await page.keyboard.press("Enter");
      await panel.getByText(`New appraisals now use ${name}.`).waitFor();
      const entry = panel.getByRole("listitem").filter({ hasText: name });
      await entry.getByText("in use").waitFor();

      await entry.getByRole("button", { name: `Edit ${name}` }).click();
      const edit = panel.getByRole("form", { name: `Edit ${name}` });
      await edit.getByRole("textbox", { name: "Question 2", exact: true }).fill("Is the influence of the researcher on the research addressed?");
      await edit.getByRole("button", { name: "Remove answer Unclear" }).click();
      await edit.getByRole("button", { name: "Publish new version" }).click();
      await panel.getByText(`Saved ${name}, version 2.`).waitFor();
      await expect.poll(() => entry.textContent()).toMatch(/Versions: 1 \(.*\); 2 \(/);
      const after = await axeViolations(page);
      expect(after, describeViolations(after)).toEqual([]);
      await screenshot(page, `checklists-${label}`);
      await page.context().close();
    });
  }
});
