// The codebook and every coding layer the caller may see, open and live. The server authors
// these documents (clients write through the REST routes), so they are opened read-only in
// effect: nothing here changes them. Their names come from the server's `collab` listings,
// never built here. They share the text document's socket (Hocuspocus multiplexes documents
// over one connection) and carry no awareness: presence belongs to the text.
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useRef, useState } from "react";
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
  const [open, setOpen] = useState<Opened[]>([]);
  // What is open now, by name: a change of the listing opens and closes only the difference,
  // so the others keep their state (no flicker of stripes while a new layer arrives).
  const opened = useRef(new Map<string, Opened & { provider: HocuspocusProvider }>());
  const changed = useRef(() => {});
  // A string key: the listing is a fresh array on every fetch, the set of names rarely changes.
  const key = wanted.map((w) => `${w.name}|${w.coderId ?? ""}`).join(",");

  // One socket's documents: all closed when the text's connection goes.
  useEffect(() => {
    if (!collaboration) return;
    let frame = 0;
    changed.current = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const all = opened.current;
    return () => {
      cancelAnimationFrame(frame);
      for (const entry of all.values()) close(entry, changed.current);
      all.clear();
      setOpen([]);
    };
  }, [collaboration]);

  useEffect(() => {
    if (!collaboration) return;
    const socket = collaboration.provider.configuration.websocketProvider;
    const all = opened.current;
    const names = new Set(wanted.map((w) => w.name));
    for (const [name, entry] of all) {
      if (names.has(name)) continue;
      close(entry, changed.current);
      all.delete(name);
    }
    for (const { name, coderId } of wanted) {
      if (all.has(name)) continue;
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: "session", awareness: null });
      provider.attach();
      doc.on("update", changed.current);
      all.set(name, { name, coderId, doc, provider });
    }
    setOpen([...all.values()].map(({ name, coderId, doc }) => ({ name, coderId, doc })));
    // `wanted` is read through `key`, which names exactly what it holds.
  }, [collaboration, key]);

  return useMemo(
    () => ({
      codebook: open.find((o) => o.coderId === null)?.doc ?? null,
      layers: open.filter((o): o is Opened & { coderId: string } => o.coderId !== null).map(({ coderId, doc }) => ({ coderId, doc })),
      version,
    }),
    [open, version],
  );
}

type Opened = { name: string; coderId: string | null; doc: Y.Doc };

function close(entry: { doc: Y.Doc; provider: HocuspocusProvider }, onUpdate: () => void): void {
  entry.doc.off("update", onUpdate);
  entry.provider.destroy();
  entry.doc.destroy();
}
