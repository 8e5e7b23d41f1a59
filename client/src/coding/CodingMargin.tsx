// The coding stripes in the margin beside the text: one lane per overlap, coloured by code,
// the code's name on hover and on keyboard focus, the coded words highlighted meanwhile.
// Each stripe is a focusable button kept by its coding's id, so a re-layout (an edit, a new
// coding, a resize) moves it without re-creating it and keyboard focus stays where it was.
//
// Positions are read from the editor in batches inside animation frames (reads only), then
// written in one React commit: no read after a write, so no forced layout per stripe.
// On a phone the stripes collapse to one bar per line with a count; a tap lists the codes.
// A coder writes the note of their own coding from its stripe (N) or, on a phone, its line's
// list; with the mouse, from the Codes panel's list of their codings of a code.
import type { Editor } from "@tiptap/core";
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { SCREENS, useMediaQuery } from "../components/useMediaQuery";
import { useCoding, type CodingState } from "./CodingContext";
import { CodingNoteForm as NoteForm } from "./CodingNoteForm";
import { assignLanes } from "./lanes";
import { groupByLine } from "./lineGroups";
import type { PlacedCoding } from "./placeCodings";

type Box = { top: number; height: number };

/** How many stripes to measure per frame: enough to finish 2,000 in a few frames, few enough to keep each frame short. */
const MEASURE_BATCH = 500;
const MIN_STRIPE_PX = 6;

/** Where each coding's words are, in pixels from the top of the margin; re-measured after edits and resizes. */
function useStripeBoxes(editor: Editor | null, margin: HTMLElement | null, codings: readonly PlacedCoding[]): Map<string, Box> {
  const [boxes, setBoxes] = useState<Map<string, Box>>(new Map());
  const [resized, setResized] = useState(0);

  useEffect(() => {
    if (!editor) return;
    let timer = 0;
    const observer = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setResized((n) => n + 1), 100);
    });
    observer.observe(editor.view.dom);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [editor]);

  useEffect(() => {
    if (!editor || !margin) return;
    let frame = 0;
    let index = 0;
    const next = new Map<string, Box>();
    const size = editor.state.doc.content.size;
    const step = () => {
      if (editor.isDestroyed) return;
      const base = margin.getBoundingClientRect().top;
      const view = editor.view;
      const stop = Math.min(index + MEASURE_BATCH, codings.length);
      for (; index < stop; index++) {
        const coding = codings[index]!;
        if (coding.to > size) continue;
        try {
          const start = view.coordsAtPos(coding.from, 1);
          const end = view.coordsAtPos(coding.to, -1);
          next.set(coding.id, { top: start.top - base, height: Math.max(end.bottom - start.top, MIN_STRIPE_PX) });
        } catch {
          // A position the view cannot draw yet (the text changed since placing): next pass.
        }
      }
      if (index < codings.length) frame = requestAnimationFrame(step);
      else setBoxes(next);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [editor, margin, codings, resized]);

  return boxes;
}

function useMarginElement(editor: Editor | null): HTMLElement | null {
  const [margin, setMargin] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setMargin(editor?.view.dom.closest(".transcript-body")?.querySelector<HTMLElement>(".coding-margin") ?? null);
  }, [editor]);
  return margin;
}

function coderName(coding: CodingState, coderId: string): string {
  return coding.coders.find((c) => c.id === coderId)?.name ?? "another coder";
}

/** Memoised: the page re-renders on every caret move, and the margin has nothing to redo then. */
export const CodingMargin = memo(function CodingMargin() {
  const coding = useCoding();
  const editor = coding?.editor ?? null;
  const margin = useMarginElement(editor);
  const phone = !useMediaQuery(SCREENS.sidebar);
  const placed = useMemo(
    () =>
      (coding?.shown ?? [])
        .filter((c) => !c.orphaned)
        .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset || (a.id < b.id ? -1 : 1)),
    [coding?.shown],
  );
  const boxes = useStripeBoxes(editor, margin, placed);
  if (!coding || !margin) return null;
  return createPortal(phone ? <LineBars coding={coding} placed={placed} boxes={boxes} /> : <Stripes coding={coding} placed={placed} boxes={boxes} />, margin);
});

