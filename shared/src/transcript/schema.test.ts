import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE, MAX_TRANSCRIPT_CHARS } from "../collab/closeEvents";
import { parseTranscript } from "./parse";
import { checkTranscriptUpdate, MAX_NESTING_DEPTH, transcriptSize, type TranscriptRefusal } from "./schema";
import { readTranscriptText } from "./textMap";
import { TRANSCRIPT_FIELD, writeTranscript } from "./ydoc";

/** A document holding `text`, as the server creates it. */
function transcript(text = "I: How was it?\nP: Fine."): Y.Doc {
  const doc = new Y.Doc();
  writeTranscript(doc, parseTranscript(text));
  return doc;
}

/**
 * The update `change` makes to a copy of `live`, checked against `live` as the server holds
 * it: loaded from an update, so its root is not yet typed.
 */
function check(original: Y.Doc, change: (fragment: Y.XmlFragment, doc: Y.Doc) => void): TranscriptRefusal | null {
  const live = new Y.Doc();
  Y.applyUpdate(live, Y.encodeStateAsUpdate(original));
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => change(copy.getXmlFragment(TRANSCRIPT_FIELD), copy));
  return checkTranscriptUpdate(live, Y.encodeStateAsUpdate(copy, before));
}

const firstText = (fragment: Y.XmlFragment) => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

/** Quotes nested `depth` deep around a paragraph, built top-down (Yjs integrates nested preliminary types recursively). */
function nestInto(fragment: Y.XmlFragment, depth: number): void {
  fragment.doc!.transact(() => {
    let holder: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < depth; i++) {
      const quote: Y.XmlElement = new Y.XmlElement("blockquote");
      holder.insert(0, [quote]);
      holder = quote;
    }
    holder.insert(0, [element("paragraph", [new Y.XmlText("deep")])]);
  });
}

describe("what the editor can produce is accepted", () => {
  it("accepts a transcript as the server writes it, and ordinary edits to it", () => {
    expect(checkTranscriptUpdate(new Y.Doc(), Y.encodeStateAsUpdate(transcript()))).toBeNull();
    const live = transcript();
    expect(check(live, (f) => firstText(f).insert(3, "really "))).toBeNull();
    expect(check(live, (f) => firstText(f).format(0, 3, { bold: {}, italic: {} }))).toBeNull();
    expect(check(live, (f) => firstText(f).format(0, 3, { bold: null }))).toBeNull();
    expect(check(live, (f) => firstText(f).format(0, 3, { link: { href: "https://example.org", target: "_blank", rel: null, class: null } }))).toBeNull();
    expect(check(live, (f) => (f.get(1) as Y.XmlElement).setAttribute("speaker", "Participant 3"))).toBeNull();
    expect(check(live, (f) => f.delete(0, 1))).toBeNull();
    expect(
      check(live, (f) =>
        f.insert(2, [
          element("heading", [new Y.XmlText("Notes")], { level: 2 }),
          element("bulletList", [element("listItem", [element("paragraph", [new Y.XmlText("one")])])]),
          element("orderedList", [element("listItem", [element("paragraph")])], { start: 3 }),
          element("paragraph", [new Y.XmlText("a"), element("hardBreak"), new Y.XmlText("b")]),
          element("codeBlock", [new Y.XmlText("x = 1")], { language: "python" }),
          element("horizontalRule"),
        ]),
      ),
    ).toBeNull();
    expect(check(live, (f) => nestInto(f, MAX_NESTING_DEPTH - 2))).toBeNull();
  });
});

