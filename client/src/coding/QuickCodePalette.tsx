// The quick-code palette: Ctrl+K (⌘K on a Mac) with words selected in the transcript. Type to
// filter the codebook (recent codes first while nothing is typed), arrows to choose, Enter to
// apply; "Create code …" when nothing is named exactly, and the in-vivo code named by the
// selected words themselves. Escape closes it and the text has focus again, selection kept.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { CODING_LIMITS } from "@concord/shared/coding/limits";
import { useCoding, type CodingSelection } from "./CodingContext";
import { namesExisting, paletteMatches } from "./paletteMatches";

const SHOWN = 8;

type Option = { key: string; label: string; color?: string; run: () => Promise<void> };

/** The in-vivo name: the selected words on one line, cut to the length a code's name may have. */
function inVivoName(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, CODING_LIMITS.codeName.max);
}

export function QuickCodePalette() {
  const coding = useCoding();
  const editor = coding?.editor ?? null;
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [index, setIndex] = useState(0);
  const [span, setSpan] = useState<CodingSelection | null>(null);
  const listId = useId();
  const open = coding?.paletteOpen ?? false;

  /** Emptied on closing, not on opening: keys typed the moment it opens must land in an empty box. */
  function clear() {
    setTyped("");
    setIndex(0);
  }

  // Ctrl/Cmd+K in the text opens the palette for the selected words.
  useEffect(() => {
    if (!editor || !coding?.mayCode) return;
    const dom = editor.view.dom;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      coding.setPaletteOpen(true);
    };
    dom.addEventListener("keydown", onKeyDown);
    return () => dom.removeEventListener("keydown", onKeyDown);
  }, [editor, coding?.mayCode, coding?.setPaletteOpen]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setSpan(coding?.selection() ?? null);
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      clear();
    }
  }, [open]);

  const options = useMemo<Option[]>(() => {
    if (!coding) return [];
    const found: Option[] = paletteMatches(coding.codes, typed, coding.recent)
      .slice(0, SHOWN)
      .map((code) => ({ key: code.id, label: code.name, color: code.color, run: () => coding.apply(code.id) }));
    const name = typed.trim();
    if (name && !namesExisting(coding.codes, name)) {
      found.push({ key: "create", label: `Create code “${name}”`, run: () => coding.createAndApply(name) });
    }
    const words = span ? inVivoName(span.text) : "";
    if (words && !namesExisting(coding.codes, words) && words !== name) {
      found.push({ key: "in-vivo", label: `In-vivo code “${words}”`, run: () => coding.createAndApply(words) });
    }
    return found;
  }, [coding, typed, span]);

  if (!coding) return null;
  const chosen = options[Math.min(index, options.length - 1)];

  function close() {
    // Closed here, not in the effect: the text cannot take focus while a modal dialog is open.
    dialog.current?.close();
    clear();
    coding?.setPaletteOpen(false);
    editor?.commands.focus();
  }

  async function choose(option: Option | undefined) {
    if (!option) return;
    close();
    await option.run();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setIndex((i) => (Math.min(i, options.length - 1) + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      void choose(chosen);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="code-palette"
      aria-labelledby={`${listId}-title`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) close();
      }}
    >
      <h2 id={`${listId}-title`} className="code-palette__title">
        Apply a code{span ? ` to “${span.text.length > 60 ? `${span.text.slice(0, 60)}…` : span.text}”` : ""}
      </h2>
      {span ? null : <p className="note">Select some words in the transcript first.</p>}
      <input
        className="code-palette__input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={chosen ? `${listId}-${chosen.key}` : undefined}
        aria-label="Code name"
        autoComplete="off"
        value={typed}
        maxLength={CODING_LIMITS.codeName.max}
        onChange={(event) => {
          setTyped(event.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Codes" className="code-palette__list">
        {options.map((option) => (
          <li
            key={option.key}
            id={`${listId}-${option.key}`}
            role="option"
            aria-selected={option === chosen}
            className="code-palette__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void choose(option)}
          >
            {option.color ? <span className="code-swatch" style={{ background: option.color }} aria-hidden="true" /> : null}
            {option.label}
          </li>
        ))}
      </ul>
    </dialog>
  );
}
