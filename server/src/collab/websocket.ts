// Serves Hocuspocus at /collab on the HTTP server's own port. We use `ws` directly (not
// Hocuspocus's bundled server) so the HTTP side stays Hono's and so the message size limit
// is enforced by the socket before a byte reaches Yjs.
//
// Sockets that have not signed in yet are bounded here (UNAUTHENTICATED_SOCKETS): so many
// per address and in total (more are refused at the upgrade with 503), a deadline to sign in,
// and a byte budget counted on the wire, since `ws` buffers a whole frame (up to 8 MB)
// before Hocuspocus could queue or drop it.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData } from "ws";
import type { Hocuspocus } from "@hocuspocus/server";
import { CLOSE, MAX_MESSAGE_BYTES, UNAUTHENTICATED_SOCKETS } from "@concord/shared";
import { clientAddress, type TrustedProxies } from "../clientAddress";
import { DurableAckSocket } from "./DurableAckSocket";

export const COLLAB_PATH = "/collab";

function toRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(`http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`, { headers });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** How long a socket closed for not signing in has to answer the close before it is cut. */
const CLOSE_GRACE_MS = 1_000;

export type UnauthenticatedSocketLimits = { -readonly [K in keyof typeof UNAUTHENTICATED_SOCKETS]: number };

/** Counts the sockets not yet signed in, per remote address and in total. */
class WaitingRoom {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly limits: UnauthenticatedSocketLimits) {}

  /** Takes a place for a socket from `address`, or returns false when there is none. */
  enter(address: string): boolean {
    const here = this.byAddress.get(address) ?? 0;
    if (here >= this.limits.perAddress || this.total >= this.limits.total) return false;
    this.byAddress.set(address, here + 1);
    this.total++;
    return true;
  }

  leave(address: string): void {
    const here = (this.byAddress.get(address) ?? 1) - 1;
    if (here > 0) this.byAddress.set(address, here);
    else this.byAddress.delete(address);
    this.total--;
  }
}

export function attachCollaboration(
  server: Server,
  hocuspocus: Hocuspocus,
  limits: UnauthenticatedSocketLimits = { ...UNAUTHENTICATED_SOCKETS },
  trustedProxies: TrustedProxies | null = null,
  maxPayload = MAX_MESSAGE_BYTES,
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  const waiting = new WaitingRoom(limits);
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
    if (!waiting.enter(address)) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n\r\n");
      return;
    }
    let counted = true;
    const leave = () => {
      if (counted) waiting.leave(address);
      counted = false;
    };
    socket.once("close", leave);
    wss.handleUpgrade(request, socket, head, (ws) => {
      let sent = head.length;
      // Past the budget the socket is cut at once: a close handshake would keep reading.
      const countBytes = (chunk: Buffer) => {
        sent += chunk.length;
        if (sent > limits.bytes) ws.terminate();
      };
      socket.on("data", countBytes);
      const deadline = setTimeout(() => {
        ws.close(CLOSE.signInTimeout.code, CLOSE.signInTimeout.reason);
        setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
      }, limits.deadlineMs);
      const signedIn = () => {
        leave();
        clearTimeout(deadline);
        socket.off("data", countBytes);
      };
      ws.once("close", () => clearTimeout(deadline));
      const connection = hocuspocus.handleConnection(new DurableAckSocket(ws, signedIn), toRequest(request));
      ws.on("message", (data, isBinary) => {
        if (!isBinary) {
          ws.close(1003, "Concord speaks the binary Hocuspocus protocol only.");
          return;
        }
        connection.handleMessage(toBytes(data));
      });
      ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      // ws closes the socket itself (1009 for an oversized message); nothing else to do.
      ws.on("error", (error) => console.warn(`WebSocket closed: ${error.message}`));
    });
  });
  return wss;
}
