// `pnpm bench:client`: what the client costs someone on a slow connection (a phone on mobile
// data). Chromium (the system one, through playwright-core) opens a transcript from the real
// server, with the built client, under DevTools network emulation of a poor link, and this
// reports the bytes transferred (as encoded on the wire) and how long until the transcript
// can be read and until it can be edited: once with an empty cache (the first visit from a
// link in an email) and once more in the same browser (everything hashed comes from the cache).
// A script, not a test: it prints figures beside aims and asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { createProject, createTranscript, discard, signUp, startServer, storedText, type TestUser } from "../helpers/server";

/** DevTools "slow 4G"-like link: 1.6 Mbps down, 750 kbps up, 150 ms latency. */
const LINK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 } as const;
const AIM = { firstViewBytes: 150 * 1024, readableMs: 3000 } as const;
const RUNS = 3;
/** About an hour's interview. */
const TRANSCRIPT_WORDS = 8_000;
const FIRST_WORDS = "Shall we begin with how you first came to the service";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

function interview(words: number): string {
  const vocabulary = "the service people when we had to and it was not really what I think they because time felt like".split(" ");
  const lines = [`I: ${FIRST_WORDS}?`];
  let count = 0;
  for (let turn = 1; count < words; turn++) {
    const length = turn % 2 ? 60 : 15;
    const text = Array.from({ length }, (_, i) => vocabulary[(turn * 7 + i * 3) % vocabulary.length]).join(" ");
    lines.push(`${turn % 2 ? "P" : "I"}: ${text}.`);
    count += length;
  }
  return lines.join("\n");
}

/**
 * Sums what came over the wire: HTTP responses as encoded (compressed bodies plus headers),
 * and the WebSocket's messages from the server (their payloads; DevTools reports them apart).
 */
class WireCounter {
  private events: { at: number; bytes: number }[] = [];
  private start = 0;

  constructor(cdp: CDPSession) {
    cdp.on("Network.loadingFinished", (event) => this.events.push({ at: Date.now(), bytes: event.encodedDataLength }));
    cdp.on("Network.webSocketFrameReceived", ({ response }) => {
      // Binary frames (opcode 2) arrive base64-encoded.
      const bytes = response.opcode === 2 ? Buffer.from(response.payloadData, "base64").length : response.payloadData.length;
      this.events.push({ at: Date.now(), bytes });
    });
  }

  reset(): void {
    this.events = [];
    this.start = Date.now();
  }

  /** Bytes of the requests that had finished `ms` after the reset. */
  bytesUntil(ms: number): number {
    return this.events.filter((e) => e.at - this.start <= ms).reduce((sum, e) => sum + e.bytes, 0);
  }

  total(): number {
    return this.bytesUntil(Infinity);
  }
}

/** Milliseconds since the page's navigation started when `predicate` first holds (checked each frame). */
async function timeUntil(page: Page, predicate: string): Promise<number> {
  const handle = await page.waitForFunction(`(() => (${predicate}) ? performance.now() : 0)()`, undefined, {
    polling: "raf",
    timeout: 120_000,
  });
  return (await handle.jsonValue()) as number;
}

const READABLE = `[...document.querySelectorAll(".transcript")].some((el) => el.checkVisibility() && el.textContent.includes(${JSON.stringify(FIRST_WORDS)}))`;
const EDITABLE = `[...document.querySelectorAll('.transcript[contenteditable="true"]')].some((el) => el.checkVisibility() && el.textContent.includes(${JSON.stringify(FIRST_WORDS)})) && document.querySelector('.connection[data-state="saved"]') !== null`;

type Visit = { readableMs: number; editableMs: number; savedMs: number; bytesReadable: number; bytesEditable: number };

