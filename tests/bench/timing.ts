// How every bench times things: a percentile, and the time one edit takes to reach each other
// client. One definition, so that figures from different benches mean the same thing.
import { performance } from "node:perf_hooks";
import { paragraphText, type CollabClient } from "../helpers/collab";

/** Nearest-rank percentile of a non-empty sample, in the sample's unit. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Resolves with the time at which `client` next receives a change from the server. */
function nextRemoteChange(client: CollabClient): Promise<number> {
  return new Promise((resolve) => {
    const handler = (_update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) return;
      client.doc.off("update", handler);
      resolve(performance.now());
    };
    client.doc.on("update", handler);
  });
}

export interface TimedEdit {
  /** Edit → seen by each other client, in ms. */
  arrivals: number[];
  /** Edit → acknowledged to its author (durably stored, when durability is on), in ms. */
  acknowledged: number;
}

/**
 * `editor` appends `mark` to the first paragraph; every one of `others` times its arrival, and
 * the editor its acknowledgement, which is awaited so the next edit starts from a quiet state.
 */
export async function timeEdit(editor: CollabClient, others: CollabClient[], mark: string, ackTimeoutMs = 60_000): Promise<TimedEdit> {
  const arrivals = others.map(nextRemoteChange);
  const started = performance.now();
  const paragraph = paragraphText(editor.doc, 1);
  paragraph.insert(paragraph.length, mark);
  const acknowledged = editor.waitAcknowledged(ackTimeoutMs).then(() => performance.now() - started);
  return { arrivals: (await Promise.all(arrivals)).map((arrived) => arrived - started), acknowledged: await acknowledged };
}
