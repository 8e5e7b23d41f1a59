// Discussion and blind double coding in a real browser against the real server. Two people
// on one transcript: the lead starts a thread on selected words, the consultant sees it
// appear without reloading and replies with an @mention, which the lead sees marked as
// theirs; resolve and reopen travel live too, and `?thread=` opens the thread. Then the lead
// starts a blind round on the other transcript in the page, two coders code through the API
// (one renames a code made while blind in the Codes panel; the watching lead may not)
// while the lead (allowed by the project) watches the agreement build up, one marks done, the
// lead reveals, the disagreements are listed, one is settled and one discussed in a thread,
// with the agreement at reveal and after settling. At 390 px the panels fit; axe-core finds
// nothing serious. Screenshots (of the viewport: a full-page capture resizes the window for a
// moment, which swaps the layout and starts the transcript view afresh) go to test-artifacts/.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, signedInPage } from "../helpers/browser";

const LEAD = { email: "lead@example.org", name: "Priya Raman" };
const CONSULTANT = { email: "consultant@example.org", name: "Jo Mensah" };
const SUPERVISOR = { email: "supervisor@example.org", name: "Dr Tom Hale" };
const DEMO_PROJECT = /Readiness for co-production/;

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const violations = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(violations, `axe violations on the ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Opens the demo project's `index`th transcript and waits for the live editor; returns its path. */
async function openDemoTranscript(page: Page, index: number): Promise<string> {
  await page.getByRole("link", { name: DEMO_PROJECT }).click();
  await page.locator(".transcripts__title a").nth(index).click();
  await page.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
  return new URL(page.url()).pathname;
}

async function openPanel(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
}

/** A JSON call with the page's session cookie, as a script would make it. */
async function call<T>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api${path}`, { method, ...(data === undefined ? {} : { data }) });
  const body = await response.text();
  expect(response.status(), `${method} ${path}: ${body}`).toBeLessThan(300);
  return (body ? JSON.parse(body) : null) as T;
}