/** Opens the transcript and measures it; then types a word and waits until the server has stored it. */
async function visit(page: Page, wire: WireCounter, baseUrl: string, user: TestUser, documentId: string, url: string): Promise<Visit> {
  wire.reset();
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  const readableMs = await timeUntil(page, READABLE);
  const editableMs = await timeUntil(page, EDITABLE);
  // Wall-clock offset between this process and the page's navigation start, for the byte cut-offs.
  const offset = Date.now() - started - (await page.evaluate(() => performance.now()));
  const marker = ` bench${Date.now().toString(36)}`;
  await page.locator(".transcript[contenteditable='true'] p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.type(marker);
  while (!(await storedText(baseUrl, user.token, documentId)).includes(marker.trim())) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const savedMs = Date.now() - started;
  return {
    readableMs,
    editableMs,
    savedMs,
    bytesReadable: wire.bytesUntil(readableMs + offset),
    bytesEditable: wire.bytesUntil(editableMs + offset),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function row(cells: string[]): string {
  const widths = [30, 14, 14, 12, 14, 12];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 12)).join(" │ ");
}

async function main() {
  if (!fs.existsSync(path.join(REPO_ROOT, "client/dist/index.html"))) throw new Error("client/dist is missing: run `pnpm build` first");
  const server = await startServer({ built: true });
  const browser = await launchBrowser();
  try {
    const user = await signUp(server.url, "Consultant");
    const projectId = await createProject(server.url, user.token);
    const documentId = await createTranscript(server.url, user.token, projectId, interview(TRANSCRIPT_WORDS));
    // The address a link in an email now has (the old /documents/:id ones redirect to it).
    const documentUrl = `${server.url}/projects/${projectId}/transcripts/${documentId}`;

    console.log(`Concord client on a slow link · ${browser.version()} · ${os.cpus().length} CPUs · load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(
      `Link: ${(LINK.downloadThroughput * 8) / 1e6} Mbps down, ${(LINK.uploadThroughput * 8) / 1e3} kbps up, ${LINK.latency} ms latency (CDP Network.emulateNetworkConditions).`,
    );
    console.log(`Transcript of ${TRANSCRIPT_WORDS.toLocaleString("en")} words; medians of ${RUNS} runs; times from navigation start.\n`);

    const results: { signIn: { ms: number; bytes: number }[]; cold: Visit[]; warm: Visit[] } = { signIn: [], cold: [], warm: [] };
    for (let run = 0; run < RUNS; run++) {
      // The page's Content-Security-Policy forbids evaluating strings, which waitForFunction
      // does to poll; the bench's own probes may, the app's code is unaffected.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const wire = new WireCounter(cdp);
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...LINK });

      // The sign-in page, as someone arriving for the first time sees it.
      wire.reset();
      await page.goto(server.url, { waitUntil: "commit" });
      const signInMs = await timeUntil(page, `document.querySelector("h1")?.textContent === "Sign in"`);
      results.signIn.push({ ms: signInMs, bytes: wire.total() });
      await page.getByLabel("Email address").fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();

      // A link to the transcript with nothing cached, then the same link again.
      await cdp.send("Network.clearBrowserCache");
      results.cold.push(await visit(page, wire, server.url, user, documentId, documentUrl));
      results.warm.push(await visit(page, wire, server.url, user, documentId, documentUrl));
      await context.close();
    }

    console.log(row(["figure", "sign-in page", "cold", "warm", "aim", "met"]));
    console.log("─".repeat(108));
    const signInBytes = median(results.signIn.map((r) => r.bytes));
    const cold = (pick: (v: Visit) => number) => median(results.cold.map(pick));
    const warm = (pick: (v: Visit) => number) => median(results.warm.map(pick));
    const met = (ok: boolean) => (ok ? "yes" : "NO");
    console.log(row(["bytes until readable", kb(signInBytes), kb(cold((v) => v.bytesReadable)), kb(warm((v) => v.bytesReadable)), `< ${kb(AIM.firstViewBytes)}`, met(cold((v) => v.bytesReadable) < AIM.firstViewBytes)]));
    console.log(row(["bytes until editable", "", kb(cold((v) => v.bytesEditable)), kb(warm((v) => v.bytesEditable)), "", ""]));
    console.log(row(["time until readable", s(median(results.signIn.map((r) => r.ms))), s(cold((v) => v.readableMs)), s(warm((v) => v.readableMs)), `< ${s(AIM.readableMs)}`, met(cold((v) => v.readableMs) < AIM.readableMs)]));
    console.log(row(["time until editable (synced)", "", s(cold((v) => v.editableMs)), s(warm((v) => v.editableMs)), "", ""]));
    console.log(row(["first keystroke stored", "", s(cold((v) => v.savedMs)), s(warm((v) => v.savedMs)), "", ""]));
    console.log("\n'Readable': the transcript's text is on screen. 'Editable': the live editor shows it and says");
    console.log("'Saved on the server' (synced). 'Stored': a word typed then is in the server's copy.");
    console.log("Bytes: HTTP responses as encoded on the wire, plus the WebSocket's messages from the server.");
  } finally {
    await browser.close();
    await discard(server);
  }
}

await main();