describe("what the editor could never produce is refused", () => {
  const live = transcript();
  it.each([
    ["an unknown node", (f: Y.XmlFragment) => f.insert(0, [element("script", [new Y.XmlText("x")])])],
    ["text straight in the document", (f: Y.XmlFragment) => f.insert(0, [new Y.XmlText("loose")])],
    ["a turn inside a paragraph", (f: Y.XmlFragment) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlElement).insert(0, [element("speakerTurn")])],
    ["an attribute the node has not", (f: Y.XmlFragment) => (f.get(0) as Y.XmlElement).setAttribute("onclick", "alert(1)")],
    ["a heading level of 7", (f: Y.XmlFragment) => f.insert(0, [element("heading", [], { level: 7 })])],
    ["an unknown mark", (f: Y.XmlFragment) => firstText(f).format(0, 2, { color: "red" })],
    ["a javascript: link", (f: Y.XmlFragment) => firstText(f).format(0, 2, { link: { href: "java\tscript:alert(1)" } })],
    [
      "bold inside a code block",
      (f: Y.XmlFragment) => {
        const code = new Y.XmlText();
        f.insert(0, [element("codeBlock", [code])]);
        code.insert(0, "x", { bold: {} });
      },
    ],
    ["an embed in text", (f: Y.XmlFragment) => firstText(f).insertEmbed(0, { image: "x" })],
    ["another shared type", (_: Y.XmlFragment, doc: Y.Doc) => doc.getMap("secrets").set("a", 1)],
    ["a map inside the document", (f: Y.XmlFragment) => f.insert(0, [new Y.XmlHook("hook") as unknown as Y.XmlElement])],
    [`nesting deeper than ${MAX_NESTING_DEPTH}`, (f: Y.XmlFragment) => nestInto(f, MAX_NESTING_DEPTH - 1)],
    ["nesting 20,000 deep", (f: Y.XmlFragment) => nestInto(f, 20_000)],
    [`a paragraph over ${MAX_TRANSCRIPT_CHARS} characters`, (f: Y.XmlFragment) => firstText(f).insert(0, "x".repeat(MAX_TRANSCRIPT_CHARS))],
  ])("refuses %s", (_, change) => {
    expect(check(live, change)).toEqual(expect.objectContaining({ problem: expect.any(String) }));
  });

  it("refuses content inside a forbidden node created by a client that sorts after it", () => {
    // Two clients: the child's parent is created by a client that sorts after it.
    const a = new Y.Doc();
    a.clientID = 2;
    const bad = element("script");
    a.getXmlFragment(TRANSCRIPT_FIELD).insert(0, [bad]);
    const b = new Y.Doc();
    b.clientID = 1;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    (b.getXmlFragment(TRANSCRIPT_FIELD).get(0) as Y.XmlElement).insert(0, [new Y.XmlText("x")]);
    expect(checkTranscriptUpdate(new Y.Doc(), Y.encodeStateAsUpdate(b))).toEqual(expect.objectContaining({ problem: expect.any(String) }));
  });

  it("refuses a change that depends on content the server does not have", () => {
    const other = transcript("P: elsewhere");
    const before = Y.encodeStateVector(other);
    firstText(other.getXmlFragment(TRANSCRIPT_FIELD)).insert(0, "more ");
    expect(checkTranscriptUpdate(live, Y.encodeStateAsUpdate(other, before))).toEqual(expect.objectContaining({ problem: expect.any(String) }));
  });

  it("lets a transcript at the limit shrink but not grow", () => {
    const full = transcript(`P: ${"x".repeat(MAX_TRANSCRIPT_CHARS - 10)}`);
    expect(transcriptSize(full)).toBe(MAX_TRANSCRIPT_CHARS - 10 + 2);
    expect(check(full, (f) => firstText(f).insert(0, "12345678"))).toBeNull();
    expect(check(full, (f) => firstText(f).insert(0, "123456789"))).toEqual(expect.objectContaining({ problem: "too_long" }));
    expect(check(full, (f) => firstText(f).delete(0, 100))).toBeNull();
  });
});

it("counts accepted growth between measurements, so small edits cannot add up past the limit", () => {
  const live = new Y.Doc();
  Y.applyUpdate(live, Y.encodeStateAsUpdate(transcript(`P: ${"x".repeat(MAX_TRANSCRIPT_CHARS - 10)}`)));
  const verdicts = Array.from({ length: 3 }, () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(copy);
    firstText(copy.getXmlFragment(TRANSCRIPT_FIELD)).insert(0, "four");
    const update = Y.encodeStateAsUpdate(copy, before);
    const verdict = checkTranscriptUpdate(live, update);
    if (!verdict) Y.applyUpdate(live, update);
    return verdict?.problem ?? "accepted";
  });
  expect(verdicts).toEqual(["accepted", "accepted", "too_long"]);
  expect(transcriptSize(live)).toBe(MAX_TRANSCRIPT_CHARS);
});

it("reads a transcript nested 20,000 deep without running out of stack", () => {
  const doc = new Y.Doc();
  nestInto(doc.getXmlFragment(TRANSCRIPT_FIELD), 20_000);
  expect(readTranscriptText(doc)).toBe("deep");
  expect(transcriptSize(doc)).toBe(20_000 + 1 + 4);
});

