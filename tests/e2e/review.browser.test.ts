// Screening in a real browser: a second rater screens their seeded sample by keyboard alone
// (I/E/M to decide, J/K to move, / to search) on a desktop, sees the criteria's keywords
// marked, and once the items reveal finds the disagreement with each rater's decision and
// starts its discussion; the lead reads and answers it live and records the consensus on a
// 390 px phone with the buttons. axe-core finds nothing to
// fix on either; screenshots go to test-artifacts/.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, pageWithCookie } from "../helpers/browser";
import { addMember, api, createProject, importRis, signUp } from "../helpers/server";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

const TOPICS = ["burnout", "retention", "mentoring", "autonomy", "induction", "wellbeing"];
const RIS = TOPICS.map((topic, i) => `TY  - JOUR\nTI  - ${topic} in the first year: an interview study ${i + 1}\nAU  - Writer${i}, B.\nPY  - ${2015 + i}\nAB  - Newly qualified staff describe ${topic}; a survey followed.\nER  - \n`).join("");

async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe.skipIf(unavailable !== null)("screening in the browser", () => {
  const running = demoServerAndBrowser();

  it("a rater screens by keyboard alone, and the disagreement shows both decisions; the lead settles it on a phone", async () => {
    const url = running.server.url;
    const lead = await signUp(url, "Lena Lead");
    const rater = await signUp(url, "Rafa Rater");
    const projectId = await createProject(url, lead.token, "Screening review");
    await addMember(url, lead.token, projectId, rater.email, "rater");
    expect((await importRis(url, lead.token, projectId, RIS)).status).toBe(201);
    await api(url, lead.token, "PUT", `/projects/${projectId}/criteria`, {
      inclusion: [{ id: "qualitative", text: "Qualitative", keywords: ["interview study"] }],
      exclusion: [{ id: "quantitative", text: "Quantitative only", keywords: ["survey"] }],
    });
    const assigned = (await (await api(url, lead.token, "POST", `/projects/${projectId}/stages/title_abstract/assignments`, { userId: rater.userId, count: 3, seed: 11 })).json()) as {
      assignments: { user: { id: string }; recordIds: string[] | null }[];
    };
    const sample = assigned.assignments.find((a) => a.user.id === rater.userId)!.recordIds!;
    // The lead has screened the sample already: includes the first two, excludes the third.
    for (const [i, id] of sample.entries()) {
      const response = await api(url, lead.token, "PUT", `/projects/${projectId}/stages/title_abstract/items/${id}/rating`, { decision: i === 2 ? "exclude" : "include", submit: true });
      expect(response.status).toBe(200);
    }

    const page = await pageWithCookie(running.browser, url, rater, { width: 1280, height: 800 });
    await page.goto(`/projects/${projectId}/review`);
    await page.getByRole("heading", { level: 1, name: "Review" }).waitFor();
    const screen = page.getByRole("region", { name: "Your screening" });
    await screen.getByText("Record 1 of 3").waitFor();
    expect(await screen.locator("mark").allTextContents()).toEqual(expect.arrayContaining(["interview study", "survey"]));
    // Blind: the lead's decisions are nowhere on the rater's page before they decide.
    expect(await page.getByText("Lena Lead").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "review-1280-screening.png"), fullPage: true });

    // Keyboard alone: J and K move, I includes (and moves on), / searches.
    await page.keyboard.press("j");
    await screen.getByText("Record 2 of 3").waitFor();
    await page.keyboard.press("k");
    await screen.getByText("Record 1 of 3").waitFor();
    await page.keyboard.press("i");
    await screen.getByText("Record 2 of 3").waitFor();
    await screen.getByText("1 of 3 decided").waitFor();
    await page.keyboard.press("i");
    await screen.getByText("Record 3 of 3").waitFor();
    await screen.getByText("2 of 3 decided").waitFor();
    await page.keyboard.press("i");
    await screen.getByText("3 of 3 decided").waitFor();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("screening-search");
    await page.keyboard.type("nothing like this");
    await screen.getByText("No record matches the search.").waitFor();
    await page.keyboard.press("Escape");

    // Revealed: the disagreement (the lead excluded, the rater included) lists both decisions, live.
    const view = page.getByRole("region", { name: "Agreement and disagreements" });
    await view.getByText("Lena Lead").waitFor();
    const entry = view.locator(".rating-disagreement");
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toMatch(/Lena Lead: exclude/);
    expect(await entry.textContent()).toMatch(/Rafa Rater: include/);
    expect(await view.getByText("66.7%").count()).toBe(2);
    await expectNoAxeViolations(page);

    // The rater starts a discussion of it in place, mentioning the lead.
    const start = entry.getByLabel("Start a discussion");
    await start.click();
    await start.pressSequentially("A survey followed, but the interviews came first @Le");
    await entry.getByRole("list", { name: "People to mention" }).getByRole("button", { name: "Lena Lead" }).click();
    await entry.getByRole("button", { name: "Post" }).click();
    const thread = entry.locator("article.thread");
    await thread.getByText(/the interviews came first/).waitFor();
    expect(await thread.locator("mark.mention").textContent()).toBe("@Lena Lead");
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "review-1280-disagreement.png"), fullPage: true });

    // The lead, on a phone, records the consensus with the buttons.
    const phone = await pageWithCookie(running.browser, url, lead, { width: 390, height: 844 }, true);
    await phone.goto(`/projects/${projectId}/review`);
    const phoneView = phone.getByRole("region", { name: "Agreement and disagreements" });
    await phoneView.locator(".rating-disagreement__answers").getByText("Rafa Rater").waitFor();
    // The lead reads the discussion there, told it mentions them, and replies.
    const phoneThread = phoneView.locator("article.thread");
    await phoneThread.getByText("Mentions you").waitFor();
    await phoneThread.getByLabel("Reply").fill("Agreed: the interviews are the study, it stays in.");
    await phoneThread.getByRole("button", { name: "Send reply" }).click();
    // The rater's page shows the reply live.
    await thread.getByText("Agreed: the interviews are the study, it stays in.").waitFor();
    const agree = phoneView.getByRole("button", { name: "Agree: include" });
    expect((await agree.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await agree.click();
    await phoneView.getByText("Consensus recorded: include.").waitFor();
    await phoneView.getByText("100%").waitFor();
    const include = phone.getByRole("button", { name: "I Include" });
    expect((await include.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "review-390-disagreement.png"), fullPage: true });
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, "review-390-screening.png") });
    // The rater's page follows live: the consensus arrives without a reload.
    await view.getByText(/Consensus: include, recorded by Lena Lead/).waitFor();

    // Full text: the three included records reach it; the rater excludes theirs with a reason, by keyboard (E, then its number).
    const fullText = (await (await api(url, lead.token, "POST", `/projects/${projectId}/stages/full_text/assignments`, { userId: rater.userId, count: 1, seed: 5 })).json()) as {
      assignments: { user: { id: string }; poolSize: number }[];
    };
    expect(fullText.assignments.find((a) => a.user.id === rater.userId)!.poolSize).toBe(3);
    await page.getByRole("button", { name: "Full text" }).focus();
    await page.keyboard.press("Enter");
    await screen.getByText("Record 1 of 1").waitFor();
    await page.keyboard.press("e");
    await page.getByRole("group", { name: "Reason for excluding" }).waitFor();
    await page.keyboard.press("1");
    await screen.getByText("Your decision: Exclude (Quantitative only).").waitFor();
    await page.context().close();
    await phone.context().close();
  });
});
