// Writing a message: a text box where typing "@" offers the project's members to mention
// (arrow down into the list, Enter or a tap picks one), or the "Mention someone" button
// opens the same list. Ctrl+Enter sends, as in most chat tools.
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { Person } from "../api/types";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";
import { insertMention, matchingPeople, mentionQuery, mentionedIn } from "./mentions";

type Props = {
  label: string;
  submitLabel: string;
  people: Person[];
  onSend: (message: { body: string; mentions: string[] }) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

export function MessageComposer({ label, submitLabel, people, onSend, onCancel, autoFocus = false }: Props) {
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<Person[]>([]);
  // Where the "@" being completed is, or the caret when the list was opened by the button.
  const [picking, setPicking] = useState<{ at: number; query: string; typed: boolean } | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  const { busy, message, run } = useAction();
  const offered = picking ? matchingPeople(people, picking.query).slice(0, 8) : [];

  function follow(value: string, caret: number) {
    setText(value);
    const query = mentionQuery(value, caret);
    setPicking(query ? { ...query, typed: true } : null);
  }

  function pick(person: Person) {
    if (!picking) return;
    const next = picking.typed ? insertMention(text, picking.at, picking.query.length, person) : insertMention(`${text.slice(0, picking.at)}@${text.slice(picking.at)}`, picking.at, 0, person);
    setText(next.text);
    setPicked((already) => (already.some((p) => p.id === person.id) ? already : [...already, person]));
    setPicking(null);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function onBoxKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    } else if (event.key === "ArrowDown" && offered.length > 0) {
      event.preventDefault();
      list.current?.querySelector("button")?.focus();
    } else if (event.key === "Escape" && picking) {
      event.preventDefault();
      event.stopPropagation();
      setPicking(null);
    }
  }

  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const buttons = [...(list.current?.querySelectorAll("button") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (move !== 0) {
      event.preventDefault();
      if (index + move < 0) box.current?.focus();
      else buttons[Math.min(index + move, buttons.length - 1)]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setPicking(null);
      box.current?.focus();
    }
  }

  function send() {
    if (busy || text.trim() === "") return;
    void run(async () => {
      await onSend({ body: text, mentions: mentionedIn(text, picked) });
      setText("");
      setPicked([]);
      setPicking(null);
    });
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={`${id}-text`} className="composer__label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        ref={box}
        className="composer__text"
        rows={3}
        value={text}
        autoFocus={autoFocus}
        aria-describedby={`${id}-hint`}
        onChange={(event) => follow(event.target.value, event.target.selectionStart)}
        onKeyDown={onBoxKeyDown}
      />
      <p id={`${id}-hint`} className="field__hint">
        Type @ to mention someone. Ctrl+Enter sends.
      </p>
      {picking ? (
        offered.length > 0 ? (
          <ul ref={list} className="mention-picker" aria-label="People to mention" onKeyDown={onListKeyDown}>
            {offered.map((person) => (
              <li key={person.id}>
                <button type="button" className="mention-picker__person" onClick={() => pick(person)}>
                  {person.name}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint">No member is called that.</p>
        )
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={picking !== null && !picking.typed}
          onClick={() => setPicking(picking && !picking.typed ? null : { at: box.current?.selectionStart ?? text.length, query: "", typed: false })}
        >
          Mention someone
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
