// The client in a real browser against the real server: two people edit the same demo
// transcript and see each other's words, names and cursors; a lead adds a transcript and a
// viewer joins by invitation link and gets a read-only editor; edits made offline survive
// closing the page and reach the server later; every page checked passes axe-core.
// Screenshots (including 375px wide) go to test-artifacts/.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS_DIR,
  axeViolations,
  browserUnavailableReason,
  describeViolations,
  launchBrowser,
  screenshot,
  signedInPage,
  startDemoServer,
} from "../helpers/browser";
import { discard, type ServerProcess } from "../helpers/server";

const DEMO_PROJECT = "Readiness for co-production (demo)";
const LEAD = { email: "lead@example.org", name: "Priya Raman" };
const CONSULTANT = { email: "consultant@example.org", name: "Jo Mensah" };

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on the ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Opens the demo project from the project list, then its first transcript; returns the page's path. */
async function openDemoTranscript(page: Page): Promise<string> {
  await page.getByRole("link", { name: new RegExp(DEMO_PROJECT.replace(/[()]/g, "\\$&")) }).click();
  await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
  await page.locator(".transcripts__title a").first().click();
  // The live editor, not the read-only copy shown while the editor loads.
  await page.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
  return new URL(page.url()).pathname;
}

/** Opens the demo project's People section (members, roles, invitations). */
async function openDemoPeople(page: Page): Promise<void> {
  await page.getByRole("link", { name: new RegExp(DEMO_PROJECT.replace(/[()]/g, "\\$&")) }).click();
  await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "People" }).click();
  await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
}

