// On a slow link the editor's code is most of the download. The transcript's words come
// first: while that code is held back here, the text is on screen to read (and passes
// axe-core), with a line saying the editor is opening; once it arrives the live editor takes
// over in the same place.
import { describe, expect, it } from "vitest";
import { axeViolations, browserUnavailableReason, describeViolations, demoServerAndBrowser, screenshot, signedInPage } from "../helpers/browser";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== null)("opening a transcript", () => {
  const running = demoServerAndBrowser();

  it("shows the words to read before the editor has loaded", async () => {
    const page = await signedInPage(running.browser, running.server.url, "consultant@example.org");
    await page.getByRole("link", { name: /Readiness for co-production/ }).click();
    const link = page.locator(".transcripts__title a").first();
    await link.waitFor();
    const documentPath = (await link.getAttribute("href"))!;

    // Hold back the editor's code until the reading copy has been checked.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/CollaborativeDocument-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(documentPath);
    const reading = page.getByTestId("transcript-reading");
    await reading.getByText(/^Interviewer: /).first().waitFor();
    await page.getByText("Opening the editor…").waitFor();
    expect(await page.locator(".ProseMirror").count()).toBe(0);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "transcript-reading-while-editor-loads");

    release();
    await page.locator('.transcript[contenteditable="true"] .speaker-turn').first().waitFor();
    await reading.waitFor({ state: "detached" });
    await page.locator('.connection[data-state="saved"]').waitFor();
    await page.context().close();
  });
});
