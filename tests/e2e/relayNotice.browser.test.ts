// The saving indicator while Concord's servers have lost touch with each other: a process
// joined to the others by Redis (on PostgreSQL), Redis reached through a TCP relay that is cut
// and restored. The author reads "Saved, not shared yet" with why, on a desktop and in the
// phone's status line, and "Saved on the server" again once Redis is back. Screenshots go
// to test-artifacts/.
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, databaseUrl, dropDatabase } from "../helpers/backend";
import { axeViolations, browserUnavailableReason, describeViolations, launchBrowser, screenshot, signedInPage } from "../helpers/browser";
import { dropPrefix, redisAbsence, REDIS_URL, uniquePrefix } from "../helpers/redis";
import { discard, startServer, type ServerProcess } from "../helpers/server";
import { tcpRelay } from "../helpers/tcpRelay";

const database = `concord_test_relay_${randomBytes(4).toString("hex")}`;
const absence =
  browserUnavailableReason() ??
  (await redisAbsence()) ??
  (await createDatabase(database).then(
    () => null,
    (error: Error) => `no PostgreSQL to join processes on (${error.message})`,
  ));
if (absence) console.warn(`Skipping the relay notice browser test: ${absence}`);

const redis = new URL(REDIS_URL);
const prefix = uniquePrefix();
let relay: Awaited<ReturnType<typeof tcpRelay>>;
let server: ServerProcess;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

async function openDemoTranscript(page: Page): Promise<void> {
  await page.getByRole("link", { name: /Readiness for co-production/ }).click();
  await page.locator(".transcripts__title a").first().click();
  await page.locator(".transcript:not(.transcript--reading) .speaker-turn").first().waitFor();
}

describe.skipIf(absence !== null)("the saving indicator while the servers are out of touch", () => {
  beforeAll(async () => {
    relay = await tcpRelay(Number(redis.port || 6379), redis.hostname);
    server = await startServer({
      env: { CONCORD_DEMO: "on", DATABASE_URL: databaseUrl(database), REDIS_URL: `redis://127.0.0.1:${relay.port}`, CONCORD_REDIS_PREFIX: prefix },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await discard(server);
    await relay?.close();
    await dropDatabase(database);
    await dropPrefix(prefix);
  });

  it("says the author's changes are saved but not shared yet, on a desktop and a phone, until Redis is back", async () => {
    const desktop = await signedInPage(browser, server.url, "lead@example.org", { viewport: { width: 1280, height: 800 } });
    const phone = await signedInPage(browser, server.url, "consultant@example.org", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await Promise.all([openDemoTranscript(desktop), openDemoTranscript(phone)]);
    await desktop.locator(".connection.connection--saved").waitFor();

    await relay.refuse();
    const notice = desktop.locator(".connection.connection--unshared");
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Saved, not shared yet.*lost touch with each other/s);
    await phone.locator(".status-line.connection--unshared").waitFor();
    expect(await phone.locator(".status-line").innerText()).toContain("Not shared yet");
    await screenshot(desktop, "relay-notice-desktop");
    await screenshot(phone, "relay-notice-phone");
    expect(describeViolations(await axeViolations(desktop))).toBe("");
    expect(describeViolations(await axeViolations(phone))).toBe("");

    await relay.accept();
    await desktop.locator(".connection.connection--saved").waitFor({ timeout: 20_000 });
    await phone.locator(".status-line.connection--saved").waitFor({ timeout: 20_000 });
  });
});