/** Puts the cursor at the end of the first paragraph of the transcript and types `text`. */
async function typeAtEndOfFirstParagraph(page: Page, text: string) {
  // On the paragraph's last line: End goes to the end of a line, and the paragraph may wrap.
  const paragraph = page.locator(".transcript p").first();
  const box = (await paragraph.boundingBox())!;
  await paragraph.click({ position: { x: 4, y: box.height - 6 } });
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

describe.skipIf(unavailable !== null)("collaborative editing in the browser", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await discard(server);
  });

  it("sign-in, project list and project overview have no axe violations", async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await expectNoAxeViolations(page, "sign-in page");
    await screenshot(page, "sign-in");

    const lead = await signedInPage(browser, server.url, LEAD.email);
    await expectNoAxeViolations(lead, "project list");
    await screenshot(lead, "project-list");
    await lead.getByRole("link", { name: /Readiness for co-production/ }).click();
    await lead.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
    await lead.locator(".transcripts__title a").first().waitFor();
    await expectNoAxeViolations(lead, "project page");
    await screenshot(lead, "project");
    await context.close();
    await lead.context().close();
  });

  it("two people see each other's text, names and cursors live", async () => {
    const lead = await signedInPage(browser, server.url, LEAD.email);
    const consultant = await signedInPage(browser, server.url, CONSULTANT.email);
    const documentPath = await openDemoTranscript(lead);
    await consultant.goto(documentPath);
    await consultant.locator(".transcript .speaker-turn").first().waitFor();

    const leadWords = ` [lead-${Date.now().toString(36)}]`;
    const consultantWords = ` [consultant-${Date.now().toString(36)}]`;
    // One after the other: typing while the other's keystrokes are still arriving would put
    // the second caret inside the first person's words, which is fine for people, not for asserts.
    await typeAtEndOfFirstParagraph(lead, leadWords);
    await consultant.locator(".transcript:not(.transcript--reading)", { hasText: leadWords.trim() }).waitFor();
    await typeAtEndOfFirstParagraph(consultant, consultantWords);
    await lead.locator(".transcript:not(.transcript--reading)", { hasText: `${leadWords.trim()}${consultantWords}` }).waitFor();
    // Each sees the other among who is here…
    await lead.getByTestId("presence-person").filter({ hasText: CONSULTANT.name }).waitFor();
    await consultant.getByTestId("presence-person").filter({ hasText: LEAD.name }).waitFor();
    // …and their cursor, labelled with their name.
    await lead.locator(`.collaboration-carets__caret[data-user="${CONSULTANT.name}"]`).waitFor();
    await consultant.locator(`.collaboration-carets__caret[data-user="${LEAD.name}"]`).waitFor();
    // Both end up saved on the server.
    await lead.locator('.connection[data-state="saved"]').waitFor();
    await consultant.locator('.connection[data-state="saved"]').waitFor();

    await expectNoAxeViolations(lead, "document page");
    await screenshot(lead, "document-lead");

    await consultant.setViewportSize({ width: 375, height: 740 });
    await consultant.locator(".transcript:not(.transcript--reading)").waitFor();
    await expectNoAxeViolations(consultant, "document page at 375px");
    await screenshot(consultant, "document-narrow-375");
    await consultant.screenshot({ path: `${ARTIFACTS_DIR}/document-narrow-375-top.png` });

    await lead.context().close();
    await consultant.context().close();
  });

  it("a lead adds a pasted transcript; a viewer invited by link reads it but cannot edit", async () => {
    const lead = await signedInPage(browser, server.url, LEAD.email);
    await lead.getByRole("link", { name: /Readiness for co-production/ }).click();
    // The overview's way in to importing: the form in the Transcripts section, brought into view.
    await lead.getByRole("link", { name: "Add a transcript" }).click();
    await lead.getByRole("heading", { level: 1, name: "Transcripts" }).waitFor();
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toBe("New transcript");

    // New transcript from pasted text in several label styles; the preview shows the turns
    // as they will be stored, flags the line without a label, and lets the lead rename speakers.
    // A file gets the same check; choosing another source makes the check out of date.
    await lead.getByLabel("In a file (.txt or .docx)").check();
    await lead.getByLabel("Transcript file").setInputFiles({
      name: "interview-10.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("INTERVIEWER: Shall we start?\n(00:00:05) Sam: Yes."),
    });
    await lead.getByRole("button", { name: "Check the transcript" }).click();
    await lead.getByText("2 turns from 2 speakers.").waitFor();
    await lead.getByLabel("Speaker “INTERVIEWER”").waitFor();
    await lead.getByLabel("I will paste the text").check();
    await lead.locator(".import-preview").waitFor({ state: "detached" });

    // A title of only spaces gets a message about the title, not the text.
    await lead.getByLabel("Title").fill("   ");
    await lead.getByLabel("Transcript text").fill("I: Hello.");
    await lead.getByRole("button", { name: "Check the transcript" }).click();
    await lead.getByRole("alert").filter({ hasText: "Please give the transcript a title." }).waitFor();

    const title = `Interview 09 – "Robin" ${Date.now().toString(36)}`;
    await lead.getByLabel("Title").fill(title);
    await lead
      .getByLabel("Transcript text")
      .fill("I: How did the pilot go?\nParticipant (Robin): Better than I feared.\nWe learned a lot.\n[00:02:10] Interviewer: What did you learn?\n[P]: To ask early.");
    await lead.getByRole("button", { name: "Check the transcript" }).click();
    const preview = lead.getByRole("heading", { name: "Check the transcript before creating it" });
    await preview.waitFor();
    expect(await preview.evaluate((el) => el === document.activeElement)).toBe(true);
    const previewTurns = lead.locator(".import-preview__turn");
    expect(await previewTurns.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.speaker))).toEqual(["I", "Participant (Robin)", "Interviewer", "P"]);
    await lead.getByText("1 line has no speaker label.").waitFor();
    await lead.getByText("Line 3, kept with Participant (Robin): “We learned a lot.”").waitFor();
    await lead.getByText("1 turn has a timestamp").waitFor();
    await lead.getByLabel("Speaker “I”").fill("Interviewer");
    await lead.getByLabel("Speaker “Participant (Robin)”").fill("Robin");
    await lead.getByLabel("Speaker “P”").fill("Robin");
    expect(await previewTurns.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.speaker))).toEqual(["Interviewer", "Robin", "Interviewer", "Robin"]);
    await lead.getByText("4 turns from 2 speakers.").waitFor();
    await expectNoAxeViolations(lead, "transcript preview");
    await lead.locator(".import-preview").screenshot({ path: `${ARTIFACTS_DIR}/transcript-preview.png` });
    await lead.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(lead, "transcript preview at 390px");
    await screenshot(lead, "transcript-preview-390");
    await lead.locator(".import-preview").screenshot({ path: `${ARTIFACTS_DIR}/transcript-preview-390-detail.png` });
    await lead.setViewportSize({ width: 1280, height: 720 });

    await lead.getByRole("button", { name: "Create transcript" }).click();
    await lead.getByRole("heading", { level: 1, name: title }).waitFor();
    const turns = lead.locator(".transcript .speaker-turn");
    await turns.nth(3).waitFor();
    expect(await turns.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.speaker))).toEqual(["Interviewer", "Robin", "Interviewer", "Robin"]);
    expect(await turns.nth(1).locator("p").count()).toBe(2);

    // The toolbar adds a turn for the next speaker and relabels the turn the cursor is in.
    await turns.nth(1).locator("p").nth(1).click();
    await lead.getByRole("button", { name: "New turn (Interviewer)" }).click();
    await lead.keyboard.type("Thank you.");
    await turns.nth(2).filter({ hasText: "Thank you." }).waitFor();
    await lead.getByLabel("Speaker", { exact: true }).selectOption("Robin");
    await lead.locator('.transcript .speaker-turn[data-speaker="Robin"]', { hasText: "Thank you." }).waitFor();
    await lead.locator('.connection[data-state="saved"]').waitFor();
    const documentPath = new URL(lead.url()).pathname;

    // An invitation link for a viewer, shown with a copy button.
    await lead.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "People" }).click();
    await lead.getByRole("heading", { level: 3, name: "Invite with a link" }).waitFor();
    await lead.locator("#invite-heading ~ .field select").selectOption("viewer");
    await lead.getByRole("button", { name: "Create invitation link" }).click();
    const linkBox = lead.getByLabel("Invitation link for Viewer");
    await linkBox.waitFor();
    const inviteUrl = await linkBox.inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[^/]+$/);
    await lead.getByRole("button", { name: "Copy link" }).waitFor();

    // Someone new opens the link, creates an account, and joins as a viewer.
    const guestContext = await browser.newContext({ baseURL: server.url });
    const guest = await guestContext.newPage();
    await guest.goto(new URL(inviteUrl).pathname);
    await guest.getByText("Sign in or create an account to accept your invitation.").waitFor();
    await guest.getByRole("button", { name: "Create an account" }).click();
    await guest.getByLabel("Your name").fill("Alex Viewer");
    await guest.getByLabel("Email address").fill(`viewer-${Date.now().toString(36)}@example.org`);
    await guest.getByLabel("Password", { exact: true }).fill("a long enough password");
    await guest.getByRole("button", { name: "Create account" }).click();
    await guest.getByRole("button", { name: "Join the project" }).click();
    await guest.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
    // The project is loaded once its h1 shows, so the role-dependent links are settled too.
    await guest.getByText("Your role: Viewer").waitFor();
    expect(await guest.getByRole("link", { name: "Add a transcript" }).count()).toBe(0);

    // The viewer's editor is read-only and says so.
    await guest.goto(documentPath);
    await guest.getByTestId("read-only-note").waitFor();
    await guest.locator('.transcript[contenteditable="false"]').waitFor();
    await guest.locator(".transcript:not(.transcript--reading)", { hasText: "Better than I feared." }).waitFor();
    await expectNoAxeViolations(guest, "read-only document page");
    await screenshot(guest, "document-read-only");

    await guestContext.close();
    await lead.context().close();
  });

  it("edits made offline are kept on the device and sent after reconnecting", async () => {
    const lead = await signedInPage(browser, server.url, LEAD.email);
    const consultant = await signedInPage(browser, server.url, CONSULTANT.email);
    const documentPath = await openDemoTranscript(lead);
    await consultant.setViewportSize({ width: 375, height: 740 });
    await consultant.goto(documentPath);
    await consultant.locator('.connection[data-state="saved"]').waitFor();

    await consultant.context().setOffline(true);
    await consultant.locator('.connection[data-state="offline"]').waitFor();
    const offlineWords = ` [offline-${Date.now().toString(36)}]`;
    await typeAtEndOfFirstParagraph(consultant, offlineWords);
    await consultant.screenshot({ path: `${ARTIFACTS_DIR}/document-offline-375.png` });

    // Close the page while still offline, once IndexedDB has the edit: only the device has it now.
    const documentId = decodeURIComponent(documentPath.split("/").pop() ?? "");
    await consultant.evaluate(waitForOfflineStore, `concord-document-${documentId}`);
    const context = consultant.context();
    await consultant.close();

    await context.setOffline(false);
    const reopened = await context.newPage();
    await reopened.goto(documentPath);
    await lead.locator(".transcript:not(.transcript--reading)", { hasText: offlineWords.trim() }).waitFor();
    await reopened.locator('.connection[data-state="saved"]').waitFor();

    await context.close();
    await lead.context().close();
  });

  it("can be used with the keyboard alone: sign in, open the project and a transcript, type", async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/skip/i);
    // Tab to the email field, then type through the form.
    for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== "email"; i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type("supervisor@example.org");
    await page.keyboard.press("Tab");
    await page.keyboard.type("concord-demo");
    await page.keyboard.press("Enter");
    const projectLink = page.getByRole("link", { name: new RegExp(DEMO_PROJECT.replace(/[()]/g, "\\$&")) });
    await projectLink.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: DEMO_PROJECT }).waitFor();
    await page.locator(".transcripts__title a").first().focus();
    await page.keyboard.press("Enter");
    const editor = page.getByRole("textbox", { name: /^Transcript:/ });
    await editor.waitFor();
    await editor.focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Typed with the keyboard only.");
    await page.locator(".transcript:not(.transcript--reading)", { hasText: "Typed with the keyboard only." }).waitFor();
    await page.locator('.connection[data-state="saved"]').waitFor();
    await context.close();
  });

  it("when the lead makes someone a viewer, their open transcript turns read-only at once", async () => {
    const rater = await signedInPage(browser, server.url, "rater@example.org");
    await openDemoTranscript(rater);
    await rater.locator('.connection[data-state="saved"]').waitFor();
    expect(await rater.getByTestId("read-only-note").count()).toBe(0);

    const lead = await signedInPage(browser, server.url, LEAD.email);
    await openDemoPeople(lead);
    await lead.getByLabel("Role of Sam Ortiz").selectOption("viewer");
    await lead.getByRole("button", { name: "Change role of Sam Ortiz to Viewer" }).click();
    await rater.getByTestId("read-only-note").waitFor();
    expect(await rater.locator(".transcript:not(.transcript--reading)").getAttribute("contenteditable")).toBe("false");

    await lead.getByLabel("Role of Sam Ortiz").selectOption("rater");
    await lead.getByRole("button", { name: "Change role of Sam Ortiz to Second rater" }).click();
    await rater.getByTestId("read-only-note").waitFor({ state: "detached" });
    await rater.context().close();
    await lead.context().close();
  });

  it("a keyboard user browsing roles changes nothing until they choose Change role, then is told what happened", async () => {
    const lead = await signedInPage(browser, server.url, LEAD.email);
    await openDemoPeople(lead);
    const role = lead.getByLabel("Role of Dr Tom Hale");
    await role.focus();
    // Arrow keys on a closed select change its value at once: that alone must not change a role.
    await lead.keyboard.press("ArrowDown");
    expect(await role.inputValue()).toBe("consultant");
    const apply = lead.getByRole("button", { name: "Change role of Dr Tom Hale to Service-user consultant" });
    await apply.waitFor();
    await lead.reload();
    expect(await lead.getByLabel("Role of Dr Tom Hale").inputValue()).toBe("supervisor");

    await lead.getByLabel("Role of Dr Tom Hale").focus();
    await lead.keyboard.press("ArrowDown");
    await lead.keyboard.press("Tab");
    expect(await lead.evaluate(() => document.activeElement?.textContent)).toMatch(/^Change role/);
    await lead.keyboard.press("Enter");
    await lead.getByRole("status").filter({ hasText: "Dr Tom Hale is now a Service-user consultant." }).waitFor();
    await screenshot(lead, "role-changed");
    const violations = await axeViolations(lead);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Making someone a lead asks twice: Change role, then the confirmation.
    await lead.getByLabel("Role of Dr Tom Hale").selectOption("lead");
    await lead.getByRole("button", { name: "Change role of Dr Tom Hale to Lead researcher" }).click();
    await screenshot(lead, "role-change-to-lead");
    await lead.getByRole("group", { name: "Confirm making Dr Tom Hale a lead researcher" }).getByRole("button", { name: "Cancel" }).click();
    expect(await lead.getByLabel("Role of Dr Tom Hale").inputValue()).toBe("consultant");

    await lead.getByLabel("Role of Dr Tom Hale").selectOption("supervisor");
    await lead.getByRole("button", { name: "Change role of Dr Tom Hale to Supervisor" }).click();
    await lead.getByRole("status").filter({ hasText: "Dr Tom Hale is now a Supervisor." }).waitFor();
    expect(await lead.locator(".member-list__email").count()).toBeGreaterThan(0);
    await lead.context().close();
  });

  it("members' email addresses are shown to the lead only", async () => {
    const consultant = await signedInPage(browser, server.url, "consultant@example.org");
    await openDemoPeople(consultant);
    await consultant.locator(".member-list__name", { hasText: "Priya Raman" }).waitFor();
    expect(await consultant.locator(".member-list__email").count()).toBe(0);
    expect(await consultant.content()).not.toContain("@example.org");
    await consultant.context().close();
  });
});

/** Resolves once IndexedDB has finished the pending writes to the document's offline store. */
function waitForOfflineStore(name: string): Promise<number> {
  // A read-only transaction on a store waits for earlier read-write ones on it to finish.
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction("updates", "readonly").objectStore("updates").count();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}
