import { getSchema } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorToYDoc } from "@tiptap/y-tiptap";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRANSCRIPT_FIELD } from "@concord/shared/transcript/ydoc";
import { readTranscriptText } from "@concord/shared/transcript/textMap";
import { SpeakerTurn } from "./SpeakerTurn";
import { offsetAt, positionAt, textMap } from "./textOffsets";

const schema = getSchema([StarterKit, SpeakerTurn]);

type Para = { text: string; bold?: boolean; hardBreak?: boolean };
type Block = { speaker: string; paragraphs: Para[] } | Para;

function paragraph({ text, bold, hardBreak }: Para): Node {
  const content: Node[] = [];
  if (text) content.push(bold ? schema.text(text.slice(0, 2), [schema.marks.bold!.create()]) : schema.text(text.slice(0, 2)));
  if (hardBreak) content.push(schema.nodes.hardBreak!.create());
  if (text.length > 2) content.push(schema.text(text.slice(2)));
  return schema.nodes.paragraph!.create(null, content);
}

function documentOf(blocks: Block[]): Node {
  return schema.nodes.doc!.create(
    null,
    blocks.map((block) =>
      "speaker" in block ? schema.nodes.speakerTurn!.create({ speaker: block.speaker }, block.paragraphs.map(paragraph)) : paragraph(block),
    ),
  );
}

/** What the server answers for the same document. */
const serverText = (doc: Node) => readTranscriptText(prosemirrorToYDoc(doc, TRANSCRIPT_FIELD));

const para = fc.record({ text: fc.stringMatching(/^[a-z .]{0,12}$/), bold: fc.boolean(), hardBreak: fc.boolean() });
const block = fc.oneof(fc.record({ speaker: fc.constantFrom("Interviewer", "Maya", ""), paragraphs: fc.array(para, { minLength: 1, maxLength: 3 }) }), para);
const documents = fc.array(block, { minLength: 1, maxLength: 6 }).map(documentOf);

describe("plain-text offsets and editor positions", () => {
  const doc = documentOf([
    { speaker: "Interviewer", paragraphs: [{ text: "How did it start?" }] },
    { speaker: "Maya", paragraphs: [{ text: "Slowly.   " }, { text: "Then all at once." }] },
    { text: "[pause]" },
  ]);
  const map = textMap(doc);

  it("reads the same text as the server", () => {
    expect(map.text).toBe("Interviewer: How did it start?\nMaya: Slowly.\nThen all at once.\n[pause]");
    expect(map.text).toBe(serverText(doc));
  });

  it("maps a span of words to the same words in the editor", () => {
    const from = map.text.indexOf("all at once");
    const to = from + "all at once".length;
    expect(doc.textBetween(positionAt(map, from), positionAt(map, to))).toBe("all at once");
    const across = { from: map.text.indexOf("start?"), to: map.text.indexOf("Slowly") + "Slowly".length };
    expect(doc.textBetween(positionAt(map, across.from), positionAt(map, across.to), "\n")).toBe("start?\nSlowly");
  });

  it("puts a speaker label's characters at the start of the turn's text, and maps back to its first word", () => {
    const labelStart = map.text.indexOf("Maya:");
    const pos = positionAt(map, labelStart);
    expect(doc.textBetween(pos, pos + 6)).toBe("Slowly");
    expect(offsetAt(map, pos)).toBe(map.text.indexOf("Slowly"));
  });

  it("clamps offsets past the end to the end of the last line", () => {
    expect(positionAt(map, 10_000)).toBe(positionAt(map, map.text.length));
    expect(offsetAt(map, doc.content.size)).toBe(map.text.length);
  });

  it("agrees with the server's text on any document, and every character's offset survives the round trip", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const map = textMap(doc);
        expect(map.text).toBe(serverText(doc));
        for (const line of map.lines) {
          for (const run of line.runs) {
            for (let offset = run.textStart; offset < run.textStart + run.length; offset++) {
              const pos = positionAt(map, offset);
              expect(doc.textBetween(pos, pos + 1)).toBe(map.text[offset]);
              expect(offsetAt(map, pos)).toBe(offset);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
