// Serves Hocuspocus at /collab on the HTTP server's own port. We use `ws` directly (not
// Hocuspocus's bundled server) so the HTTP side stays Hono's and so the message size limit
// is enforced by the socket before a byte reaches Yjs.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData } from "ws";
import type { Hocuspocus } from "@hocuspocus/server";
import { MAX_MESSAGE_BYTES } from "@concord/shared";
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

export function attachCollaboration(server: Server, hocuspocus: Hocuspocus, maxPayload = MAX_MESSAGE_BYTES): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? "").split("?")[0] ?? "";
    if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = hocuspocus.handleConnection(new DurableAckSocket(ws), toRequest(request));
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
