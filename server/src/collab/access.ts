// When a member's role changes or they leave a project, their open document connections
// are closed so the provider reconnects and onAuthenticate decides afresh. (With several
// server processes this will be published to all of them; today there is one.)
import type { Hocuspocus } from "@hocuspocus/server";
import { CLOSE } from "@concord/shared";
import type { ConnectionContext } from "./context";

export function closeConnectionsOf(hocuspocus: Hocuspocus | undefined, projectId: string, userId: string): number {
  let closed = 0;
  for (const document of hocuspocus?.documents.values() ?? []) {
    for (const connection of document.getConnections()) {
      const context = connection.context as ConnectionContext | undefined;
      if (context?.projectId === projectId && context.user.id === userId) {
        connection.close(CLOSE.accessChanged);
        closed++;
      }
    }
  }
  return closed;
}
