// A real Hocuspocus provider client for tests and benchmarks, with the waits tests need:
// synced, authenticated or refused (with the reason), text matching, and "every local
// change acknowledged by the server" (which Concord only does once the change is durable).
import { createRequire } from "node:module";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { NODE, TRANSCRIPT_FIELD, readTranscriptText } from "@concord/shared";
import { collabUrl } from "./server";

const DEFAULT_TIMEOUT_MS = 15_000;

/** The part of the `ws` client API tests use (the tests package has `ws` but not `@types/ws`). */
export interface RawWebSocket {
  send(data: Uint8Array | string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: "message", listener: (data: Buffer) => void): this;
  on(event: "error", listener: (error: Error) => void): this;
  once(event: "open", listener: () => void): this;
  once(event: "error", listener: (error: Error) => void): this;
  once(event: "close", listener: (code: number, reason: Buffer) => void): this;
}

/** Node 20 has no global WebSocket; `ws` is the client the provider and raw tests use. */
export const WebSocket = createRequire(import.meta.url)("ws") as new (
  url: string,
  options?: { headers?: Record<string, string> },
) => RawWebSocket;

/** A WebSocket class that sends `headers` (a browser's Cookie and Origin) with its upgrade. */
function withHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
    }
  };
}

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves on the first full sync with the server. */
  synced: Promise<void>;
  /** Resolves when the server accepts the token; `readOnly` for viewers. */
  authenticated: Promise<{ readOnly: boolean }>;
  /** Resolves with the server's reason when it refuses the connection. */
  refused: Promise<string>;
  /** The transcript as plain text. */
  text(): string;
  /** Resolves with the text once `predicate` holds (checked on every document change). */
  waitForText(predicate: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves once the server has acknowledged every local change (`unsyncedChanges === 0`). */
  waitAcknowledged(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** Rejects with `message` after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${message}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once `check` holds for the client's document, checking now and on every update; fails after 10 s naming `what`. */
export function untilDoc(client: CollabClient, check: () => boolean, what: string): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      const test = () => check() && resolve();
      client.doc.on("update", test);
      test();
    }),
    10_000,
    what,
  );
}

/** One entry of a `collab` listing (GET /api/documents/:id, GET /api/projects/:id): a document the caller may open. */
export interface CollabEntry {
  name: string;
  kind: string;
  coderId?: string;
}

export interface ConnectOptions {
  /** Share another client's socket (Hocuspocus multiplexes documents on one connection). */
  websocketProvider?: HocuspocusProviderWebsocket;
  /** Headers for the upgrade request, as a browser page sends them (`cookie`, `origin`). */
  headers?: Record<string, string>;
}

/** Opens a document as `token`'s user. `url` is the server's http URL. */
export function connect(url: string, documentId: string, token: string, options: ConnectOptions = {}): CollabClient {
  const doc = new Y.Doc();
  const ownSocket = !options.websocketProvider;
  const websocketProvider =
    options.websocketProvider ??
    new HocuspocusProviderWebsocket({
      url: collabUrl(url),
      WebSocketPolyfill: options.headers ? withHeaders(options.headers) : WebSocket,
      // Tests restart servers on purpose; a destroyed client must not keep dialling.
      maxAttempts: 1,
    });
  let onRefused!: (reason: string) => void;
  const refused = new Promise<string>((resolve) => (onRefused = resolve));
  let onAuthenticated!: (value: { readOnly: boolean }) => void;
  const authenticated = new Promise<{ readOnly: boolean }>((resolve) => (onAuthenticated = resolve));
  let onSynced!: () => void;
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentId,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
    onAuthenticated: ({ scope }) => onAuthenticated({ readOnly: scope === "readonly" }),
    onSynced: () => onSynced(),
  });
  provider.attach();

  const text = () => readTranscriptText(doc);
  return {
    doc,
    provider,
    synced,
    authenticated,
    refused,
    text,
    waitForText(predicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
      let listener: (() => void) | undefined;
      const matched = new Promise<string>((resolve) => {
        listener = () => {
          const current = text();
          if (predicate(current)) resolve(current);
        };
        doc.on("update", listener);
        listener();
      });
      return within(matched, timeoutMs, `text never matched; it is ${JSON.stringify(text().slice(0, 200))}`).finally(() =>
        doc.off("update", listener!),
      );
    },
    waitAcknowledged(timeoutMs = DEFAULT_TIMEOUT_MS) {
      if (provider.unsyncedChanges === 0) return Promise.resolve();
      let listener: ((event: { number: number }) => void) | undefined;
      const acknowledged = new Promise<void>((resolve) => {
        listener = ({ number }) => {
          if (number === 0) resolve();
        };
        provider.on("unsyncedChanges", listener);
      });
      return within(acknowledged, timeoutMs, `${provider.unsyncedChanges} changes never acknowledged`).finally(() =>
        provider.off("unsyncedChanges", listener!),
      );
    },
    destroy() {
      provider.destroy();
      if (ownSocket) websocketProvider.destroy();
      doc.destroy();
    },
  };
}

/** One WebSocket, as a browser tab has, recording every byte the server sends on it into `frames`. */
export function recordingSocket(url: string, frames: Buffer[]): HocuspocusProviderWebsocket {
  class Recording extends WebSocket {
    constructor(address: string) {
      super(address);
      this.on("message", (data) => frames.push(Buffer.from(data)));
    }
  }
  return new HocuspocusProviderWebsocket({ url: collabUrl(url), WebSocketPolyfill: Recording, maxAttempts: 1 });
}

/** Waits until `client` is synced, failing with the refusal's reason if it is refused. */
export async function synced(client: CollabClient, name: string): Promise<CollabClient> {
  await within(
    Promise.race([client.synced, client.refused.then((reason) => Promise.reject(new Error(`${name} refused: ${reason}`)))]),
    DEFAULT_TIMEOUT_MS,
    `sync of ${name}`,
  );
  return client;
}

/** Connects and waits until the document is synced. */
export async function connectSynced(url: string, documentId: string, token: string): Promise<CollabClient> {
  const client = connect(url, documentId, token);
  await within(
    Promise.race([client.synced, client.refused.then((reason) => Promise.reject(new Error(`refused: ${reason}`)))]),
    DEFAULT_TIMEOUT_MS,
    `sync of ${documentId}`,
  );
  return client;
}

/** The n-th Y.XmlText of the transcript in document order (each paragraph holds one). */
export function paragraphText(doc: Y.Doc, index = 0): Y.XmlText {
  const texts: Y.XmlText[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) texts.push(node);
    else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) node.toArray().forEach(visit);
  };
  visit(doc.getXmlFragment(TRANSCRIPT_FIELD));
  const found = texts[index];
  if (!found) throw new Error(`The transcript has no paragraph ${index}.`);
  return found;
}

/** Appends a free paragraph to the transcript, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement(NODE.paragraph);
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(TRANSCRIPT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

/** The update `change` makes to a copy of `doc`: what a client holding `doc` would send. */
export function updateMadeTo(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => change(copy.getXmlFragment(TRANSCRIPT_FIELD)));
  return Y.encodeStateAsUpdate(copy, before);
}

/** Nests `depth` elements at the start of `fragment`, named in turn from `names`, built top-down. */
export function nestElements(fragment: Y.XmlFragment, depth: number, names = ["blockquote"]): void {
  let holder: Y.XmlFragment | Y.XmlElement = fragment;
  for (let i = 0; i < depth; i++) {
    const element: Y.XmlElement = new Y.XmlElement(names[i % names.length]);
    holder.insert(0, [element]);
    holder = element;
  }
}
