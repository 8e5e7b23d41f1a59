// Reads the head of a Hocuspocus frame (document name, then message type and, for some
// types, a sub-type) without decoding the rest, so layers around Hocuspocus can recognise
// the few messages they act on.
import * as decoding from "lib0/decoding";

export interface FrameHead {
  type: number;
  /** The varUint after the type: the sync step, the auth message kind, … */
  subtype: number | null;
}

/** The frame's message type and sub-type, or null when it is not a readable frame. */
export function frameHead(data: unknown): FrameHead | null {
  if (!(data instanceof Uint8Array)) return null;
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder); // document name
    const type = decoding.readVarUint(decoder);
    return { type, subtype: decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null };
  } catch {
    return null;
  }
}
