// Tells the people with a document open through this process when their edits cannot reach
// the other processes (Redis is away) and when they can again (see shared relayNotice.ts):
// every open connection at each change, and a connection opened meanwhile at once.
import type { connectedPayload, Extension, onConfigurePayload } from "@hocuspocus/server";
import { relayNotice } from "@concord/shared";
import type { RedisLink } from "../redis/connection";

export class RelayNoticeExtension implements Extension {
  constructor(private readonly redis: RedisLink) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.redis.onReachability((reachable) => {
      const notice = relayNotice(reachable);
      for (const document of instance.documents.values()) {
        for (const connection of document.getConnections()) connection.sendStateless(notice);
      }
    });
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    if (!this.redis.reachable()) connection.sendStateless(relayNotice(false));
  }
}