function Stripes({ coding, placed, boxes }: { coding: CodingState; placed: PlacedCoding[]; boxes: Map<string, Box> }) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  // Lanes by the pixels a stripe covers: two codings on one line never share a lane.
  const layout = useMemo(
    () => assignLanes(placed.flatMap((c) => { const box = boxes.get(c.id); return box ? [{ id: c.id, start: box.top, end: box.top + box.height }] : []; })),
    [placed, boxes],
  );
  const laneWidth = Math.max(3, Math.min(8, Math.floor(60 / Math.max(layout.count, 1)) - 1));
  const drawn = placed.filter((c) => boxes.has(c.id));
  const active = coding.active ? placed.find((c) => c.id === coding.active) : undefined;
  const activeBox = active ? boxes.get(active.id) : undefined;
  const tooltipId = "coding-stripe-tooltip";
  const [noting, setNoting] = useState<string | null>(null);
  const notingItem = noting ? drawn.find((c) => c.id === noting) : undefined;
  const notingBox = notingItem ? boxes.get(notingItem.id) : undefined;

  function focusAt(index: number) {
    const target = drawn[Math.max(0, Math.min(index, drawn.length - 1))];
    if (target) refs.current.get(target.id)?.focus();
  }

  // The stripes' handlers read the latest state through a ref, so the object never changes
  // and a stripe re-renders only when its own place, colour or label does.
  const latest = useRef({ coding, onKeyDown });
  latest.current = { coding, onKeyDown };
  const actions = useMemo<StripeActions>(
    () => ({
      ref: (id, element) => {
        if (element) refs.current.set(id, element);
        else refs.current.delete(id);
      },
      activate: (id) => latest.current.coding.setActive(id),
      select: (item) => latest.current.coding.selectCoding(item),
      keyDown: (event, item, index) => latest.current.onKeyDown(event, item, index),
    }),
    [],
  );

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, item: PlacedCoding, index: number) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      focusAt(index + (event.key === "ArrowDown" ? 1 : -1));
    } else if ((event.key === "Delete" || event.key === "Backspace") && item.coderId === coding.userId) {
      event.preventDefault();
      // Focus goes to the neighbour first, so it is not lost with the removed stripe.
      focusAt(index + 1 < drawn.length ? index + 1 : index - 1);
      void coding.removeCoding(item);
    } else if ((event.key === "n" || event.key === "N") && item.coderId === coding.userId) {
      event.preventDefault();
      setNoting(item.id);
    } else if (event.key === "Escape") {
      coding.editor?.commands.focus();
    }
  }

  // The tooltip and the note form sit beside the stripes, not in them: the stripes' box
  // contains its paint (for typing speed), which would clip anything drawn over the text.
  return (
    <>
      <div className="coding-stripes" role="group" aria-label={`Codings (${drawn.length})`} onMouseLeave={() => coding.setActive(null)}>
        {drawn.map((item, index) => {
          const box = boxes.get(item.id)!;
          const code = coding.codeById.get(item.codeId);
          const mine = item.coderId === coding.userId;
          return (
            <Stripe
              key={item.id}
              item={item}
              index={index}
              top={box.top}
              height={box.height}
              left={(layout.lanes.get(item.id) ?? 0) * (laneWidth + 1)}
              width={laneWidth}
              color={code?.color ?? "#666666"}
              label={`${code?.name ?? "Unknown code"}, coded by ${coderName(coding, item.coderId)}${mine ? ". Delete removes it, N writes its note" : ""}`}
              describedBy={coding.active === item.id ? tooltipId : undefined}
              actions={actions}
            />
          );
        })}
      </div>
      {active && activeBox ? (
        <div id={tooltipId} role="tooltip" className="coding-tooltip" style={{ top: activeBox.top }}>
          <strong>{coding.codeById.get(active.codeId)?.name ?? "Unknown code"}</strong>
          <span> · {coderName(coding, active.coderId)}</span>
          {active.note ? <span className="coding-tooltip__note">{active.note}</span> : null}
        </div>
      ) : null}
      {notingItem && notingBox ? (
        <NoteForm
          coding={coding}
          item={notingItem}
          top={notingBox.top}
          onClose={() => {
            setNoting(null);
            refs.current.get(notingItem.id)?.focus();
          }}
        />
      ) : null}
    </>
  );
}

