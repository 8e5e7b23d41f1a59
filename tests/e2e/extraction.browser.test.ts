// Extraction in a real browser: the lead opens an included study's form in the Review
// section by keyboard, types a field, leaves it, and finds it saved (who changed it shown)
// and in the downloaded study-characteristics CSV; on a desktop and a 390 px phone, where
// the page never scrolls sideways. axe-core finds nothing.
import { describe, expect, it } from "vitest";
import { axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, screenshot, signedInPage } from "../helpers/browser";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== null)("extraction fields per included study", () => {
  const running = demoServerAndBrowser();

  for (const [label, options] of [
    ["desktop", { viewport: { width: 1280, height: 800 } }],
    ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ] as const) {
    it(`fills in a study's sample and finds it in the CSV (${label})`, async () => {
      const page = await signedInPage(running.browser, running.server.url, "lead@example.org", options);
      await page.getByRole("link", { name: "Readiness for co-production (demo)" }).click();
      await page.getByRole("link", { name: "Review" }).first().click();
      const section = page.getByRole("region", { name: "Study characteristics" });
      const first = section.locator("summary").first();
      await first.waitFor();
      // By keyboard: the summary opens its form with Enter.
      await first.focus();
      await page.keyboard.press("Enter");
      const form = section.getByRole("form", { name: "Study 1" });
      const sample = form.getByLabel("Sample");
      await sample.waitFor();
      const value = `${label === "phone" ? 21 : 20} peer workers from three trusts`;
      await sample.focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(value);
      await page.keyboard.press("Tab");
      await form.getByRole("status").getByText("Saved sample.").waitFor();
      await form.getByText(/^Last changed by .+, /).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, `extraction-${label}`);

      const href = await page.getByRole("link", { name: "Study characteristics (CSV)" }).getAttribute("href");
      const csv = await page.evaluate((url) => fetch(url!).then((r) => r.text()), href);
      expect(csv.split("\r\n")[1]).toContain(`,${value},`);
    });
  }
});
