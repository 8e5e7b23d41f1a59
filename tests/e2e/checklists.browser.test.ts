// The lead's appraisal checklists in a real browser: in Review → Appraisal they create a
// checklist from the blank template (name, questions), choose it for new appraisals with the
// keyboard, and edit it into version 2 — a question reworded, an answer removed, a hint and a
// prompt with answers of its own added to question 1 — which the list then shows beside
// version 1, and a rater new to the stage then appraises with, hint and prompt included; on a
// desktop and on a 390 px phone where the page never scrolls sideways. axe-core finds nothing.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, browserUnavailableReason, demoServerAndBrowser, describeViolations, pageWithCookie, screenshot, signedInPage } from "../helpers/browser";
import { addMember, api, signUp } from "../helpers/server";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`Skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== null)("appraisal checklists", () => {
  const running = demoServerAndBrowser();

  for (const [label, options] of [
    ["desktop", { viewport: { width: 1280, height: 800 } }],
    ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ] as const) {
    it(`the lead creates a checklist, chooses it and publishes a second version with a hint and a prompt, which a rater then appraises with (${label})`, async () => {
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
      // Question 1 gets a hint and a prompt answered Yes, Partly or No.
      await edit.getByText("Hints and prompts of question 1 (0 hints, 0 prompts)").click();
      await edit.getByRole("button", { name: "Add hint to question 1" }).click();
      await edit.getByRole("textbox", { name: "Question 1, hint 1" }).fill("Look for the paradigm the methods section names.");
      await edit.getByRole("button", { name: "Add prompt to question 1" }).click();
      await edit.getByRole("textbox", { name: "Question 1, prompt 1, wording" }).fill("Does the paradigm fit the methods used?");
      expect(await edit.getByRole("textbox", { name: "Question 1, prompt 1, key" }).inputValue()).toBe("a");
      await edit.getByRole("button", { name: "Add answer to question 1, prompt 1" }).click();
      await edit.getByRole("textbox", { name: "Question 1, prompt 1, answer 3" }).fill("Partly");
      await edit.getByRole("button", { name: "Move up question 1, prompt 1, answer 3" }).click();
      expect(await edit.getByRole("textbox", { name: "Question 1, prompt 1, answer 2" }).inputValue()).toBe("Partly");
      await edit.getByText("Hints and prompts of question 1 (1 hint, 1 prompt)").waitFor();
      const editing = await axeViolations(page);
      expect(editing, describeViolations(editing)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      await edit.screenshot({ path: path.join(ARTIFACTS_DIR, `checklist-editor-prompts-${label}.png`) });
      await edit.getByRole("button", { name: "Publish new version" }).click();
      await panel.getByText(`Saved ${name}, version 2.`).waitFor();
      await expect.poll(() => entry.textContent()).toMatch(/Versions: 1 \(.*\); 2 \(/);
      const after = await axeViolations(page);
      expect(after, describeViolations(after)).toEqual([]);
      await screenshot(page, `checklists-${label}`);

      // Stored as version 2, in the shape the shared schema gives it.
      const projectId = new URL(page.url()).pathname.split("/")[2]!;
      const key = name.toLowerCase().replace(/ /g, "-");
      const { checklist } = (await (await page.request.get(`/api/projects/${projectId}/checklists/${key}/versions/2`)).json()) as {
        checklist: { questions: { hints: string[]; prompts: { key: string; label: string; answers: { key: string; label: string }[] }[] }[] };
      };
      expect(checklist.questions[0]!.hints).toEqual(["Look for the paradigm the methods section names."]);
      expect(checklist.questions[0]!.prompts).toEqual([
        {
          key: "a",
          label: "Does the paradigm fit the methods used?",
          answers: [
            { key: "yes", label: "Yes" },
            { key: "partly", label: "Partly" },
            { key: "no", label: "No" },
          ],
        },
      ]);
      expect(checklist.questions[1]!.prompts).toEqual([]);

      // A rater new to the stage appraises with version 2: the hint and the prompt are on their form.
      const url = running.server.url;
      const leadToken = ((await (await page.request.post("/api/tokens", { data: { name: `checklist test ${label}` }, headers: { origin: url } })).json()) as { token: string }).token;
      const rater = await signUp(url, `Petra Pilot ${label}`);
      await addMember(url, leadToken, projectId, rater.email, "rater");
      expect((await api(url, leadToken, "POST", `/projects/${projectId}/stages/appraisal/assignments`, { userId: rater.userId, count: 1, seed: 7 })).status).toBe(201);
      const raterPage = await pageWithCookie(running.browser, url, rater, options.viewport, label === "phone");
      await raterPage.goto(`/projects/${projectId}/review`);
      await raterPage.getByRole("button", { name: "Appraisal", exact: true }).click();
      const appraisal = raterPage.getByRole("region", { name: "Your appraisal" });
      await appraisal.getByText(`${name} (version 2)`).waitFor();
      await appraisal.getByText("Hints for question 1").click();
      await appraisal.getByText("Look for the paradigm the methods section names.").waitFor();
      const prompt = appraisal.getByRole("radiogroup", { name: "Does the paradigm fit the methods used?" });
      expect(await prompt.getByRole("radio").count()).toBe(3);
      expect(await prompt.locator("label").allTextContents()).toEqual(["Yes", "Partly", "No"]);
      await prompt.getByText("Partly").click();
      await appraisal.getByText("Draft saved.").waitFor();
      const onForm = await axeViolations(raterPage);
      expect(onForm, describeViolations(onForm)).toEqual([]);
      expect(await raterPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      await appraisal.locator(".appraisal-question").first().screenshot({ path: path.join(ARTIFACTS_DIR, `checklist-prompt-on-form-${label}.png`) });
      await raterPage.context().close();
      await page.context().close();
    });
  }
});
