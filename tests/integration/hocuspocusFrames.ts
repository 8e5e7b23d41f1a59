// Hand-made Hocuspocus frames for a raw WebSocket, so tests can send what no well-behaved
// provider would (garbled updates, oversized or text frames). The encoding is lib0's:
// varUint is unsigned LEB128, varString and varUint8Array are a varUint length then bytes.
// lib0 is not a dependency of the tests package, and these three functions are the whole of it we need.
import { WebSocket, within, type RawWebSocket } from "../helpers/collab";
import { collabUrl } from "../helpers/server";

/** Hocuspocus message types (MessageType in @hocuspocus/server) and sub-types we use. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncStatus: 8, close: 7 } as const;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

function varUint8Array(data: Uint8Array): number[] {
  return [...varUint(data.length), ...data];
}

function varString(value: string): number[] {
  return varUint8Array(new TextEncoder().encode(value));
}

export function authFrame(documentName: string, token: string): Uint8Array {
  return new Uint8Array([...varString(documentName), ...varUint(MESSAGE.auth), ...varUint(AUTH_TOKEN), ...varString(token)]);
}

export function updateFrame(documentName: string, update: Uint8Array): Uint8Array {
  return new Uint8Array([...varString(documentName), ...varUint(MESSAGE.sync), ...varUint(SYNC_UPDATE), ...varUint8Array(update)]);
}

/** One client's presence entry as y-protocols encodes it (state null: the client left). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export function awarenessFrame(documentName: string, entries: AwarenessEntry[]): Uint8Array {
  const parts = entries.map(({ clientId, clock, state }) => [...varUint(clientId), ...varUint(clock), ...varString(JSON.stringify(state))]);
  const update = [...varUint(entries.length), ...parts.flat()];
  return new Uint8Array([...varString(documentName), ...varUint(MESSAGE.awareness), ...varUint8Array(new Uint8Array(update))]);
}

/** A reader for frames the server sends back. */
class FrameReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error("Frame ended inside a varUint.");
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  }

  varString(): string {
    const length = this.varUint();
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }
}

export type ServerFrame =
  | { kind: "authenticated"; scope: string }
  | { kind: "refused"; reason: string }
  | { kind: "close"; reason: string }
  | { kind: "syncStatus"; applied: boolean }
  | { kind: "awareness"; documentName: string; entries: AwarenessEntry[] }
  | { kind: "other"; type: number };

export function parseFrame(data: Uint8Array): ServerFrame {
  const reader = new FrameReader(data);
  const documentName = reader.varString();
  const type = reader.varUint();
  if (type === MESSAGE.awareness) {
    reader.varUint(); // the update's length: the entries fill the rest of the frame
    const entries = Array.from({ length: reader.varUint() }, () => ({ clientId: reader.varUint(), clock: reader.varUint(), state: JSON.parse(reader.varString()) as unknown }));
    return { kind: "awareness", documentName, entries };
  }
  if (type === MESSAGE.auth) {
    const sub = reader.varUint();
    if (sub === AUTH_AUTHENTICATED) return { kind: "authenticated", scope: reader.varString() };
    if (sub === AUTH_PERMISSION_DENIED) return { kind: "refused", reason: reader.varString() };
  }
  if (type === MESSAGE.close) return { kind: "close", reason: reader.varString() };
  if (type === MESSAGE.syncStatus) return { kind: "syncStatus", applied: reader.varUint() === 1 };
  return { kind: "other", type };
}

/** A raw WebSocket to /collab that records every frame and the close event. */
export interface RawSocket {
  ws: RawWebSocket;
  /** Every frame received so far, in order. */
  frames: readonly ServerFrame[];
  /** Resolves with the first server frame matching `predicate` (including ones already received). */
  next(predicate: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  closed: Promise<{ code: number; reason: string }>;
}

export async function openRawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(collabUrl(url));
  const frames: ServerFrame[] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data) => {
    frames.push(parseFrame(new Uint8Array(data)));
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("error", () => {}); // the close event carries what tests assert
  await within(
    new Promise<void>((resolve, reject) => ws.once("open", () => resolve()).once("error", reject)),
    10_000,
    "raw socket open",
  );
  return {
    ws,
    frames,
    closed,
    next(predicate, timeoutMs = 10_000) {
      let wake: (() => void) | undefined;
      const found = new Promise<ServerFrame>((resolve) => {
        wake = () => {
          const frame = frames.find(predicate);
          if (frame) resolve(frame);
        };
        waiters.add(wake);
        wake();
      });
      return within(found, timeoutMs, "expected server frame").finally(() => waiters.delete(wake!));
    },
  };
}
