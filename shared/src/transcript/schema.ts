// What a transcript's Yjs document may contain: exactly what the editor can produce (the
// Tiptap StarterKit nodes and marks plus SpeakerTurn, client/src/editor/, in
// y-prosemirror's layout), no deeper than MAX_NESTING_DEPTH and no longer than
// MAX_TRANSCRIPT_CHARS, the same limit REST creation uses. The server checks every incoming
// update against it before Hocuspocus applies or relays the update.
//
// The check reads the update's structs (Y.decodeUpdate) and resolves each new struct's
// parent either within the update or in the live document, read-only; it never builds a
// second copy of the document. It checks which node may hold which, attributes, marks and
// sizes, not content expressions ("paragraph+"): concurrent edits by honest editors
// routinely produce, say, an empty turn, and y-prosemirror copes with that.
import * as Y from "yjs";
import { MAX_TRANSCRIPT_CHARS } from "../collab/closeEvents";
import { NODE, TRANSCRIPT_FIELD } from "./ydoc";

/**
 * How deep elements and text may nest below the fragment (a paragraph's text in a turn is 3).
 * Thirty-odd levels of nested lists is far beyond any transcript and well within the call
 * stack of every reader (ProseMirror, y-prosemirror, the browser's layout).
 */
export const MAX_NESTING_DEPTH = 40;
/** The longest attribute value the editor writes (a speaker label, a link). */
export const MAX_ATTRIBUTE_CHARS = 2_048;

const BLOCKS = ["paragraph", "blockquote", "bulletList", "orderedList", "codeBlock", "heading", "horizontalRule", NODE.turn];
const INLINE = ["text", "hardBreak"];
/** Which children each node may hold ("text" is a Y.XmlText); the fragment is the document node. */
const CHILDREN: Record<string, readonly string[]> = {
  [TRANSCRIPT_FIELD]: BLOCKS,
  [NODE.paragraph]: INLINE,
  heading: INLINE,
  codeBlock: ["text"],
  blockquote: BLOCKS,
  listItem: BLOCKS,
  bulletList: ["listItem"],
  orderedList: ["listItem"],
  [NODE.turn]: [NODE.paragraph],
  hardBreak: [],
  horizontalRule: [],
};

const isString = (value: unknown): value is string => typeof value === "string" && value.length <= MAX_ATTRIBUTE_CHARS;
const isInteger = (value: unknown) => Number.isSafeInteger(value);

/** Node attributes the editor writes (y-prosemirror leaves out null ones). */
const ATTRIBUTES: Record<string, Record<string, (value: unknown) => boolean>> = {
  [NODE.turn]: { speaker: isString },
  heading: { level: (v) => isInteger(v) && (v as number) >= 1 && (v as number) <= 6 },
  orderedList: { start: isInteger, type: isString },
  codeBlock: { language: isString },
};

// Tiptap's Link accepts these schemes (and scheme-less, relative links); anything else,
// javascript: above all, must never reach another person's editor.
const LINK_SCHEMES = /^(?:https?|ftps?|mailto|tel|callto|sms|cid|xmpp):/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
function isSafeHref(value: unknown): boolean {
  if (!isString(value)) return false;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = [...value].filter((char) => char.charCodeAt(0) > 0x20 && char.charCodeAt(0) !== 0x7f).join("");
  return !SCHEME.test(compact) || LINK_SCHEMES.test(compact);
}
const LINK_ATTRIBUTES: Record<string, (value: unknown) => boolean> = {
  href: isSafeHref,
  target: isString,
  rel: isString,
  class: isString,
  title: isString,
};

/** Marks as XmlText formatting attributes: the mark's attrs, or null where the mark ends. */
function isMarkValue(mark: string, value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  if (mark !== "link") return entries.length === 0;
  return entries.every(([key, v]) => v === null || (LINK_ATTRIBUTES[key]?.(v) ?? false));
}
const MARKS = new Set(["bold", "italic", "strike", "underline", "code", "link"]);
/** Text in a code block carries no marks (its schema says `marks: ""`). */
const marksAllowedIn = (element: string) => element !== "codeBlock";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type; their event types differ
type YType = Y.AbstractType<any>;

