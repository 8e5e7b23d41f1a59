// Presence (Yjs awareness: who is here, their colour and cursor) is relayed to everyone in
// the document and adopted by their editors, so the server decides what it may say:
// - a connection speaks only for its own awareness clients: ids it announced first (no other
//   connection holds them), at most MAX_CLIENTS_PER_CONNECTION of them (a provider announces
//   its Y.Doc's client id, and Yjs may change that id once); entries for any other id are
//   dropped, never relayed;
// - the person's id and name come from the server's record of who opened the connection;
//   the colour may be the client's choice (colours are picked to avoid clashes) if it is a
//   colour, and the cursor must be the editor's pair of relative positions;
// - a blind coder's cursor on the transcript is never relayed (context.codesBlind): where they
//   select is what they are coding. Who is here still is.
// - a presence message over MAX_PRESENCE_BYTES closes the connection before it is decoded.
import {
  MessageType,
  type Connection,
  type Document,
  type Extension,
  type beforeHandleAwarenessPayload,
  type beforeHandleMessagePayload,
} from "@hocuspocus/server";
import { CLOSE, MAX_PRESENCE_BYTES } from "@concord/shared";
import type { User } from "../auth/identify";
import type { ConnectionContext } from "./context";
import { frameHead } from "./frames";

/** The colour the client shows for someone without one (client/src/editor/usePresence.ts). */
const NEUTRAL_COLOUR = "#475467";
/** The editor appends an alpha to the colour for selections, so only #rrggbb will do. */
const COLOUR = /^#[0-9a-f]{6}$/i;
const MAX_TYPE_NAME_CHARS = 100;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isId = (value: unknown) => isRecord(value) && Object.keys(value).length === 2 && isCount(value.client) && isCount(value.clock);

/**
 * A Yjs RelativePosition as JSON, the only thing a cursor holds: y-prosemirror sends the
 * object itself (absent parts are null), Y.relativePositionToJSON leaves them out.
 */
function isRelativePosition(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, v]) => {
    if (key === "type" || key === "item") return v === null || isId(v);
    if (key === "tname") return v === null || (typeof v === "string" && v.length <= MAX_TYPE_NAME_CHARS);
    if (key === "assoc") return Number.isSafeInteger(v);
    return false;
  });
}

const isCursor = (value: unknown) =>
  isRecord(value) && Object.keys(value).length === 2 && isRelativePosition(value.anchor) && isRelativePosition(value.head);

/** The presence the server relays for `user`, from what their client claimed; without the cursor when `hideCursor`. */
export function presenceFor(user: Pick<User, "id" | "name">, claimed: Json, hideCursor = false): Json {
  const color = isRecord(claimed.user) && typeof claimed.user.color === "string" && COLOUR.test(claimed.user.color) ? claimed.user.color : NEUTRAL_COLOUR;
  return { user: { id: user.id, name: user.name, color }, cursor: !hideCursor && isCursor(claimed.cursor) ? claimed.cursor : null };
}

const MAX_CLIENTS_PER_CONNECTION = 4;

/** Which of `ids` the connection may speak for: those it holds, then free ones up to the cap. */
function ownClients(document: Document, connection: Connection, ids: Iterable<number>): Set<number> {
  const own = new Set<number>(document.getClients(connection) as Set<number>);
  const taken = new Set<number>([document.awareness.clientID]);
  for (const other of document.getConnections()) {
    if (other !== connection) for (const id of document.getClients(other)) taken.add(id as number);
  }
  for (const id of ids) if (!taken.has(id) && own.size < MAX_CLIENTS_PER_CONNECTION) own.add(id);
  return own;
}

export class PresenceExtension implements Extension {
  extensionName = "Presence";

  async beforeHandleMessage({ update }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength > MAX_PRESENCE_BYTES && frameHead(update)?.type === MessageType.Awareness) throw CLOSE.presenceTooLarge;
  }

  async beforeHandleAwareness({ states, connection, document, context }: beforeHandleAwarenessPayload): Promise<void> {
    const { user, codesBlind } = (context as ConnectionContext | undefined) ?? {};
    if (!connection) return; // written by the server itself
    const own = user ? ownClients(document, connection, states.keys()) : new Set<number>();
    for (const [id, state] of states) {
      if (user && own.has(id)) states.set(id, presenceFor(user, state, codesBlind === true));
      else states.delete(id);
    }
  }
}
