// The codebook and every coding layer the caller may see, open and live. The server authors
// these documents (clients write through the REST routes), so they are opened read-only in
// effect: nothing here changes them. Their names come from the server's `collab` listings,
// never built here. They share the text document's socket (Hocuspocus multiplexes documents
// over one connection) and carry no awareness: presence belongs to the text.
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import type { Collaboration } from "../editor/useCollaboration";

export type LayerDoc = { coderId: string; doc: Y.Doc };

export type CodingDocs = {
  codebook: Y.Doc | null;
  layers: LayerDoc[];
  /** Grows whenever any of them changed (at most once a frame), for memos to depend on. */
  version: number;
};

type Wanted = { name: string; coderId: string | null };

/**
 * Opens `wanted` on the socket of `collaboration`. A document that leaves the list (blind
 * mode switched on, a member removed) is closed; a new one (reveal) is opened.
 */
export function useCodingDocs(collaboration: Collaboration | null, wanted: Wanted[]): CodingDocs {
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<{ name: string; coderId: string | null; doc: Y.Doc }[]>([]);
  // A string key: the listing is a fresh array on every fetch, the set of names rarely changes.
  const key = wanted.map((w) => `${w.name}|${w.coderId ?? ""}`).join(",");

  useEffect(() => {
    if (!collaboration) return;
    const socket = collaboration.provider.configuration.websocketProvider;
    let frame = 0;
    const changed = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const opened = wanted.map(({ name, coderId }) => {
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: "session", awareness: null });
      provider.attach();
      doc.on("update", changed);
      return { name, coderId, doc, provider };
    });
    setOpen(opened.map(({ name, coderId, doc }) => ({ name, coderId, doc })));
    return () => {
      cancelAnimationFrame(frame);
      for (const { doc, provider } of opened) {
        doc.off("update", changed);
        provider.destroy();
        doc.destroy();
      }
      setOpen([]);
    };
    // `wanted` is read through `key`, which names exactly what it holds.
  }, [collaboration, key]);

  return useMemo(
    () => ({
      codebook: open.find((o) => o.coderId === null)?.doc ?? null,
      layers: open.filter((o): o is { name: string; coderId: string; doc: Y.Doc } => o.coderId !== null).map(({ coderId, doc }) => ({ coderId, doc })),
      version,
    }),
    [open, version],
  );
}
