// What onAuthenticate establishes about a connection; later hooks read it instead of asking again.
import type { DocumentAddress, Role } from "@concord/shared";
import type { User } from "../auth/identify";

export interface ConnectionContext {
  user: User;
  role: Role;
  /** What the connection is to, as parsed from its document name. */
  address: DocumentAddress;
  /** The transcript the connection is about (its text or a layer of it); null for the codebook. */
  documentId: string | null;
  projectId: string;
  /**
   * On a transcript's text: the person is one of its blind coders and it is not revealed yet,
   * so their cursor and selection would show the others what they are coding; their presence
   * is relayed without it (PresenceExtension). Starting or revealing a round closes the text's
   * connections (access.ts, "cursors"), so this is decided afresh.
   */
  codesBlind: boolean;
  /**
   * The credential that opened the connection (the SHA-256 hash of the session cookie or
   * API token, as stored), so signing out or revoking a token closes exactly its sockets,
   * and when it expires, so a connection lasts no longer than its credential.
   */
  credential: { kind: "session" | "token"; hash: string; expiresAt: string };
  /**
   * Access changes up to this number are known not to affect the connection: the latest one
   * when it began authenticating (see access.ts), then Infinity once checked after attaching.
   */
  accessCheckedUpTo: number;
}
