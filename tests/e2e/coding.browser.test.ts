// Coding in the browser against the real server: the lead codes a span with the quick-code
// palette by keyboard alone and the consultant, in another browser, sees the stripe appear
// live with the code's name on keyboard focus (focus staying on the stripe while more codings
// arrive); the consultant codes from the Codes panel; on a phone the Codes sheet applies a
// code to the words selected before it opened; the codebook's history shows a merge and a split
// made in the Codes panel; a coder writes the note of their own coding from its stripe (N),
// and the other person sees it on focus, live; with the mouse alone from their codings of the
// code in the Codes panel; on a phone from its line's list. axe-core on each; screenshots desktop + phone.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, describeViolations, launchBrowser, screenshot, signedInPage, startDemoServer } from "../helpers/browser";
import { discard, type ServerProcess } from "../helpers/server";

const DEMO_PROJECT = "Readiness for co-production (demo)";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** How long a change may take to reach the other browser (generous: the machine is shared). */
const LIVE_MS = 30_000;

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const violations = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(violations, `axe violations on the ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Opens the demo project's first transcript; returns its project and document ids. */
async function openDemoTranscript(page: Page): Promise<{ projectId: string; documentId: string }> {
  await page.getByRole("link", { name: new RegExp(DEMO_PROJECT.replace(/[()]/g, "\\$&")) }).click();
  await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
  await page.locator(".transcripts__title a").first().click();
  await page.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
  const [, projectId, documentId] = /\/projects\/([^/]+)\/transcripts\/([^/?]+)/.exec(new URL(page.url()).pathname)!;
  return { projectId: projectId!, documentId: documentId! };
}

/** Calls the API from the page, with its session. */
function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** Selects `words` words from the start of the transcript's `line`-th paragraph, by keyboard after a click to place the caret. */
async function selectWords(page: Page, line: number, words: number) {
  const paragraph = page.locator(".transcript:not(.transcript--reading) p").nth(line);
  await paragraph.click({ position: { x: 2, y: 6 } });
  await page.keyboard.press("Home");
  for (let i = 0; i < words; i++) await page.keyboard.press("Control+Shift+ArrowRight");
}

describe.skipIf(unavailable !== null)("coding in the browser", () => {
  let server: ServerProcess;
  let browser: Browser;
  let lead: Page;
  let consultant: Page;
  let ids: { projectId: string; documentId: string };
  const CODE = "Feeling unheard";

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    lead = await signedInPage(browser, server.url, "lead@example.org", DESKTOP);
    consultant = await signedInPage(browser, server.url, "consultant@example.org", DESKTOP);
    ids = await openDemoTranscript(lead);
    await openDemoTranscript(consultant);
    await callApi(lead, "POST", `/api/projects/${ids.projectId}/codes`, { name: CODE, level: "initial" });
    await callApi(lead, "POST", `/api/projects/${ids.projectId}/codes`, { name: "Money worries", level: "focused" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await discard(server);
  });

  it("codes a span with the palette by keyboard, and the other person sees the stripe live with its name on focus", async () => {
    await selectWords(lead, 1, 3);
    await lead.keyboard.press("Control+k");
    const palette = lead.getByRole("dialog", { name: /Apply a code/ });
    await palette.waitFor();
    await lead.keyboard.type("unhea");
    await expect.poll(() => palette.getByRole("option", { selected: true }).textContent()).toBe(CODE);
    await expectNoSeriousAxeViolations(lead, "quick-code palette");
    await screenshot(lead, "coding-palette-desktop");
    const sent = lead.waitForRequest((request) => request.method() === "POST" && request.url().endsWith(`/api/documents/${ids.documentId}/codings`));
    await lead.keyboard.press("Enter");
    await palette.waitFor({ state: "hidden" });
    // The words go as Yjs relative positions made in this page's copy of the text, not as offsets.
    const body = (await sent).postDataJSON() as { anchor?: { start: string; end: string }; start?: number };
    expect(body.anchor?.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(body.start).toBeUndefined();
    // Focus is back in the text (Tiptap gives it back on the next animation frame).
    await expect.poll(() => lead.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);

    const stripe = consultant.locator(`.coding-stripe[aria-label^="${CODE}, coded by Priya Raman"]`);
    await stripe.waitFor({ timeout: LIVE_MS });
    await stripe.focus();
    await expect.poll(() => consultant.getByRole("tooltip").textContent()).toContain(CODE);
    expect(await consultant.locator(".transcript .coding-highlight").count()).toBeGreaterThan(0);
    const focusedId = await stripe.getAttribute("data-coding-id");

    // More codings arriving (a re-layout) leave keyboard focus on the same stripe.
    await callApi(lead, "POST", `/api/documents/${ids.documentId}/codings`, { codeId: await codeId(lead, "Money worries"), start: 13, end: 40 });
    await consultant.locator('.coding-stripe[aria-label^="Money worries"]').waitFor();
    expect(await consultant.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.codingId)).toBe(focusedId);
    await consultant.keyboard.press("Tab");
    await consultant.keyboard.press("Shift+Tab");
    expect(await consultant.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.codingId)).toBe(focusedId);
    await screenshot(consultant, "coding-stripes-desktop");
  });

  it("creates a code from the palette when none matches, and applies it", async () => {
    await selectWords(lead, 7, 2);
    await lead.keyboard.press("Control+k");
    const palette = lead.getByRole("dialog", { name: /Apply a code/ });
    await lead.keyboard.type("Being listened to");
    await expect.poll(() => palette.getByRole("option", { selected: true }).textContent()).toBe("Create code “Being listened to”");
    await lead.keyboard.press("Enter");
    await expect.poll(() => lead.locator(".coding-notice").textContent()).toContain("as Being listened to");
    await consultant.locator('.coding-stripe[aria-label^="Being listened to, coded by Priya Raman"]').waitFor({ timeout: LIVE_MS });
  });

  it("applies a code from the Codes panel, and the coder can remove it again from its stripe with undo", async () => {
    await selectWords(consultant, 3, 2);
    await consultant.getByRole("tab", { name: "Codes" }).click();
    await consultant.getByRole("button", { name: `Apply ${CODE} to the selected words` }).click();
    const mine = consultant.locator(`.coding-stripe[aria-label^="${CODE}, coded by Jo Mensah"]`);
    await mine.waitFor({ timeout: LIVE_MS });
    await expect.poll(() => consultant.getByRole("status").filter({ hasText: "Coded" }).count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(consultant, "transcript with stripes and the Codes panel");
    await screenshot(consultant, "coding-codes-panel-desktop");

    // The lead sees it too.
    await lead.locator(`.coding-stripe[aria-label^="${CODE}, coded by Jo Mensah"]`).waitFor({ timeout: LIVE_MS });

    await mine.focus();
    await consultant.keyboard.press("Delete");
    await mine.waitFor({ state: "detached" });
    await consultant.getByRole("button", { name: "Undo" }).click();
    await mine.waitFor({ timeout: LIVE_MS });
  });

  it("the coder writes the note of their own coding from its stripe by keyboard, and the other person sees it on focus, live", async () => {
    const mine = consultant.locator(`.coding-stripe[aria-label^="${CODE}, coded by Jo Mensah"]`);
    const theirs = lead.locator(`.coding-stripe[aria-label^="${CODE}, coded by Jo Mensah"]`);
    await mine.focus();
    expect(await mine.getAttribute("aria-label")).toContain("N writes its note");
    await consultant.keyboard.press("n");
    const form = consultant.getByRole("form", { name: `Note on your coding of ${CODE}` });
    const box = form.getByLabel(`Note on your coding of ${CODE}`);
    await box.waitFor();
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await consultant.keyboard.type("Said twice, quietly");
    await expectNoSeriousAxeViolations(consultant, "note form beside a stripe");
    await screenshot(consultant, "coding-note-form-desktop");
    await consultant.keyboard.press("Enter");
    await form.waitFor({ state: "detached" });
    // Focus is back on the stripe, which now shows the note.
    await expect.poll(() => consultant.evaluate(() => document.activeElement?.classList.contains("coding-stripe"))).toBe(true);
    await expect.poll(() => consultant.locator(".coding-notice").textContent()).toContain(`Saved the note on a coding of ${CODE}`);
    await expect.poll(() => consultant.getByRole("tooltip").textContent(), { timeout: LIVE_MS }).toContain("Said twice, quietly");

    // The lead sees the note on the consultant's stripe, and it changes live while focused there.
    await theirs.focus();
    await expect.poll(() => lead.getByRole("tooltip").textContent(), { timeout: LIVE_MS }).toContain("Said twice, quietly");
    // Not theirs to write: N opens nothing on someone else's stripe.
    await lead.keyboard.press("n");
    expect(await lead.getByRole("form", { name: /Note on your coding/ }).count()).toBe(0);
    await mine.focus();
    await consultant.keyboard.press("N");
    expect(await box.inputValue()).toBe("Said twice, quietly");
    await box.fill("Said twice, quietly, then laughed");
    await form.getByRole("button", { name: "Save note" }).click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => lead.getByRole("tooltip").textContent(), { timeout: LIVE_MS }).toContain("Said twice, quietly, then laughed");
    await screenshot(lead, "coding-note-tooltip-desktop");
    // Escape leaves the note as it was.
    await mine.focus();
    await consultant.keyboard.press("n");
    await box.fill("Never saved");
    await consultant.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
    const listed = await callApi<{ codings: { coder: { name: string }; note: string }[] }>(consultant, "GET", `/api/documents/${ids.documentId}/codings`);
    expect(listed.codings.filter((c) => c.coder.name === "Jo Mensah").map((c) => c.note)).toContain("Said twice, quietly, then laughed");
    expect(listed.codings.map((c) => c.note)).not.toContain("Never saved");
  });

  it("the coder writes a note with the mouse alone, from their codings of the code in the Codes panel", async () => {
    await consultant.getByRole("tab", { name: "Codes" }).click();
    await consultant.getByLabel(new RegExp(`^Your codings here \\(\\d+\\): ${CODE}$`)).click();
    const noteButton = consultant.getByRole("button", { name: new RegExp(`^Note on your coding of ${CODE}: `) });
    await noteButton.click();
    const form = consultant.getByRole("form", { name: `Note on your coding of ${CODE}` });
    const box = form.getByLabel(`Note on your coding of ${CODE}`);
    // The note written by keyboard earlier is there to change.
    expect(await box.inputValue()).toBe("Said twice, quietly, then laughed");
    await box.fill("Said twice; laughed it off");
    await expectNoSeriousAxeViolations(consultant, "note form in the Codes panel");
    await screenshot(consultant, "coding-note-panel-desktop");
    await form.getByRole("button", { name: "Save note" }).click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => consultant.locator(".your-codings__note").allTextContents(), { timeout: LIVE_MS }).toContain("Said twice; laughed it off");
    // The lead sees the new note on the consultant's stripe.
    await lead.locator(`.coding-stripe[aria-label^="${CODE}, coded by Jo Mensah"]`).hover();
    await expect.poll(() => lead.getByRole("tooltip").textContent(), { timeout: LIVE_MS }).toContain("Said twice; laughed it off");
    // Each lists only their own codings: the lead's list of the code holds the lead's coding, not the consultant's.
    await lead.getByRole("tab", { name: "Codes" }).click();
    await lead.getByLabel(new RegExp(`^Your codings here \\(\\d+\\): ${CODE}$`)).click();
    await lead.getByRole("button", { name: new RegExp(`^Note on your coding of ${CODE}: `) }).waitFor();
    expect((await lead.locator(".your-codings").allTextContents()).join(" ")).not.toContain("laughed it off");
  });

  it("merges a code into another from the Codes panel: its codings move, and the codebook keeps the merge", async () => {
    const merged = "Not listened to";
    const { id: mergedId } = await callApi<{ id: string }>(lead, "POST", `/api/projects/${ids.projectId}/codes`, { name: merged, level: "initial" });
    const text = await lead.evaluate((url) => fetch(url).then((r) => r.text()), `/api/documents/${ids.documentId}/text`);
    const start = text.indexOf("Thanks for making time");
    await callApi(lead, "POST", `/api/documents/${ids.documentId}/codings`, { codeId: mergedId, start, end: start + "Thanks for making time".length });
    await lead.locator(`.coding-stripe[aria-label^="${merged}, coded by"]`).waitFor({ timeout: LIVE_MS });
    await lead.getByRole("tab", { name: "Codes" }).click();
    await lead.getByRole("button", { name: `Edit ${merged}` }).click();
    const form = lead.getByRole("form", { name: `Merge ${merged}` });
    await form.getByLabel("Merge into").selectOption({ label: CODE });
    await form.getByLabel(/^Why/).fill("Same idea, worded twice");
    await form.getByRole("button", { name: "Merge…" }).click();
    await form.getByRole("button", { name: `Yes, merge into ${CODE}` }).click();
    await lead.getByRole("list", { name: "Codebook" }).getByText(merged, { exact: true }).waitFor({ state: "detached" });
    await expect.poll(() => lead.locator(`.coding-stripe[aria-label^="${merged}, coded by"]`).count(), { timeout: LIVE_MS }).toBe(0);
    const { codes } = await callApi<{ codes: { id: string; mergedInto: string | null }[] }>(lead, "GET", `/api/projects/${ids.projectId}/codes`);
    expect(codes.find((c) => c.id === mergedId)?.mergedInto ?? null).toBe(await codeId(lead, CODE));
  });

  it("shows the merge in the codebook's history and in the survivor's own, with who made it and the memo", async () => {
    const panel = lead.locator(".codes-panel");
    const history = panel.locator("details.codes-panel__history");
    await history.locator("summary").click();
    await expect.poll(() => history.textContent()).toContain(`Not listened to merged into ${CODE}`);
    expect(await history.textContent()).toContain("by Priya Raman");
    expect(await history.textContent()).toContain("Same idea, worded twice");
    await lead.getByRole("list", { name: "Codebook" }).locator("summary", { hasText: "History" }).first().waitFor();
    const own = lead.locator(".code-row", { has: lead.locator(".code-row__name", { hasText: new RegExp(`^${CODE}$`) }) }).locator("details.code-history");
    await own.locator("summary").click();
    await expect.poll(() => own.textContent()).toContain(`Not listened to merged into ${CODE}`);
    await expectNoSeriousAxeViolations(lead, "Codes panel with the codebook's history");
    await screenshot(lead, "coding-history-desktop");
  });

  it("splits a code from the Codes panel: the ticked codings go to the new code, the others stay, and the history keeps the split", async () => {
    const split = "Not asked";
    await lead.getByRole("button", { name: `Edit ${CODE}` }).click();
    const form = lead.getByRole("form", { name: `Split ${CODE}` });
    const boxes = form.getByRole("checkbox");
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    const total = await boxes.count();
    // The list tells the coded words and the coder of each.
    expect(await form.textContent()).toContain("coded by Jo Mensah");
    await form.getByLabel("Split off a new code named").fill(split);
    const ticked = form.locator(".code-split__coding", { hasText: "Thanks for making time" });
    await ticked.getByRole("checkbox").check();
    await form.getByLabel(/^Why/).fill("Thanking is not the same as being heard");
    await expectNoSeriousAxeViolations(lead, "split form");
    await screenshot(lead, "coding-split-desktop");
    await form.getByRole("button", { name: "Split…" }).click();
    await form.getByRole("button", { name: "Yes, split 1 coding off" }).click();
    await lead.locator(".code-row__name", { hasText: new RegExp(`^${split}$`) }).waitFor({ timeout: LIVE_MS });
    await form.waitFor({ state: "detached" });
    const newId = await codeId(lead, split);
    const moved = await callApi<{ segments: { text: string }[] }>(lead, "GET", `/api/projects/${ids.projectId}/codes/${newId}/segments`);
    expect(moved.segments.map((s) => s.text)).toEqual(["Thanks for making time"]);
    const kept = await callApi<{ segments: unknown[] }>(lead, "GET", `/api/projects/${ids.projectId}/codes/${await codeId(lead, CODE)}/segments`);
    expect(kept.segments).toHaveLength(total - 1);
    const history = lead.locator("details.codes-panel__history");
    await expect.poll(() => history.textContent(), { timeout: LIVE_MS }).toContain(`${split} split off from ${CODE}`);
    expect(await history.textContent()).toContain("Thanking is not the same as being heard");
  });

  it("on a phone, applies a code from the Codes sheet to the words selected before it opened", async () => {
    const phone = await signedInPage(browser, server.url, "supervisor@example.org", PHONE);
    await openDemoTranscript(phone);
    // The stripes collapse to a bar per line with a count.
    await phone.locator(".coding-line__bar").first().waitFor({ timeout: LIVE_MS });
    await selectWords(phone, 5, 2);
    await phone.getByRole("button", { name: /Codes|Side panel/ }).click();
    const sheet = phone.getByRole("dialog");
    await sheet.getByRole("tab", { name: "Codes" }).click();
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "coding-codes-sheet-phone-viewport.png") });
    await sheet.getByRole("button", { name: "Apply Money worries to the selected words" }).click();
    await expect.poll(() => phone.getByRole("status").filter({ hasText: "Coded" }).textContent()).toContain("Money worries");
    // The codebook's history fits the sheet too.
    await sheet.locator("details.codes-panel__history summary").click();
    await sheet.locator("details.codes-panel__history").getByText(/split off from/).scrollIntoViewIfNeeded();
    await expectNoSeriousAxeViolations(phone, "Codes sheet with the codebook's history");
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "coding-history-phone-viewport.png") });
    await sheet.getByRole("button", { name: "Close" }).click();
    await expect
      .poll(() => phone.locator(".coding-line__bar").evaluateAll((bars) => bars.some((b) => /Money worries/.test(b.getAttribute("aria-label") ?? ""))))
      .toBe(true);
    const bar = phone.locator(".coding-line__bar").first();
    await bar.click();
    await phone.locator(".coding-line__list").waitFor();
    await expectNoSeriousAxeViolations(phone, "phone transcript with coding bars");
    await screenshot(phone, "coding-stripes-phone");
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "coding-stripes-phone-viewport.png") });
    await bar.click();

    // The coder writes the note of the coding just made from its line's list.
    const noteButton = phone.getByRole("button", { name: "Note on your coding of Money worries" });
    // Several lines hold Money worries; the coder's own coding is listed in one of them.
    const bars = phone.locator('.coding-line__bar[aria-label*="Money worries"]');
    for (let i = 0; i < (await bars.count()) && (await noteButton.count()) === 0; i++) {
      await bars.nth(i).click();
      if ((await noteButton.count()) === 0) await bars.nth(i).click();
    }
    await noteButton.click();
    const form = phone.getByRole("form", { name: "Note on your coding of Money worries" });
    await form.getByLabel("Note on your coding of Money worries").fill("Rent, mostly");
    await expectNoSeriousAxeViolations(phone, "the note form on a phone");
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "coding-note-form-phone-viewport.png") });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await form.getByRole("button", { name: "Save note" }).click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => phone.getByRole("status").filter({ hasText: "Saved the note" }).count()).toBeGreaterThan(0);
    const listed = await callApi<{ codings: { coder: { name: string }; note: string }[] }>(phone, "GET", `/api/documents/${ids.documentId}/codings`);
    expect(listed.codings.filter((c) => c.coder.name === "Dr Tom Hale").map((c) => c.note)).toContain("Rent, mostly");
    await phone.context().close();
  });
});

async function codeId(page: Page, name: string): Promise<string> {
  const { codes } = await callApi<{ codes: { id: string; name: string }[] }>(page, "GET", `/api/projects/${new URL(page.url()).pathname.split("/")[2]}/codes`);
  return codes.find((c) => c.name === name)!.id;
}