// An independent statement of the rules, over a plain tree, to check the validator against.
type Tree = { name: string; attrs: Record<string, unknown>; children: Tree[] } | { text: string; marks: Record<string, unknown> };
const BLOCK = ["paragraph", "blockquote", "bulletList", "orderedList", "codeBlock", "heading", "horizontalRule", "speakerTurn"];
const HOLDS: Record<string, string[]> = {
  root: BLOCK,
  paragraph: ["text", "hardBreak"],
  heading: ["text", "hardBreak"],
  codeBlock: ["text"],
  blockquote: BLOCK,
  listItem: BLOCK,
  bulletList: ["listItem"],
  orderedList: ["listItem"],
  speakerTurn: ["paragraph"],
};
const ATTRS: Record<string, Record<string, (v: unknown) => boolean>> = {
  speakerTurn: { speaker: (v) => typeof v === "string" },
  heading: { level: (v) => typeof v === "number" && v >= 1 && v <= 6 },
};

function allowed(tree: Tree, holder: string, depth: number): boolean {
  const name = "text" in tree ? "text" : tree.name;
  if (!(HOLDS[holder] ?? []).includes(name) || depth > MAX_NESTING_DEPTH) return false;
  if ("text" in tree) return holder !== "codeBlock" || Object.keys(tree.marks).length === 0;
  const attrsOk = Object.entries(tree.attrs).every(([key, value]) => ATTRS[tree.name]?.[key]?.(value) ?? false);
  return attrsOk && tree.children.every((child) => allowed(child, tree.name, depth + 1));
}

function build(tree: Tree): Y.XmlElement | Y.XmlText {
  if ("text" in tree) {
    const text = new Y.XmlText();
    text.insert(0, tree.text, tree.marks);
    return text;
  }
  return element(tree.name, tree.children.map(build), tree.attrs);
}

const names = fc.constantFrom(...BLOCK, "listItem", "hardBreak", "div", "script", "image");
const trees = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      text: fc.string({ minLength: 1, maxLength: 8 }),
      marks: fc.dictionary(fc.constantFrom("bold", "italic"), fc.constant({}), { maxKeys: 2 }),
    }),
    fc.record({
      name: names,
      attrs: fc.dictionary(fc.constantFrom("speaker", "level", "style"), fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 8 })), {
        maxKeys: 2,
      }),
      children: fc.array(tie("tree"), { maxLength: 3 }),
    }),
  ),
})).tree;

describe("property: the validator accepts exactly the trees the rules allow", () => {
  it("for whole documents sent to an empty one", () => {
    fc.assert(
      fc.property(fc.array(trees, { minLength: 1, maxLength: 4 }), (blocks) => {
        const doc = new Y.Doc();
        doc.getXmlFragment(TRANSCRIPT_FIELD).insert(0, blocks.map(build));
        const verdict = checkTranscriptUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc));
        expect(verdict === null).toBe(blocks.every((block) => allowed(block, "root", 1)));
      }),
      { numRuns: 300 },
    );
  });

  it("for additions to a live transcript, resolved against it", () => {
    const live = transcript("I: Hello\nP: Hi there");
    fc.assert(
      fc.property(trees, fc.nat(), (tree, at) => {
        const verdict = check(live, (f) => {
          const turn = f.get(at % f.length) as Y.XmlElement;
          turn.insert(at % (turn.length + 1), [build(tree)]);
        });
        expect(verdict === null).toBe(allowed(tree, "speakerTurn", 2));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but a decoding error on garbled bytes", () => {
    const live = transcript();
    const update = Y.encodeStateAsUpdate(transcript("P: other words"));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (flips) => {
        const garbled = update.slice();
        for (const [at, byte] of flips) garbled[at % garbled.length] = byte;
        try {
          const verdict = checkTranscriptUpdate(live, garbled);
          if (verdict === null) {
            // Accepted: applying it must leave a readable transcript.
            const copy = new Y.Doc();
            Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
            Y.applyUpdate(copy, garbled);
            readTranscriptText(copy);
          }
        } catch (error) {
          expect(error).not.toBeInstanceOf(RangeError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

it("names the shared limit in the close reason a too-long change gets", () => {
  expect(CLOSE.tooLong.reason).toContain(MAX_TRANSCRIPT_CHARS.toLocaleString("en"));
});
