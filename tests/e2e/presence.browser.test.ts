// Other people's cursors in a real browser against the real server: a person's name tag sits
// beside the text on their caret's line without covering any words (at desktop width and
// 375px), and their caret goes away when their connection does, whether they close the page
// or this device goes offline. Screenshots go to test-artifacts/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, describeViolations, demoServerAndBrowser, screenshot, signedInPage } from "../helpers/browser";

const LEAD = { email: "lead@example.org", name: "Priya Raman" };
const CONSULTANT = { email: "consultant@example.org", name: "Jo Mensah" };

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

/** Opens the demo project's first transcript and waits for the live editor. */
async function openDemoTranscript(page: Page): Promise<string> {
  await page.getByRole("link", { name: /Readiness for co-production/ }).click();
  await page.locator(".transcripts__title a").first().click();
  // The live editor, not the read-only copy shown while the editor loads.
  await page.locator(".transcript:not(.transcript--reading) .speaker-turn").nth(3).waitFor();
  return new URL(page.url()).pathname;
}

/** Puts the caret mid-way along the second line of a long paragraph, under a full line of text. */
async function placeCaretMidText(page: Page) {
  const paragraph = page.locator(".transcript .speaker-turn").nth(3).locator("p").first();
  const box = (await paragraph.boundingBox())!;
  const lineHeight = await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  await page.mouse.click(box.x + box.width / 2, box.y + lineHeight * 1.5);
}

/** The words (text nodes of the transcript) that the caret's name tag covers, and where it is. */
function nameTagPlacement(page: Page, name: string) {
  return page.evaluate((who) => {
    const caret = document.querySelector(`.collaboration-carets__caret[data-user="${who}"]`)!;
    const tag = caret.querySelector(".collaboration-carets__label")!.getBoundingClientRect();
    const bar = caret.getBoundingClientRect();
    const covered: string[] = [];
    const walker = document.createTreeWalker(document.querySelector(".transcript:not(.transcript--reading)")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(".collaboration-carets__caret")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        if (r.right > tag.left && r.left < tag.right && r.bottom > tag.top && r.top < tag.bottom) covered.push(node.textContent!.trim().slice(0, 40));
      }
    }
    const tagMiddle = (tag.top + tag.bottom) / 2;
    return { covered, onCaretLine: tagMiddle > bar.top && tagMiddle < bar.bottom, text: caret.querySelector(".collaboration-carets__label")!.textContent };
  }, name);
}

async function visibleTagText(page: Page, name: string) {
  const tag = page.locator(`.collaboration-carets__caret[data-user="${name}"] .collaboration-carets__label`);
  return tag.evaluate((el) => (el as HTMLElement).innerText);
}

describe.skipIf(unavailable !== null)("other people's cursors", () => {
  const running = demoServerAndBrowser();

  /** The lead and the consultant in one transcript; the lead sees the consultant's caret. */
  async function bothOnOneTranscript() {
    const lead = await signedInPage(running.browser, running.server.url, LEAD.email);
    const consultant = await signedInPage(running.browser, running.server.url, CONSULTANT.email);
    const documentPath = await openDemoTranscript(lead);
    await consultant.goto(documentPath);
    await consultant.locator(".transcript .speaker-turn").nth(3).waitFor();
    await placeCaretMidText(consultant);
    const consultantCaret = lead.locator(`.collaboration-carets__caret[data-user="${CONSULTANT.name}"]`);
    await consultantCaret.waitFor();
    return { lead, consultant, consultantCaret };
  }

  it("show a name tag on the caret's line that covers no text, and disappear when that person leaves", async () => {
    const { lead, consultant, consultantCaret } = await bothOnOneTranscript();

    const wide = await nameTagPlacement(lead, CONSULTANT.name);
    expect(wide.covered, "text under the name tag").toEqual([]);
    expect(wide.onCaretLine).toBe(true);
    expect(await visibleTagText(lead, CONSULTANT.name)).toBe(CONSULTANT.name);
    const violations = await axeViolations(lead);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(lead, "presence-name-tag");

    // On a phone the tag holds the initials, in the narrower margin.
    await lead.setViewportSize({ width: 375, height: 740 });
    await placeCaretMidText(consultant);
    // The narrower layout may mount the editor afresh: the caret is drawn again once it has.
    await consultantCaret.waitFor();
    const narrow = await nameTagPlacement(lead, CONSULTANT.name);
    expect(narrow.covered, "text under the name tag at 375px").toEqual([]);
    expect(narrow.onCaretLine).toBe(true);
    expect(await visibleTagText(lead, CONSULTANT.name)).toBe("JM");
    const narrowViolations = await axeViolations(lead);
    expect(narrowViolations, describeViolations(narrowViolations)).toEqual([]);
    await consultantCaret.scrollIntoViewIfNeeded();
    await lead.screenshot({ path: `${ARTIFACTS_DIR}/presence-name-tag-375.png` });

    // Closing the page: the caret and the entry in "Here now" go.
    await consultant.context().close();
    await consultantCaret.waitFor({ state: "detached" });
    await lead.getByTestId("presence-person").filter({ hasText: CONSULTANT.name }).waitFor({ state: "detached" });
    await lead.context().close();
  });

  it("are cleared when this device's own connection drops", async () => {
    const { lead, consultant, consultantCaret } = await bothOnOneTranscript();

    // A stale cursor would say someone is at a place they may long have left.
    await lead.context().setOffline(true);
    await lead.locator('.connection[data-state="offline"]').waitFor();
    await consultantCaret.waitFor({ state: "detached" });
    // Back online, the consultant shows again once they move (and was never dropped for others).
    await lead.context().setOffline(false);
    await lead.locator('.connection[data-state="saved"]').waitFor();
    await placeCaretMidText(consultant);
    await consultantCaret.waitFor();
    await lead.context().close();
    await consultant.context().close();
  });
});
