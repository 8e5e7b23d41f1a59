// A speaker's turn in a transcript ("I:", "P:", "Interviewer:"): one or more paragraphs under
// a speaker label. The node name and attribute match how the server writes transcripts into
// Yjs (@concord/shared, transcript/ydoc.ts), so imported and live-edited text share one shape.
import { mergeAttributes, Node } from "@tiptap/core";
import type { NodeType, ResolvedPos } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { NODE } from "@concord/shared/transcript/ydoc";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    speakerTurn: {
      /** Relabels the turn the cursor is in. */
      setSpeaker: (speaker: string) => ReturnType;
      /** Adds an empty turn for `speaker` after the block the cursor is in, and moves there. */
      insertSpeakerTurn: (speaker: string) => ReturnType;
    };
  }
}

/** The speaker turn around a position, with the position just before it. */
export function turnAt($pos: ResolvedPos, type: NodeType) {
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth);
    if (node.type === type) return { node, pos: $pos.before(depth) };
  }
  return null;
}

function visuallyHidden(text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = "visually-hidden";
  span.textContent = text;
  return span;
}

/** Fills the non-editable label; screen readers hear "Speaker P:" before the turn's text. */
function renderLabel(label: HTMLElement, speaker: string): void {
  label.replaceChildren(visuallyHidden("Speaker "), speaker || "Unnamed speaker", visuallyHidden(": "));
}

export const SpeakerTurn = Node.create({
  name: NODE.turn,
  group: "block",
  content: "paragraph+",
  defining: true,

  addAttributes() {
    return {
      speaker: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-speaker") ?? "",
        renderHTML: (attributes) => ({ "data-speaker": String(attributes.speaker ?? "") }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "div[data-speaker]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ class: "speaker-turn" }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setSpeaker:
        (speaker) =>
        ({ state, tr, dispatch }) => {
          const turn = turnAt(state.selection.$from, this.type);
          if (!turn) return false;
          if (dispatch) tr.setNodeMarkup(turn.pos, undefined, { ...turn.node.attrs, speaker });
          return true;
        },
      insertSpeakerTurn:
        (speaker) =>
        ({ state, tr, dispatch }) => {
          const paragraph = state.schema.nodes.paragraph;
          if (!paragraph) return false;
          const { $from } = state.selection;
          const pos = $from.depth > 0 ? $from.after(1) : state.doc.content.size;
          if (dispatch) {
            tr.insert(pos, this.type.create({ speaker }, paragraph.create()));
            // pos + 2: inside the new turn, inside its paragraph.
            tr.setSelection(TextSelection.create(tr.doc, pos + 2)).scrollIntoView();
          }
          return true;
        },
    };
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("div");
      dom.className = "speaker-turn";
      const label = document.createElement("div");
      label.className = "speaker-turn__label";
      label.contentEditable = "false";
      const content = document.createElement("div");
      content.className = "speaker-turn__content";
      dom.append(label, content);

      const show = (speaker: string) => {
        dom.dataset.speaker = speaker;
        renderLabel(label, speaker);
      };
      show(String(node.attrs.speaker ?? ""));

      return {
        dom,
        contentDOM: content,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          show(String(updated.attrs.speaker ?? ""));
          return true;
        },
        // The label is ours, not ProseMirror's: changes to it are not edits.
        ignoreMutation: (mutation) => label.contains(mutation.target),
      };
    };
  },
});