type StripeActions = {
  ref: (id: string, element: HTMLButtonElement | null) => void;
  activate: (id: string | null) => void;
  select: (item: PlacedCoding) => void;
  keyDown: (event: KeyboardEvent<HTMLButtonElement>, item: PlacedCoding, index: number) => void;
};

type StripeProps = {
  item: PlacedCoding;
  index: number;
  top: number;
  height: number;
  left: number;
  width: number;
  color: string;
  label: string;
  describedBy: string | undefined;
  actions: StripeActions;
};

const Stripe = memo(function Stripe({ item, index, top, height, left, width, color, label, describedBy, actions }: StripeProps) {
  return (
    <button
      ref={(element) => actions.ref(item.id, element)}
      type="button"
      className="coding-stripe"
      data-coding-id={item.id}
      style={{ top, height, left, width, background: color }}
      aria-label={label}
      aria-describedby={describedBy}
      onMouseEnter={() => actions.activate(item.id)}
      onFocus={() => actions.activate(item.id)}
      onBlur={() => actions.activate(null)}
      onClick={() => actions.select(item)}
      onKeyDown={(event) => actions.keyDown(event, item, index)}
    />
  );
});

/** The phone's form: a bar per line with the number of codings starting there; a tap lists them. */
function LineBars({ coding, placed, boxes }: { coding: CodingState; placed: PlacedCoding[]; boxes: Map<string, Box> }) {
  const [open, setOpen] = useState<number | null>(null);
  const [noting, setNoting] = useState<{ item: PlacedCoding; top: number } | null>(null);
  const byId = useMemo(() => new Map(placed.map((c) => [c.id, c])), [placed]);
  const groups = useMemo(
    () => groupByLine(placed.flatMap((c) => { const box = boxes.get(c.id); return box ? [{ id: c.id, ...box }] : []; })),
    [placed, boxes],
  );
  return (
    <div className="coding-lines">
      {groups.map((group) => {
        const items = group.ids.map((id) => byId.get(id)!);
        const names = items.map((c) => coding.codeById.get(c.codeId)?.name ?? "Unknown code");
        const colors = [...new Set(items.map((c) => coding.codeById.get(c.codeId)?.color ?? "#666666"))].slice(0, 4);
        const key = Math.round(group.top);
        const isOpen = open === key;
        return (
          <div key={key} className="coding-line" style={{ top: group.top }}>
            <button
              type="button"
              className="coding-line__bar"
              aria-expanded={isOpen}
              aria-label={`${items.length} ${items.length === 1 ? "coding" : "codings"}: ${names.join(", ")}`}
              style={{ background: colors.length > 1 ? `linear-gradient(${colors.join(", ")})` : colors[0] }}
              onClick={() => setOpen(isOpen ? null : key)}
            >
              <span aria-hidden="true">{items.length}</span>
            </button>
            {isOpen ? (
              <ul className="coding-line__list">
                {items.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="coding-line__code" onClick={() => { setOpen(null); coding.selectCoding(item); }}>
                      <span className="code-swatch" style={{ background: coding.codeById.get(item.codeId)?.color }} aria-hidden="true" />
                      {coding.codeById.get(item.codeId)?.name ?? "Unknown code"}
                      <span className="coding-line__coder"> · {coderName(coding, item.coderId)}</span>
                      {item.note ? <span className="coding-line__note">{item.note}</span> : null}
                    </button>
                    {item.coderId === coding.userId ? (
                      <button type="button" className="button coding-line__note-button" aria-label={`Note on your coding of ${coding.codeById.get(item.codeId)?.name ?? "Unknown code"}`} onClick={() => { setOpen(null); setNoting({ item, top: group.top }); }}>
                        Note…
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      {noting ? <NoteForm coding={coding} item={noting.item} top={noting.top} onClose={() => setNoting(null)} /> : null}
    </div>
  );
}