/** Where a struct sits: the fragment, an element, or a text (with the element holding it). */
type Place =
  | { kind: "fragment"; depth: 0 }
  | { kind: "element"; name: string; depth: number }
  | { kind: "text"; within: string; depth: number }
  /** Content whose parent is gone (garbage-collected): Yjs discards it on arrival. */
  | { kind: "discarded" };

type Resolved = { place: Place; parentSub: string | null } | { refused: string };

/** Where content inside a live type goes, or null when the type is no part of the transcript. */
function placeOfLiveType(type: YType): Place | null {
  let depth = 0;
  let root = type;
  while (root._item) {
    depth++;
    root = root._item.parent as YType;
  }
  if (root.constructor !== Y.XmlFragment || Y.findRootTypeKey(root) !== TRANSCRIPT_FIELD) return null;
  if (depth === 0) return { kind: "fragment", depth: 0 };
  if (type.constructor === Y.XmlElement) return { kind: "element", name: (type as Y.XmlElement).nodeName, depth };
  const holder = type._item?.parent;
  if (type.constructor === Y.XmlText && holder instanceof Y.XmlElement) return { kind: "text", within: holder.nodeName, depth };
  return null;
}

/** The update's structs by client, in clock order (as Y.decodeUpdate yields them). */
type Incoming = Map<number, Y.AbstractStruct[]>;

/** Binary search for the struct holding `clock` in a clock-ordered list. */
function holding(structs: Y.AbstractStruct[], clock: number): Y.AbstractStruct | undefined {
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const struct = structs[middle]!;
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct;
  }
  return undefined;
}

/**
 * Resolves where each new struct goes. Parents and origins chain through other new structs
 * in any order and to any depth, so this works through an explicit stack (never recursion:
 * the update is the attacker's) and memoises every struct it resolves.
 */
class Resolver {
  private readonly resolved = new Map<Y.AbstractStruct, Resolved>();
  private readonly isIncoming = new Set<Y.AbstractStruct>();
  private readonly livePlaces = new Map<YType, Place | null>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly incoming: Incoming,
  ) {
    for (const list of incoming.values()) for (const struct of list) this.isIncoming.add(struct);
  }

  /** The struct holding `id`, from the update or else the live document. */
  private find(id: Y.ID): Y.AbstractStruct | undefined {
    const fromUpdate = holding(this.incoming.get(id.client) ?? [], id.clock);
    if (fromUpdate) return fromUpdate;
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || Y.getState(this.doc.store, id.client) <= id.clock) return undefined;
    return structs[Y.findIndexSS(structs, id.clock)];
  }

  private livePlace(type: YType): Place | null {
    if (!this.livePlaces.has(type)) this.livePlaces.set(type, placeOfLiveType(type));
    return this.livePlaces.get(type)!;
  }

  resolve(start: Y.Item): Resolved {
    const stack: Y.Item[] = [start];
    const onStack = new Set<Y.Item>(stack);
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      const step = this.step(item);
      if ("needs" in step) {
        if (onStack.has(step.needs)) {
          this.resolved.set(item, { refused: "the change refers to itself" });
        } else {
          stack.push(step.needs);
          onStack.add(step.needs);
          continue;
        }
      } else {
        this.resolved.set(item, step.result);
      }
      stack.pop();
      onStack.delete(item);
    }
    return this.resolved.get(start)!;
  }

  /** This item's place, or the new item that must be resolved first. */
  private step(item: Y.Item): { result: Resolved } | { needs: Y.Item } {
    const parent = item.parent as unknown;
    if (typeof parent === "string") {
      if (parent !== TRANSCRIPT_FIELD) return { result: { refused: "the change writes outside the transcript" } };
      return { result: { place: { kind: "fragment", depth: 0 }, parentSub: item.parentSub } };
    }
    if (parent instanceof Y.ID) {
      const holder = this.find(parent);
      if (!holder) return { result: { refused: "the change depends on content the server does not have" } };
      if (!(holder instanceof Y.Item)) return { result: { place: { kind: "discarded" }, parentSub: item.parentSub } };
      if (holder.id.clock !== parent.clock || !(holder.content instanceof Y.ContentType)) {
        return { result: { refused: "the change puts content inside something that cannot hold it" } };
      }
      if (!this.isIncoming.has(holder)) {
        const place = this.livePlace(holder.content.type);
        return { result: place ? { place, parentSub: item.parentSub } : { refused: "the change is not part of the transcript" } };
      }
      const outer = this.resolved.get(holder);
      if (!outer) return { needs: holder };
      return { result: inside(holder.content.type, outer, item.parentSub) };
    }
    // No parent written: it shares the parent of the struct it was inserted next to.
    const neighbourId = item.origin ?? item.rightOrigin;
    if (!neighbourId) return { result: { refused: "the change has no place in the document" } };
    const neighbour = this.find(neighbourId);
    if (!neighbour) return { result: { refused: "the change depends on content the server does not have" } };
    if (!(neighbour instanceof Y.Item)) return { result: { place: { kind: "discarded" }, parentSub: null } };
    if (this.isIncoming.has(neighbour)) {
      const shared = this.resolved.get(neighbour);
      return shared ? { result: shared } : { needs: neighbour };
    }
    const live = neighbour.parent as YType | null;
    const place = live ? this.livePlace(live) : { kind: "discarded" as const };
    return { result: place ? { place, parentSub: neighbour.parentSub } : { refused: "the change is not part of the transcript" } };
  }
}

