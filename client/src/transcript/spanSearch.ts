// The query of a transcript's address: `?from=START&to=END` marks a span in the offsets of
// `GET /api/documents/:id/text` (a coding stripe links the same way), and `?thread=ID` is kept
// for discussion threads. A link typed or cut short by an email program must still open the
// transcript, so anything unreadable is dropped rather than refused.

export type TranscriptSearch = { from?: number; to?: number; thread?: string };

/** A span in plain-text offsets, `from` before `to`. */
export type TextSpan = { from: number; to: number };

/** Offsets are character counts; they do not exceed what a transcript can hold by much. */
const MAX_OFFSET = 10_000_000;
const THREAD_ID = /^[\w-]{1,64}$/;

function offset(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 0 && number <= MAX_OFFSET ? number : undefined;
}

/** Reads the transcript route's search parameters (TanStack Router's validateSearch). */
export function parseTranscriptSearch(search: Record<string, unknown>): TranscriptSearch {
  const from = offset(search.from);
  const to = offset(search.to);
  const thread = typeof search.thread === "string" && THREAD_ID.test(search.thread) ? search.thread : undefined;
  return {
    ...(from !== undefined && to !== undefined && from < to ? { from, to } : {}),
    ...(thread ? { thread } : {}),
  };
}

/** The span a search names, or null. */
export function spanOf(search: TranscriptSearch): TextSpan | null {
  return search.from !== undefined && search.to !== undefined ? { from: search.from, to: search.to } : null;
}
