// Changes of access (a role changed, a member left, a session or token ended) reach the
// connections on every process: each process publishes its changes on one channel and
// applies the others' to its own connections. A change is published only after it is
// committed, so a process receiving it and then authorising a connection reads the new state;
// a connection that was authorising meanwhile is caught by access.ts's numbering.
import type { Hocuspocus } from "@hocuspocus/server";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { applyAccessChange, relayAccessChanges, type AccessChange } from "../collab/access";
import type { RedisLink } from "./connection";

const Message = z.object({
  from: z.string(),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("member"), projectId: z.string(), userId: z.string() }),
    z.object({ kind: z.literal("credentials"), hashes: z.array(z.string()).max(10_000) }),
    z.object({ kind: z.literal("layers"), documentIds: z.array(z.string()).max(10_000) }),
    z.object({ kind: z.literal("review"), projectId: z.string() }),
  ]),
});

/** Joins `hocuspocus`'s access changes to every other process on `redis`; resolves once subscribed. */
export async function joinAccessChanges(hocuspocus: Hocuspocus, redis: RedisLink): Promise<void> {
  const channel = `${redis.prefix}access`;
  const self = randomUUID();
  const subscriber = redis.connect();
  subscriber.on("message", (from: string, raw: string) => {
    if (from !== channel) return;
    let message: z.infer<typeof Message>;
    try {
      message = Message.parse(JSON.parse(raw));
    } catch {
      console.warn("Ignored a malformed access change from Redis.");
      return;
    }
    if (message.from !== self) applyAccessChange(hocuspocus, message.change as AccessChange);
  });
  await subscriber.subscribe(channel);
  relayAccessChanges(hocuspocus, (change) => {
    redis.commands.publish(channel, JSON.stringify({ from: self, change })).catch((error: unknown) => {
      console.error("Could not publish a change of access to the other processes:", error);
    });
  });
}
