// Every accepted edit is published to the other processes before its author is told it is
// saved. Hocuspocus's Redis extension announces a change by its state vector and lets the
// other processes ask for what they miss; if the author's process dies before answering,
// they never learn the edit, though it is in the database. So the edit itself is published
// too, in the extension's own message format on the document's own channel, where each
// process holding the document applies it (the extension's receiver ignores our own). Once
// PUBLISH has returned, Redis has handed it to every subscribed process.
import * as encoding from "lib0/encoding";
import type { RedisLink } from "./connection";

/** Hocuspocus message type Sync, and y-protocols' sync sub-type Update. */
const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;
/** How long an acknowledgement waits for Redis before going ahead (the edit is in the database). */
const PUBLISH_WAIT_MS = 2_000;

export class UpdateRelay {
  /** The extension's identifier for this process and its channel prefix (both passed to it). */
  readonly identifier: string;
  readonly channelPrefix: string;
  private readonly senderPrefix: Buffer;

  constructor(
    private readonly redis: RedisLink,
    identifier: string,
  ) {
    this.identifier = identifier;
    this.channelPrefix = `${redis.prefix}docs`;
    const id = Buffer.from(identifier, "utf8");
    this.senderPrefix = Buffer.concat([Buffer.from([id.length]), id]);
  }

  /** Publishes an update of `documentName`; resolves once Redis has passed it on (or gave up waiting). */
  async publish(documentName: string, update: Uint8Array): Promise<void> {
    const message = encoding.createEncoder();
    encoding.writeVarString(message, documentName);
    encoding.writeVarUint(message, MESSAGE_SYNC);
    encoding.writeVarUint(message, SYNC_UPDATE);
    encoding.writeVarUint8Array(message, update);
    const sent = this.redis.commands.publish(`${this.channelPrefix}:${documentName}`, Buffer.concat([this.senderPrefix, encoding.toUint8Array(message)]));
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), PUBLISH_WAIT_MS)));
    try {
      if ((await Promise.race([sent, waited])) === "late") {
        console.warn(`Redis did not take an update of ${documentName} within ${PUBLISH_WAIT_MS} ms; it is saved, and reaches the other processes when Redis is back.`);
      }
    } catch (error) {
      console.warn(`Could not publish an update of ${documentName} to the other processes:`, error);
    } finally {
      clearTimeout(timer);
    }
  }
}
