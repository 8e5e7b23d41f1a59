// Appraisal in a real browser: a rater appraises a paper with the checklist the API names, by
// keyboard alone (Tab from question to question, the arrow keys within an answer group, Enter
// to open the hints), sees the draft saved as they go and the score and grade before
// submitting; blind until the lead submits, then the item reveals live with the lead's
// answers and comments beside each question, and the disagreement. On a 390 px phone every target is 44 px tall and nothing
// scrolls sideways. axe-core finds nothing to fix; screenshots go to test-artifacts/.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, pageWithCookie } from "../helpers/browser";
import { addMember, api, createProject, importRis, signUp } from "../helpers/server";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

const RIS = ["Nurses' first year: an interview study", "Mentoring new graduates: a focus group study"]
  .map((title, i) => `TY  - JOUR\nTI  - ${title}\nAU  - Writer${i}, B.\nPY  - ${2018 + i}\nER  - \n`)
  .join("");
const SCORED = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, name: (document.activeElement as HTMLInputElement | null)?.name ?? "", value: (document.activeElement as HTMLInputElement | null)?.value ?? "" }));

describe.skipIf(unavailable !== null)("appraisal in the browser", () => {
  const running = demoServerAndBrowser();

  it("a rater appraises a paper by keyboard alone and submits; it reveals when the lead submits; the form fits a phone", async () => {
    const url = running.server.url;
    const lead = await signUp(url, "Lena Lead");
    const rater = await signUp(url, "Rafa Rater");
    const projectId = await createProject(url, lead.token, "Appraisal review");
    await addMember(url, lead.token, projectId, rater.email, "rater");
    expect((await importRis(url, lead.token, projectId, RIS)).status).toBe(201);
    const stage = (name: string) => `/projects/${projectId}/stages/${name}`;
    // The lead screens both papers in at both stages alone, then assigns the rater every paper to appraise.
    for (const name of ["title_abstract", "full_text"]) {
      const { assignments } = (await (await api(url, lead.token, "POST", `${stage(name)}/assignments`, { userId: lead.userId })).json()) as { assignments: { poolSize: number }[] };
      expect(assignments[0]!.poolSize).toBe(2);
      const { items } = (await (await api(url, lead.token, "GET", `${stage(name)}/items`)).json()) as { items: { recordId: string }[] };
      for (const { recordId } of items) expect((await api(url, lead.token, "PUT", `${stage(name)}/items/${recordId}/rating`, { decision: "include", submit: true })).status).toBe(200);
    }
    expect((await api(url, lead.token, "POST", `${stage("appraisal")}/assignments`, { userId: rater.userId })).status).toBe(201);
    const { items } = (await (await api(url, rater.token, "GET", `${stage("appraisal")}/items?mine=true`)).json()) as { items: { recordId: string }[] };
    const [first, second] = items.map((i) => i.recordId) as [string, string];
    // The lead has a draft on the first paper already: nothing of it reaches the rater.
    const leadAnswers = { ...Object.fromEntries(SCORED.map((q) => [q, "yes"])), "q10.a": "yes", "q10.b": "no", "q10.c": "yes" };
    expect((await api(url, lead.token, "PUT", `${stage("appraisal")}/items/${first}/rating`, { answers: leadAnswers, comments: { q6: "Reflexive throughout" }, submit: false })).status).toBe(200);

    const page = await pageWithCookie(running.browser, url, rater, { width: 1280, height: 900 });
    await page.goto(`/projects/${projectId}/review`);
    await page.getByRole("heading", { level: 1, name: "Review" }).waitFor();
    await page.getByRole("button", { name: "Appraisal" }).focus();
    await page.keyboard.press("Enter");
    const screen = page.getByRole("region", { name: "Your appraisal" });
    await screen.getByText("CASP qualitative studies checklist (version 1)").waitFor();
    await screen.getByText("0 of 2 submitted").waitFor();
    expect(await page.getByText(/Lena Lead:|Reflexive throughout/).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Keyboard alone, from the paper's chooser: Tab to question 1's hints, Enter opens them.
    await screen.getByLabel("Paper").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await screen.getByText("What the research set out to find, and why that matters.").waitFor();
    for (const [i, question] of SCORED.entries()) {
      if (i > 0) await page.keyboard.press("Tab"); // question i+1's hints
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ tag: "INPUT", name: `appraise-${first}-${question}` });
      await page.keyboard.press("Space"); // Yes
      if (question === "q6") {
        await page.keyboard.press("ArrowRight"); // Can't tell
        await page.keyboard.press("ArrowRight"); // No
        await page.keyboard.press("ArrowLeft"); // back to Can't tell
      }
      await page.keyboard.press("Tab");
      if (question === "q6") await page.keyboard.type("Reflexivity only touched on");
      if (question === "q1") {
        // Saved as a draft as they go: the server has question 1, not submitted.
        await screen.getByText("Draft saved.").waitFor();
        const own = (await (await api(url, rater.token, "GET", `${stage("appraisal")}/items/${first}`)).json()) as { work: { answers: Record<string, string>; submitted: boolean }[] };
        expect(own.work).toEqual([expect.objectContaining({ answers: { q1: "yes" }, submitted: false })]);
      }
    }
    // Question 10: its hints, then the three prompts, each a radio group of its own (10B answered No).
    await page.keyboard.press("Tab");
    for (const prompt of ["a", "b", "c"]) {
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ name: `appraise-${first}-q10-${prompt}` });
      await page.keyboard.press("Space");
      if (prompt === "b") await page.keyboard.press("ArrowRight");
    }
    await page.keyboard.press("Tab"); // question 10's comment
    const summary = screen.locator(".appraisal-score");
    await summary.getByText(/8\.5 of 9/).waitFor();
    expect(await summary.textContent()).toMatch(/grade A: Low likelihood of methodological flaws/);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "BUTTON" });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "appraisal-1280-before-submit.png"), fullPage: true });
    await page.keyboard.press("Enter");
    await screen.getByText(/You submitted this appraisal\. It reveals once every rater has submitted theirs\./).waitFor();
    await screen.getByText("1 of 2 submitted").waitFor();
    const submitted = (await (await api(url, rater.token, "GET", `${stage("appraisal")}/items/${first}`)).json()) as { revealed: boolean; work: { answers: Record<string, string>; comments: Record<string, string>; submitted: boolean }[] };
    expect(submitted.revealed).toBe(false);
    expect(submitted.work).toEqual([
      expect.objectContaining({
        answers: { ...Object.fromEntries(SCORED.map((q) => [q, q === "q6" ? "cant_tell" : "yes"])), "q10.a": "yes", "q10.b": "no", "q10.c": "yes" },
        comments: { q6: "Reflexivity only touched on" },
        submitted: true,
      }),
    ]);
    expect(await page.getByText(/Lena Lead:|Reflexive throughout/).count()).toBe(0);
    expect(await screen.locator(".appraisal-question__other-comments, .appraisal-question__others").count()).toBe(0);

    // The lead submits: the item reveals on the rater's page without a reload, with the lead's answers and the disagreement on question 6.
    expect((await api(url, lead.token, "PUT", `${stage("appraisal")}/items/${first}/rating`, { answers: leadAnswers, comments: { q6: "Reflexive throughout" }, submit: true })).status).toBe(200);
    await screen.getByText(/the answers are revealed/).waitFor();
    expect(await screen.getByText("Lena Lead: Yes").count()).toBe(11); // questions 1–9, 10A and 10C
    expect(await screen.getByText("Lena Lead: No").count()).toBe(1); // 10B
    // Beside question 6, the lead's comment too, as the item now carries it for the rater; no other question has one.
    const revealedItem = (await (await api(url, rater.token, "GET", `${stage("appraisal")}/items/${first}`)).json()) as { work: { rater: { id: string }; comments: Record<string, string> }[] };
    expect(revealedItem.work.find((w) => w.rater.id === lead.userId)!.comments).toEqual({ q6: "Reflexive throughout" });
    const leadsComments = screen.getByRole("list", { name: "The other raters' comments on question 6" });
    expect(await leadsComments.getByRole("listitem").allTextContents()).toEqual(["Lena Lead commented: Reflexive throughout"]);
    expect(await screen.locator(".appraisal-question__other-comments").count()).toBe(1);
    await leadsComments.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "appraisal-1280-revealed-question6.png") });
    const view = page.getByRole("region", { name: "Agreement and disagreements" });
    await view.getByText("Reflexive throughout", { exact: false }).waitFor();
    // Agreement question by question: one paper revealed, question 6 split, the rest alike.
    const byQuestion = view.getByRole("region", { name: "Agreement by question" });
    const rows = byQuestion.getByRole("row");
    expect(await rows.count()).toBe(10);
    const cells = async (n: number) => (await rows.nth(n).getByRole("cell").allTextContents()).slice(0, 3);
    expect(await rows.nth(6).getByRole("rowheader").textContent()).toMatch(/^6\. Has the relationship between researcher and participants/);
    expect(await cells(6)).toEqual(["1", "0%", "0%"]);
    expect(await cells(1)).toEqual(["1", "100%", "100%"]);
    // The consensus offers the checklist's own answers for the question.
    await view.getByRole("button", { name: "Agree: Can't tell" }).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "appraisal-1280-revealed.png"), fullPage: true });

    // A phone: the second paper, unanswered, with every target a thumb's size.
    const phone = await pageWithCookie(running.browser, url, rater, { width: 390, height: 844 }, true);
    await phone.goto(`/projects/${projectId}/review`);
    await phone.getByRole("button", { name: "Appraisal" }).click();
    const phoneScreen = phone.getByRole("region", { name: "Your appraisal" });
    await phoneScreen.getByLabel("Paper").selectOption(second);
    const yes = phoneScreen.getByRole("radiogroup", { name: /1\. Was there a clear statement/ }).getByText("Yes");
    await yes.waitFor();
    expect((await yes.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await phoneScreen.getByText("Hints for question 1", { exact: true }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await phoneScreen.getByRole("button", { name: "Submit my appraisal" }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await yes.tap();
    await phoneScreen.getByText("Draft saved.").waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "appraisal-390.png"), fullPage: true });
    await page.context().close();
    await phone.context().close();
  });
});
