// Sockets that never sign in cannot pile up: so many may wait per address and in total,
// each for a few seconds and a few kilobytes at most, and whoever is signed in keeps working.
// The caps are lowered through the environment so the test needs a handful of sockets.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createRequire } from "node:module";
import { CLOSE } from "@concord/shared";
import { appendParagraph, connectSynced, within, type RawWebSocket } from "../helpers/collab";
import { collabUrl, discard, projectWithTranscript, startServer, storedText, type ServerProcess, type TestUser } from "../helpers/server";

const PER_ADDRESS = 3;
const TOTAL = 5;
const DEADLINE_MS = 2_000;

/** The `ws` client, with the option to pick the local address (any 127.x.y.z is this machine). */
const WebSocketFrom = createRequire(import.meta.url)("ws") as new (url: string, options: { localAddress: string }) => RawWebSocket;

let server: ServerProcess;
let lead: TestUser;
let documentId: string;

beforeAll(async () => {
  server = await startServer({
    env: {
      CONCORD_MAX_UNAUTHENTICATED_SOCKETS_PER_ADDRESS: String(PER_ADDRESS),
      CONCORD_MAX_UNAUTHENTICATED_SOCKETS: String(TOTAL),
      CONCORD_SIGN_IN_DEADLINE_MS: String(DEADLINE_MS),
    },
  });
  ({ lead, documentId } = await projectWithTranscript(server.url));
});

afterAll(async () => {
  if (server) await discard(server);
});

type Outcome = { opened: true; ws: RawWebSocket; closed: Promise<{ code: number; reason: string }> } | { opened: false; error: string };

/** Opens a socket from `localAddress` and sends nothing; reports whether the server let it in. */
function openFrom(localAddress: string): Promise<Outcome> {
  const ws = new WebSocketFrom(collabUrl(server.url), { localAddress });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  return within(
    new Promise<Outcome>((resolve) => {
      ws.once("open", () => resolve({ opened: true, ws, closed }));
      ws.once("error", (error) => resolve({ opened: false, error: error.message }));
    }),
    10_000,
    `socket from ${localAddress}`,
  );
}

test("finding 8: sockets that do not sign in are capped per address and in total, cut off past a few KB, and closed after the deadline", async () => {
  const editor = await connectSynced(server.url, documentId, lead.token);
  const open: RawWebSocket[] = [];
  try {
    const first = await Promise.all(Array.from({ length: PER_ADDRESS + 1 }, () => openFrom("127.0.0.1")));
    expect(first.filter((o) => o.opened)).toHaveLength(PER_ADDRESS);
    expect(first.find((o) => !o.opened)).toEqual({ opened: false, error: "Unexpected server response: 503" });
    const second = await Promise.all(Array.from({ length: PER_ADDRESS }, () => openFrom("127.0.0.2")));
    expect(second.filter((o) => o.opened)).toHaveLength(TOTAL - PER_ADDRESS);
    for (const o of [...first, ...second]) if (o.opened) open.push(o.ws);

    // The signed-in editor is not affected.
    appendParagraph(editor.doc, "Typed while strangers wait.");
    await editor.waitAcknowledged();

    // Waiting sockets are closed at the deadline with a reason, which frees their places.
    const closes = await within(
      Promise.all([...first, ...second].flatMap((o) => (o.opened ? [o.closed] : []))),
      DEADLINE_MS + 10_000,
      "deadline closes",
    );
    for (const close of closes) expect(close).toEqual({ code: CLOSE.signInTimeout.code, reason: CLOSE.signInTimeout.reason });

    // A stranger sending megabytes before signing in is cut off long before they are sent.
    const flooder = await openFrom("127.0.0.3");
    if (!flooder.opened) throw new Error(`flooder refused: ${flooder.error}`);
    let cut = false;
    void flooder.closed.then(() => (cut = true));
    const chunk = new Uint8Array(256 * 1024).fill(7);
    let chunksSent = 0;
    for (; chunksSent < 20 && !cut; chunksSent++) {
      flooder.ws.send(chunk);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const flooderClosed = await within(flooder.closed, 10_000, "flooder cut off");
    expect(flooderClosed.code).toBe(1006); // cut, not closed politely
    expect(chunksSent).toBeLessThan(20); // cut off before 5 MB went out

    // Everyone else keeps being served: places are free again and the editor's work is stored.
    const again = await openFrom("127.0.0.1");
    expect(again.opened).toBe(true);
    if (again.opened) open.push(again.ws);
    expect(await storedText(server.url, lead.token, documentId)).toContain("Typed while strangers wait.");
  } finally {
    for (const ws of open) ws.terminate();
    editor.destroy();
  }
});
