// Decides, once per document connection and before any document is loaded, whether the
// caller may open it. Refusing here (not in onLoadDocument) matters: Hocuspocus 4.6–4.7
// leaks a document and its timer for every connection refused while loading (issue 1156).
import type { Extension, beforeHandleMessagePayload, connectedPayload, onAuthenticatePayload } from "@hocuspocus/server";
import { CLOSE, can, parseDocumentName, type DocumentAddress, type Role } from "@concord/shared";
import { codingVisibility } from "../coding/visibility";
import { mayOpenRaterDocument, reviewViewer } from "../review/visibility";
import { isSameOrigin, readCookie, SESSION_COOKIE, userForCredential, type Credential, type Identified } from "../auth/identify";
import { roleIn } from "../policies";
import type { Store } from "../store/store";
import { accessChangedSince, accessChangeNumber } from "./access";
import type { ConnectionContext } from "./context";

/** The token a browser sends to say "use my session cookie". */
export const SESSION_TOKEN = "session";

export class AuthExtension implements Extension {
  extensionName = "Auth";

  /** `publicUrl`: the origin our pages are served from (see AppDeps.publicUrl). */
  constructor(
    private readonly store: Store,
    private readonly publicUrl: () => URL,
  ) {}

  private async identify(token: string, headers: Headers): Promise<{ identified: Identified; kind: Credential["kind"] } | null> {
    let credential: Credential;
    if (token !== SESSION_TOKEN) {
      credential = { kind: "token", secret: token };
    } else {
      // A cookie travels with any page's WebSocket, so only our own pages may use it.
      if (!isSameOrigin(headers, this.publicUrl())) throw CLOSE.badOrigin;
      const cookie = readCookie(headers.get("cookie"), SESSION_COOKIE);
      if (!cookie) return null;
      credential = { kind: "session", secret: cookie };
    }
    const identified = await userForCredential(this.store.db, credential);
    return identified ? { identified, kind: credential.kind } : null;
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<ConnectionContext> {
    // Noted before anything is read, so a change of access from here on is caught once attached.
    const accessCheckedUpTo = accessChangeNumber(data.instance);
    const identified = await this.identify(data.token, data.requestHeaders);
    if (!identified) throw CLOSE.notSignedIn;
    const { identified: { user, hash, expiresAt }, kind } = identified;
    const address = parseDocumentName(data.documentName);
    const target = address ? await this.authorize(address, user.id) : null;
    if (!target) throw CLOSE.noSuchDocument;
    // Only transcripts are edited over the socket; layers, rounds, the codebook and threads are written by the
    // server alone (collab/serverWrites.ts), so a client's update to them is never applied.
    if (address?.kind !== "text" || !can(target.role, "document.edit")) data.connectionConfig.readOnly = true;
    return {
      user,
      role: target.role,
      address: address!,
      documentId: target.documentId,
      projectId: target.projectId,
      codesBlind: target.codesBlind,
      credential: { kind, hash, expiresAt },
      accessCheckedUpTo,
    };
  }

  /** The project and role behind an address the user may open, or null (as if it did not exist). */
  private async authorize(address: DocumentAddress, userId: string): Promise<{ role: Role; documentId: string | null; projectId: string; codesBlind: boolean } | null> {
    if (address.kind === "codebook" || address.kind === "threads" || address.kind === "reviewRevealed") {
      const role = await roleIn(this.store.db, address.projectId, userId);
      return role ? { role, documentId: null, projectId: address.projectId, codesBlind: false } : null;
    }
    if (address.kind === "reviewRater") {
      // A rater's own work at a stage: theirs alone, or a watching lead's (review/visibility.ts).
      const role = await roleIn(this.store.db, address.projectId, userId);
      if (!role) return null;
      const viewer = await reviewViewer(this.store.db, address.projectId, address.stage, { userId, role });
      return mayOpenRaterDocument(viewer, address.raterId) ? { role, documentId: null, projectId: address.projectId, codesBlind: false } : null;
    }
    const document = await this.store.db
      .selectFrom("documents")
      .select(["id", "project_id"])
      .where("id", "=", address.documentId)
      .executeTakeFirst();
    const role = document ? await roleIn(this.store.db, document.project_id, userId) : null;
    if (!document || !role) return null;
    const visibility = await codingVisibility(this.store.db, { userId, role }, document.id);
    if (address.kind === "layer" && !visibility.maySeeLayer(address.coderId)) return null;
    const codesBlind = address.kind === "text" && visibility.blind !== null && visibility.blind.coders.some((coder) => coder.id === userId);
    return { role, documentId: document.id, projectId: document.project_id, codesBlind };
  }

  /**
   * Access may have changed while the connection authenticated and its document loaded
   * (closeConnections could not see it then): check as soon as it is attached, and before
   * each message, since Hocuspocus hands it the messages queued meanwhile before `connected`.
   */
  async connected({ instance, connection, context }: connectedPayload<ConnectionContext>): Promise<void> {
    if (accessChangedSince(instance, context)) connection.close(CLOSE.accessChanged);
  }

  async beforeHandleMessage({ instance, context }: beforeHandleMessagePayload<ConnectionContext>): Promise<void> {
    if (accessChangedSince(instance, context)) throw CLOSE.accessChanged;
  }
}