describe.skipIf(unavailable !== null)("discussion and blind coding in the browser", () => {
  const running = demoServerAndBrowser();

  it("threads appear live, take replies with mentions, resolve and reopen; a blind round is revealed and settled", async () => {
    const lead = await signedInPage(running.browser, running.server.url, LEAD.email, { viewport: { width: 1280, height: 800 } });
    const consultant = await signedInPage(running.browser, running.server.url, CONSULTANT.email, { viewport: { width: 1280, height: 800 } });
    const path = await openDemoTranscript(lead, 0);
    await consultant.goto(path);
    await consultant.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
    await openPanel(consultant, "Discussion");
    await consultant.getByText("No open threads on this transcript.").waitFor();

    // The lead selects the words of the first turn's paragraph and presses the shortcut.
    const paragraph = lead.locator(".transcript:not(.transcript--reading) .speaker-turn p").first();
    await paragraph.click({ position: { x: 4, y: 6 } });
    await lead.keyboard.press("Home");
    await lead.keyboard.press("Shift+End");
    const selected = await lead.evaluate(() => window.getSelection()?.toString() ?? "");
    expect(selected.length).toBeGreaterThan(5);
    await lead.keyboard.press("Control+Alt+KeyM");
    const draft = lead.getByRole("region", { name: "New thread" });
    await draft.waitFor();
    expect((await draft.locator("blockquote").innerText()).trim()).toBe(selected.trim());
    await draft.getByLabel("Start a thread on these words").fill("Is this the moment the role starts to feel real?");
    await draft.getByRole("button", { name: "Start thread" }).click();
    const leadThread = lead.locator(".discussion .thread[data-thread-id]");
    await leadThread.waitFor();
    const threadId = (await leadThread.getAttribute("data-thread-id"))!;

    // The consultant sees it without reloading, with the quoted words, and replies mentioning the lead.
    const thread = consultant.locator(`.thread[data-thread-id="${threadId}"]`);
    await thread.waitFor();
    expect(await thread.locator("blockquote").innerText()).toBe(selected.trim());
    const reply = thread.getByLabel("Reply");
    await reply.click();
    await reply.pressSequentially("I think so, @Pri");
    await thread.getByRole("list", { name: "People to mention" }).getByRole("button", { name: LEAD.name }).click();
    await reply.pressSequentially("what do you remember?");
    await thread.getByRole("button", { name: "Send reply" }).click();

    // The lead sees the reply live, their name marked as a mention of them.
    await leadThread.locator("mark.mention--you", { hasText: `@${LEAD.name}` }).waitFor();
    await leadThread.getByText("Mentions you").waitFor();
    await lead.screenshot({ path: `${ARTIFACTS_DIR}/discussion-desktop.png` });
    await expectNoSeriousAxeViolations(lead, "discussion panel");

    // Resolve on one side, seen resolved on the other; reopened from there.
    await leadThread.getByRole("button", { name: "Resolve" }).click();
    await consultant.getByText("Resolved (1)").waitFor();
    await consultant.getByLabel("Resolved (1)").check();
    await thread.getByRole("button", { name: "Reopen" }).click();
    await lead.getByText("Open (1)").waitFor();

    // A link to the thread opens the discussion on it.
    await consultant.goto(`${path}?thread=${threadId}`);
    await consultant.locator(`.thread--linked[data-thread-id="${threadId}"]`).waitFor();
    expect(await consultant.getByRole("tab", { name: "Discussion" }).getAttribute("aria-selected")).toBe("true");

    // A blind round on the other transcript, started by the lead in the page.
    const supervisor = await signedInPage(running.browser, running.server.url, SUPERVISOR.email);
    const blindPath = await openDemoTranscript(lead, 1);
    const [, projectId, , documentId] = blindPath.split("/").filter(Boolean);
    const code = await call<{ id: string }>(lead, "POST", `/projects/${projectId}/codes`, { name: "Feeling judged", level: "initial" });
    await openPanel(lead, "Coding round");
    await lead.getByRole("checkbox", { name: SUPERVISOR.name }).check();
    await lead.getByRole("checkbox", { name: CONSULTANT.name }).check();
    await lead.getByRole("button", { name: "Start blind coding" }).click();
    await lead.getByTestId("round-coder").filter({ hasText: `${SUPERVISOR.name}: still coding` }).waitFor();

    // The two coders code overlapping words, and one more passage only one of them codes.
    const text = await (await supervisor.request.get(`/api/documents/${documentId}/text`)).text();
    const start = text.indexOf("P: ") + 3;
    await call(supervisor, "POST", `/documents/${documentId}/codings`, { codeId: code!.id, start, end: start + 40 });
    await call(consultant, "POST", `/documents/${documentId}/codings`, { codeId: code!.id, start: start + 12, end: start + 60 });
    const later = text.lastIndexOf("P: ") + 3;
    await call(consultant, "POST", `/documents/${documentId}/codings`, { codeId: code!.id, start: later, end: later + 25 });

    // A coder sees only their own state, and no agreement.
    await consultant.goto(blindPath);
    await consultant.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
    await openPanel(consultant, "Coding round");
    await consultant.getByTestId("coding-blind-note").waitFor();
    expect(await consultant.getByTestId("round-coder").count()).toBe(0);
    expect(await consultant.getByRole("heading", { name: "Agreement", exact: true }).count()).toBe(0);
    await consultant.screenshot({ path: `${ARTIFACTS_DIR}/coding-round-blind-coder.png` });

    // A code the consultant makes while coding blind is theirs to rename in the Codes panel; merging it waits for reveal.
    await call(consultant, "POST", `/projects/${projectId}/codes`, { name: "Held back", level: "initial", documentId });
    await openPanel(consultant, "Codes");
    await consultant.getByRole("button", { name: "Edit Held back" }).click();
    const edit = consultant.getByRole("form", { name: "Edit Held back" });
    await edit.getByLabel("Name", { exact: true }).fill("Holding back");
    await consultant.getByText(/^Made during blind coding: it joins the codebook at reveal/).waitFor();
    expect(await consultant.getByRole("form", { name: "Merge Held back" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(consultant, "editing a code made while coding blind");
    await edit.getByRole("button", { name: "Save" }).click();
    await consultant.locator(".code-row__name", { hasText: /^Holding back$/ }).waitFor();
    await openPanel(consultant, "Coding round");

    // With the project's leave, the lead (who is not coding) watches agreement build up while blind.
    expect(await lead.getByRole("heading", { name: "Agreement", exact: true }).count()).toBe(0);
    await lead.getByRole("checkbox", { name: /A lead who is not coding may watch/ }).check();
    await lead
      .getByTestId("disagreement")
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        // What the panel said instead, for whoever reads the failure.
        throw new Error(`${String(error)}\nThe coding round panel showed:\n${await lead.locator(".blind-round").innerText()}`);
      });
    expect(await lead.getByTestId("agreement-at-reveal").innerText()).toBe("not revealed yet");
    // The watching lead sees the consultant's code as renamed, but it is not theirs to change before reveal.
    await openPanel(lead, "Codes");
    await lead.locator(".code-row__name", { hasText: /^Holding back$/ }).waitFor();
    expect(await lead.getByRole("button", { name: "Edit Holding back" }).count()).toBe(0);
    await openPanel(lead, "Coding round");
    expect(await lead.getByRole("radio", { name: "Keep both" }).count(), "nothing is settled while blind").toBe(0);

    await call(supervisor, "POST", `/documents/${documentId}/done`);
    await lead.getByTestId("round-coder").filter({ hasText: `${SUPERVISOR.name}: done` }).waitFor({ timeout: 15_000 });
    await lead.getByRole("button", { name: "Reveal" }).click();
    await lead.getByTestId("round-revealed").waitFor();
    const codebook = await call<{ codes: { name: string; blindDocumentId?: string }[] }>(lead, "GET", `/projects/${projectId}/codes`);
    const adopted = codebook.codes.find((c) => c.name === "Holding back");
    expect(adopted, "the renamed code joined the codebook at reveal").toBeDefined();
    expect(adopted!.blindDocumentId).toBeUndefined();

    // After reveal: the figures and every disagreement, the pair with both coders' words.
    await lead.getByRole("heading", { name: "Agreement", exact: true }).waitFor();
    const disagreements = lead.getByTestId("disagreement");
    await disagreements.first().waitFor();
    const before = await disagreements.count();
    expect(before).toBeGreaterThanOrEqual(2);
    const pair = disagreements.filter({ hasText: "overlapping" }).first();
    await pair.locator(".thread-anchor__who", { hasText: SUPERVISOR.name }).waitFor();
    await pair.locator(".thread-anchor__who", { hasText: CONSULTANT.name }).waitFor();
    // Fetched again after the reveal (it was shown while watching): the figures kept at reveal.
    await expect.poll(() => lead.getByTestId("agreement-at-reveal").innerText()).toMatch(/%/);
    expect(await lead.getByTestId("agreement-after-settling").innerText()).toBe("nothing settled yet");
    await lead.screenshot({ path: `${ARTIFACTS_DIR}/coding-round-revealed-desktop.png` });
    await expectNoSeriousAxeViolations(lead, "coding round panel");

    await pair.screenshot({ path: `${ARTIFACTS_DIR}/disagreement-desktop.png` });
    await pair.getByRole("radio", { name: "Keep both" }).check();
    await pair.getByRole("button", { name: "Settle" }).click();
    await lead.getByText(`${LEAD.name} kept both codings`).waitFor();
    await expect.poll(() => disagreements.count()).toBe(before - 1);
    expect(await lead.getByTestId("agreement-after-settling").innerText()).toMatch(/%/);

    // The disagreement left is discussed in a thread anchored to it; the discussion opens on it.
    const left = disagreements.first();
    await left.getByRole("button", { name: "Discuss" }).click();
    await left.getByLabel("Discuss this disagreement").fill("Was this one coded on purpose?");
    await left.getByRole("button", { name: "Start thread" }).click();
    const disagreementThread = lead.locator(".thread--linked");
    await disagreementThread.getByText("A disagreement between coders").waitFor();
    await disagreementThread.locator(".thread-anchor__who", { hasText: CONSULTANT.name }).waitFor();
    expect(await lead.getByRole("tab", { name: "Discussion" }).getAttribute("aria-selected")).toBe("true");
    await disagreementThread.screenshot({ path: `${ARTIFACTS_DIR}/disagreement-thread-desktop.png` });

    // A phone: the panels are a sheet, nothing wider than the screen.
    await lead.setViewportSize({ width: 390, height: 844 });
    // The address names a thread, so the sheet opens on it once the page has become a phone's
    // (a frame or two after the resize); opened by hand only if it does not.
    const sheet = lead.getByRole("dialog", { name: "Side panel" });
    const opened = await sheet.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!opened) await lead.locator(".pane-button", { hasText: "Side panel" }).click();
    await sheet.getByRole("tab", { name: "Coding round" }).click();
    await sheet.getByRole("heading", { name: "Agreement", exact: true }).waitFor();
    const { overflow, widest } = await sheet.evaluate((el) => {
      const content = el.querySelector(".sheet__content")!;
      const right = content.getBoundingClientRect().right;
      // What sticks out, so a failure names it.
      const widest = [...content.querySelectorAll("*")]
        .filter((e) => e.getBoundingClientRect().right > right + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`);
      return { overflow: content.scrollWidth - content.clientWidth, widest };
    });
    expect(overflow, `sideways scroll in the sheet: ${widest.join(", ")}`).toBeLessThanOrEqual(0);
    await lead.screenshot({ path: `${ARTIFACTS_DIR}/coding-round-phone.png` });
    await expectNoSeriousAxeViolations(lead, "coding round sheet at 390px");
    await sheet.getByRole("tab", { name: "Discussion" }).click();
    await lead.goto(`${path}?thread=${threadId}`);
    await lead.getByRole("dialog", { name: "Side panel" }).locator(`.thread--linked[data-thread-id="${threadId}"]`).waitFor();
    await lead.screenshot({ path: `${ARTIFACTS_DIR}/discussion-phone.png` });
    await expectNoSeriousAxeViolations(lead, "discussion sheet at 390px");

    for (const page of [lead, consultant, supervisor]) await page.context().close();
  }, 120_000);
});