/** The place inside a new type, given where the type itself goes. */
function inside(type: YType, outer: Resolved, parentSub: string | null): Resolved {
  if ("refused" in outer) return outer;
  const { place } = outer;
  if (place.kind === "discarded") return { place, parentSub };
  const depth = place.kind === "fragment" ? 1 : place.depth + 1;
  if (type.constructor === Y.XmlText && place.kind === "element") return { place: { kind: "text", within: place.name, depth }, parentSub };
  if (type.constructor === Y.XmlElement) return { place: { kind: "element", name: (type as Y.XmlElement).nodeName, depth }, parentSub };
  return { refused: "the change puts content inside something that cannot hold it" };
}

/** Why content of this kind may not go at this place, or null when it may. */
function refusalFor(item: Y.Item, place: Place, parentSub: string | null): string | null {
  if (place.kind === "discarded") return null;
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (parentSub !== null) {
    // A map entry: an element's attribute (y-prosemirror writes node attributes so).
    if (place.kind !== "element") return "the change sets an attribute where there can be none";
    const check = ATTRIBUTES[place.name]?.[parentSub];
    const values = content instanceof Y.ContentAny ? content.arr : null;
    if (!check || !values || values.length !== 1 || !check(values[0])) return `the change sets a ${place.name} attribute the editor never writes`;
    return null;
  }
  const holder = place.kind === "fragment" ? TRANSCRIPT_FIELD : place.kind === "element" ? place.name : null;
  if (content instanceof Y.ContentType) {
    const type = content.type;
    const name = type.constructor === Y.XmlText ? "text" : type.constructor === Y.XmlElement ? (type as Y.XmlElement).nodeName : null;
    if (!name || holder === null || !(CHILDREN[holder] ?? []).includes(name)) {
      return `the change puts ${name ? `a “${name.slice(0, 40)}”` : "content"} where the editor never does`;
    }
    const depth = place.kind === "fragment" ? 1 : place.depth + 1;
    if (depth > MAX_NESTING_DEPTH) return `the change nests deeper than ${MAX_NESTING_DEPTH} levels`;
    return null;
  }
  if (place.kind !== "text") return "the change puts content where the editor never does";
  if (content instanceof Y.ContentString) return null;
  if (content instanceof Y.ContentFormat) {
    if (!marksAllowedIn(place.within) || !MARKS.has(content.key) || !isMarkValue(content.key, content.value)) {
      return "the change applies formatting the editor never does";
    }
    return null;
  }
  return "the change puts content where the editor never does";
}

