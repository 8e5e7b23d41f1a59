// Every accepted edit is published to the other processes before its author is told it is
// saved. Hocuspocus's Redis extension announces a change by its state vector and lets the
// other processes ask for what they miss; if the author's process dies before answering,
// they never learn the edit, though it is in the database. So the edit itself is published
// too, in the extension's own message format on the document's own channel, where each
// process holding the document applies it (the extension's receiver ignores our own). Once
// PUBLISH has returned, Redis has handed it to every subscribed process.
//
// While Redis is away nothing reaches the other processes: the edits published meanwhile
// wait in ioredis's offline queue and may go out before the other processes have subscribed
// again, so they are lost on the way (though saved). So once this process hears its channels
// again after an outage, it announces every document it holds by its state vector (a sync
// step 1, as a process loading a document does): each process holding the document answers
// with what this one lacks and with its own state vector, which this one answers in turn.
// Whichever process resubscribes last announces when every other already listens, so all
// converge without anyone typing again.
import { MessageType, type Document } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { RedisLink } from "./connection";

/** y-protocols' sync sub-types. */
const SYNC_STEP_1 = 0;
const SYNC_UPDATE = 2;
/** How long an acknowledgement waits for Redis before going ahead (the edit is in the database). */
const PUBLISH_WAIT_MS = 2_000;

/** What the resync needs of the Redis extension's subscribing connection. */
interface Subscriber {
  on(event: "ready", listener: () => void): unknown;
  ping(): Promise<unknown>;
}

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
    const sent = this.send(documentName, (message) => {
      encoding.writeVarUint(message, MessageType.Sync);
      encoding.writeVarUint(message, SYNC_UPDATE);
      encoding.writeVarUint8Array(message, update);
    });
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

  /**
   * After every (re)connection of `subscriber`, the Redis extension's subscribing connection,
   * announces each document in `held` once the connection's channels are subscribed again.
   */
  resyncAfterReconnecting(subscriber: Subscriber, held: () => Map<string, Document>): void {
    subscriber.on("ready", () => {
      // ioredis sends the SUBSCRIBE commands of a reconnected connection before telling of
      // 'ready'; Redis answers in order, so once this PING is answered they have taken effect.
      subscriber
        .ping()
        .then(() => Promise.all([...held()].map(([name, document]) => this.announce(name, document))))
        .catch((error: unknown) => console.warn("Could not announce the documents held here to the other processes:", error));
    });
  }

  /** Asks the other processes for what they hold of `document` beyond its state, and for who is there. */
  private async announce(documentName: string, document: Document): Promise<void> {
    await Promise.all([
      this.send(documentName, (message) => {
        encoding.writeVarUint(message, MessageType.Sync);
        encoding.writeVarUint(message, SYNC_STEP_1);
        encoding.writeVarUint8Array(message, Y.encodeStateVector(document));
      }),
      this.send(documentName, (message) => encoding.writeVarUint(message, MessageType.QueryAwareness)),
    ]);
  }

  /** Publishes a message about `documentName` on its channel, in the Redis extension's format. */
  private send(documentName: string, write: (message: encoding.Encoder) => void): Promise<number> {
    const message = encoding.createEncoder();
    encoding.writeVarString(message, documentName);
    write(message);
    return this.redis.commands.publish(`${this.channelPrefix}:${documentName}`, Buffer.concat([this.senderPrefix, encoding.toUint8Array(message)]));
  }
}
