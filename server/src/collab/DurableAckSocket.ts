// Lets an edit reach everyone at once while its author's "saved" acknowledgement waits for
// the disk. Hocuspocus applies, broadcasts and acknowledges an update in one go; this wraps
// the author's socket and holds back only the SyncStatus acknowledgements until every update
// received on that socket so far is committed to the log.
//
// Nothing acknowledged can be lost: if the server dies before the commit, the author's
// provider still counts the change as unsynced and sends it again on reconnect (and the
// others who received it hold it too). If the commit fails, the socket is closed, so the
// acknowledgement is never sent.
import { AuthMessageType } from "@hocuspocus/common";
import { MessageType, type WebSocketLike } from "@hocuspocus/server";
import { CLOSE } from "@concord/shared";
import { frameHead } from "./frames";

const OPEN = 1;

/** Whether the frame is a SyncStatus: the "your update was saved" acknowledgement. */
const isSyncStatus = (data: unknown) => frameHead(data)?.type === MessageType.SyncStatus;

/** Whether the frame tells the client a document accepted its token. */
function isAuthenticated(data: unknown): boolean {
  const head = frameHead(data);
  return head?.type === MessageType.Auth && head.subtype === AuthMessageType.Authenticated;
}

export class DurableAckSocket implements WebSocketLike {
  private committed: Promise<void> = Promise.resolve();

  /**
   * `onAuthenticated` runs when the server first tells the client that a document accepted
   * its token: the one signal Hocuspocus gives that this socket has signed in.
   */
  constructor(
    private readonly socket: WebSocketLike,
    private onAuthenticated?: () => void,
  ) {}

  get readyState(): number {
    return this.socket.readyState;
  }

  /** Acknowledgements sent from now on wait until `commit` has resolved. */
  holdAcksUntil(commit: Promise<void>): void {
    commit.catch((error: unknown) => {
      console.error("Could not log an update; closing the connection so the client resends it:", error);
      this.socket.close(CLOSE.storageFailed.code, CLOSE.storageFailed.reason);
    });
    this.committed = Promise.all([this.committed, commit]).then(() => undefined);
  }

  send(data: Parameters<WebSocketLike["send"]>[0]): void {
    if (this.onAuthenticated && isAuthenticated(data)) {
      this.onAuthenticated();
      this.onAuthenticated = undefined;
    }
    if (!isSyncStatus(data)) {
      this.socket.send(data);
      return;
    }
    this.committed.then(
      () => {
        if (this.socket.readyState === OPEN) this.socket.send(data);
      },
      () => undefined, // the socket is being closed; the client will resend
    );
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
}
