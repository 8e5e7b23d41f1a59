// The client's part of `pnpm bench:coding`, in Chromium (the system one, through
// playwright-core) against the real server with the built client: a 15,000-word transcript
// with 2,000 codings made through the REST route, then the time from navigation until every
// stripe is drawn in the margin, and the latency of each keystroke typed into the text while
// they are shown (from the key event to the frame after it has been handled: what the person
// waits for), then while another coder's codings arrive at 10 a second; and the layers' cost
// on the text's sync path (layerSyncCost.ts). Figures only; nothing is asserted.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { addMember, api, createProject, createTranscript, discard, signUp, startServer, storedText } from "../helpers/server";
import { measureLayerSyncCost } from "./layerSyncCost";
import { percentile } from "./timing";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KEYSTROKES = 200;


const summary = (ms: number[]) =>
  `${ms.length} keys, p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, worst ${Math.max(...ms).toFixed(1)} ms`;

/** Types into the text and returns each keystroke's latency: from its event's time stamp to the frame after it was handled. */
async function typingLatencies(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[]; timing?: true };
    w.latencies = [];
    // Listening once per page: a second listener would count every key twice.
    if (w.timing) return;
    w.timing = true;
    document.addEventListener(
      "keydown",
      (event) => {
        const at = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.latencies.push(performance.now() - at);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  await page.locator(".transcript:not(.transcript--reading) p").nth(40).click();
  await page.keyboard.press("End");
  await page.keyboard.type("x".repeat(KEYSTROKES), { delay: 40 });
  await page.waitForTimeout(2000);
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

export async function measureInChromium(text: string, codings: number, codeCount: number): Promise<void> {
  if (!fs.existsSync(`${REPO_ROOT}client/dist/index.html`)) {
    console.log("Chromium measures skipped: run `pnpm build` first (the client is served from client/dist).");
    return;
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const user = await signUp(server.url, "Bench coder");
    const projectId = await createProject(server.url, user.token, "Coding bench");
    const documentId = await createTranscript(server.url, user.token, projectId, text, "Long interview");
    const codes: string[] = [];
    for (let i = 0; i < codeCount; i++) {
      const response = await api(server.url, user.token, "POST", `/projects/${projectId}/codes`, { name: `Code ${i}`, level: "initial" });
      codes.push(((await response.json()) as { id: string }).id);
    }
    const plain = await storedText(server.url, user.token, documentId);
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const [name, value] = user.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    // The same typing with no coding at all: what the machine and the editor cost by themselves.
    const bare = await context.newPage();
    await bare.goto(`/projects/${projectId}/transcripts/${documentId}`);
    await bare.locator(".transcript:not(.transcript--reading) p").nth(40).waitFor();
    const baseline = await typingLatencies(bare);
    await bare.close();
    let seed = 3;
    const random = (max: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % max);
    const startedApply = performance.now();
    let made = 0;
    // A few requests at a time, as a busy team would send them.
    const worker = async () => {
      while (made < codings) {
        const i = made++;
        const start = random(plain.length - 400);
        const response = await api(server.url, user.token, "POST", `/documents/${documentId}/codings`, { codeId: codes[i % codes.length], start, end: start + 20 + random(300) });
        if (response.status !== 201) made--; // a span of labels only: try another
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    const applyMs = performance.now() - startedApply;

    const page = await context.newPage();
    await page.goto(`/projects/${projectId}/transcripts/${documentId}`, { waitUntil: "commit" });
    const handle = await page.waitForFunction((n) => (document.querySelectorAll(".coding-stripe").length >= n ? performance.now() : 0), codings, { polling: "raf", timeout: 120_000 });
    const stripesMs = (await handle.jsonValue()) as number;
    await page.waitForTimeout(1000);

    const latencies = await typingLatencies(page);
    const drawn = await page.locator(".coding-stripe").count();

    // Again while another coder's codings arrive at 10 a second, each a new stripe and a re-layout.
    const other = await signUp(server.url, "Bench second coder");
    await addMember(server.url, user.token, projectId, other.email, "supervisor");
    let arriving = true;
    let arrived = 0;
    const feed = (async () => {
      while (arriving) {
        const start = random(plain.length - 400);
        const next = Date.now() + 100;
        const response = await api(server.url, other.token, "POST", `/documents/${documentId}/codings`, { codeId: codes[arrived % codes.length], start, end: start + 20 + random(300) });
        if (response.status === 201) arrived++;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      }
    })();
    const whileArriving = await typingLatencies(page);
    arriving = false;
    await feed;

    console.log(`Chromium (real server, built client): ${codings} codings made through POST /codings in ${(applyMs / 1000).toFixed(1)} s`);
    console.log(`  time to first render with all ${codings} stripes (navigation → every stripe in the margin): ${stripesMs.toFixed(0)} ms; ${drawn} drawn after typing`);
    console.log(`  typing latency per keystroke, ${codings} codings shown: ${summary(latencies)} (aim p95 < 16 ms)`);
    console.log(`  the same while another coder adds codings at 10 a second (${arrived} arrived): ${summary(whileArriving)} (aim p95 < 16 ms)`);
    console.log(`  the same typing with no coding (the machine and editor alone): ${summary(baseline)}`);
    await measureLayerSyncCost(server, text, codings);
  } finally {
    await browser.close();
    await discard(server);
  }
}