/** Characters of text plus one per element: what a transcript's length is measured in. */
function sizeOf(item: Y.Item): number {
  if (item.content instanceof Y.ContentString) return item.length;
  if (item.content instanceof Y.ContentType && item.content.type.constructor === Y.XmlElement) return 1;
  return 0;
}

/**
 * A transcript's size: its characters plus one per element (each paragraph counts like the
 * line break that separates it in plain text). A transcript created from text within
 * MAX_TRANSCRIPT_CHARS measures at most one more than its text length. Iterative, so any
 * stored state can be measured.
 */
export function transcriptSize(doc: Y.Doc): number {
  let size = 0;
  const pending: YType[] = [doc.getXmlFragment(TRANSCRIPT_FIELD)];
  for (let type = pending.pop(); type; type = pending.pop()) {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      size += sizeOf(item);
      if (item.content instanceof Y.ContentType) pending.push(item.content.type);
    }
  }
  return size;
}

/**
 * Per live document, a bound never below its size: the size when last measured plus the
 * growth of every update accepted since (deletions are not subtracted). Measuring walks the
 * whole document, so it is done only when the bound would pass the limit, not on every
 * keystroke. Changes that bypass checkTranscriptUpdate (trusted server-side writes) are not
 * counted until the next measurement.
 */
const sizeBounds = new WeakMap<Y.Doc, number>();

/** Whether the document may grow by `growth`; if so, the bound is raised by it. */
function roomFor(doc: Y.Doc, growth: number): boolean {
  if (growth <= 0) return true;
  let bound = sizeBounds.get(doc);
  if (bound === undefined || bound + growth > MAX_TRANSCRIPT_CHARS) bound = transcriptSize(doc);
  if (bound + growth > MAX_TRANSCRIPT_CHARS) {
    sizeBounds.set(doc, bound);
    return false;
  }
  sizeBounds.set(doc, bound + growth);
  return true;
}

/** Why an update is refused: what kind of problem, and (for the server's log) the detail. */
export interface TranscriptRefusal {
  problem: "not_editor_content" | "too_long";
  detail: string;
}

/**
 * Checks an incoming update against the live document it would be applied to. Returns why
 * it must be refused, or null when the editor could have made it. Throws when the update
 * cannot be decoded at all.
 */
export function checkTranscriptUpdate(doc: Y.Doc, update: Uint8Array): TranscriptRefusal | null {
  const { structs } = Y.decodeUpdate(update);
  // A document loaded from an update holds its root as a plain AbstractType until someone
  // asks for it by type; asking makes it the XmlFragment its items are checked against.
  doc.getXmlFragment(TRANSCRIPT_FIELD);
  const incoming: Incoming = new Map();
  const fresh: Y.Item[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const list = incoming.get(struct.id.client) ?? [];
    list.push(struct);
    incoming.set(struct.id.client, list);
    // Structs the document already has are ignored by Yjs; only the rest can change it.
    if (struct instanceof Y.Item && struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) fresh.push(struct);
  }
  const resolver = new Resolver(doc, incoming);
  let growth = 0;
  for (const item of fresh) {
    const resolved = resolver.resolve(item);
    const refusal = "refused" in resolved ? resolved.refused : refusalFor(item, resolved.place, resolved.parentSub);
    if (refusal) return { problem: "not_editor_content", detail: refusal };
    if ("place" in resolved && resolved.place.kind !== "discarded") growth += sizeOf(item);
  }
  // Deletions in the update are not subtracted (that would need every deleted struct
  // looked up); so near the limit, replacing all the text at once is refused conservatively.
  if (!roomFor(doc, growth)) {
    return { problem: "too_long", detail: `the change would make the transcript longer than ${MAX_TRANSCRIPT_CHARS} characters` };
  }
  return null;
}
