// Splitting a code: a new code beside it takes the codings the person ticks (in every
// transcript and every coder's layer they may see); the rest stay. The lineage keeps the split
// with its memo. Asked twice, like a merge: it is not undone with a click.
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { Code } from "@concord/shared/coding/codebook";
import { CODING_LIMITS } from "@concord/shared/coding/limits";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import type { CodingState } from "./CodingContext";
import { FormError } from "./FormError";
import { useAskedTwice } from "./useAskedTwice";

const WORDS_SHOWN = 80;

export function SplitCodeForm({ coding, code, onDone }: { coding: CodingState; code: Code; onDone: () => void }) {
  const segments = useQuery(queries.codeSegments(coding.projectId, code.id));
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [memo, setMemo] = useState("");
  const { confirming, reconsider, error, setError, submit } = useAskedTwice(coding.projectId, onDone);
  const id = useId();
  const list = segments.data ?? [];
  if (segments.isSuccess && list.length === 0) return null;

  function toggle(codingId: string) {
    reconsider();
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(codingId)) next.add(codingId);
      return next;
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    if (chosen.size === 0) return setError("Tick at least one coding for the new code.");
    setError(null);
    void submit(() => api.splitCode(coding.projectId, code.id, { name: name.trim(), codingIds: [...chosen], ...(memo.trim() ? { memo: memo.trim() } : {}) }));
  }

  return (
    <form className="code-edit" onSubmit={onSubmit} aria-label={`Split ${code.name}`}>
      <label htmlFor={`${id}-name`}>Split off a new code named</label>
      <input
        id={`${id}-name`}
        value={name}
        maxLength={CODING_LIMITS.codeName.max}
        onChange={(e) => {
          setName(e.target.value);
          reconsider();
        }}
        required
      />
      <fieldset className="code-split__codings">
        <legend>Codings that go to the new code</legend>
        {segments.isPending ? <p className="note">Loading the codings…</p> : null}
        {segments.isError ? <FormError error={errorMessage(segments.error)} /> : null}
        {list.map((segment) => (
          <label key={segment.codingId} className="check code-split__coding">
            <input type="checkbox" checked={chosen.has(segment.codingId)} onChange={() => toggle(segment.codingId)} />
            <span>
              <q>{segment.orphaned ? "(words deleted)" : segment.text.length > WORDS_SHOWN ? `${segment.text.slice(0, WORDS_SHOWN)}…` : segment.text}</q>{" "}
              <span className="code-split__coder">coded by {segment.coder.name}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-memo`}>Why (kept in the codebook's history)</label>
      <input id={`${id}-memo`} value={memo} maxLength={CODING_LIMITS.memoChars} onChange={(e) => setMemo(e.target.value)} />
      <FormError error={error} />
      <div className="code-row__actions">
        <button type="submit" className="button">
          {confirming ? `Yes, split ${chosen.size} ${chosen.size === 1 ? "coding" : "codings"} off` : "Split…"}
        </button>
      </div>
      {confirming ? (
        <p className="note" role="status">
          A new code {name.trim()} will hold the {chosen.size} ticked {chosen.size === 1 ? "coding" : "codings"}; the others stay with {code.name}.
        </p>
      ) : null}
    </form>
  );
}
