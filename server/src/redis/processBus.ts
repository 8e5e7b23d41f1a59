// What one process tells the others on Redis about connections it does not hold: changes of
// access (a role changed, a member left, a session or token ended, a blind round began), which
// close the matching connections everywhere, and notices that the documents beside a
// transcript changed, which each process sends to its own connections that may hear them.
// Each process publishes on one channel and applies the others' messages. A change is
// published only after it is committed, so a process receiving it and then authorising a
// connection reads the new state; a connection that was authorising meanwhile is caught by
// access.ts's numbering.
import type { Hocuspocus } from "@hocuspocus/server";
import type { Kysely } from "kysely";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AccessChangeSchema, applyAccessChange, relayAccessChanges } from "../collab/access";
import { CollabNoticeSchema, applyCollabNotice, relayCollabNotices } from "../collab/notices";
import type { DatabaseSchema } from "../store/schema";
import type { RedisLink } from "./connection";

const Message = z.union([z.strictObject({ from: z.string(), change: AccessChangeSchema }), z.strictObject({ from: z.string(), notice: CollabNoticeSchema })]);

/** Joins `hocuspocus`'s access changes and notices to every other process on `redis`; resolves once subscribed. */
export async function joinOtherProcesses(hocuspocus: Hocuspocus, redis: RedisLink, db: Kysely<DatabaseSchema>): Promise<void> {
  const channel = `${redis.prefix}access`;
  const self = randomUUID();
  const subscriber = redis.connect();
  subscriber.on("message", (from: string, raw: string) => {
    if (from !== channel) return;
    let message: z.infer<typeof Message>;
    try {
      message = Message.parse(JSON.parse(raw));
    } catch {
      console.warn("Ignored a malformed message from another process on Redis.");
      return;
    }
    if (message.from === self) return;
    if ("change" in message) applyAccessChange(hocuspocus, message.change);
    else applyCollabNotice(hocuspocus, db, message.notice).catch((error: unknown) => console.error("Could not pass on a notice from another process:", error));
  });
  await subscriber.subscribe(channel);
  const publish = (message: z.infer<typeof Message>) =>
    redis.commands.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
      console.error("Could not publish to the other processes:", error);
    });
  relayAccessChanges(hocuspocus, (change) => void publish({ from: self, change }));
  relayCollabNotices(hocuspocus, (notice) => void publish({ from: self, notice }));
}
