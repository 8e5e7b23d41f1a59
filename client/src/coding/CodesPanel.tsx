// The Codes panel beside the transcript (a sheet on a phone): the codebook as a tree with
// levels and counts, search, new codes, rename / recolour / re-level / move, delete with
// undo, one's own codings of each code with their notes, and "Apply" to code the selected words — the touch path: select by touch, open the
// sheet, tap a code. Also the filters (each coder's layer, one code) and the orphaned codings.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import type { Code } from "@concord/shared/coding/codebook";
import { CODE_LEVEL_LABELS, CODE_LEVELS, CODING_LIMITS, type CodeLevel } from "@concord/shared/coding/limits";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queries, queryKeys } from "../api/queries";
import { useCoding, type CodingState } from "./CodingContext";
import { codeTreeRows, possibleParents } from "./codeTree";
import { CodebookHistory, CodeHistory } from "./CodeHistory";
import { FormError } from "./FormError";
import { SplitCodeForm } from "./SplitCodeForm";
import { useAskedTwice } from "./useAskedTwice";
import { YourCodings } from "./YourCodings";

export function CodesPanel() {
  const coding = useCoding();
  const [search, setSearch] = useState("");
  const searchId = useId();
  const counts = useQuery({ ...queries.codes(coding?.projectId ?? ""), enabled: Boolean(coding) });
  const countById = useMemo(() => new Map((counts.data ?? []).map((c) => [c.id, c.counts])), [counts.data]);
  const rows = useMemo(() => codeTreeRows(coding?.codes ?? [], search), [coding?.codes, search]);
  const [editing, setEditing] = useState<string | null>(null);
  if (!coding) return null;

  return (
    <div className="codes-panel">
      {coding.mayCode ? <NewCodeForm coding={coding} /> : null}
      <label htmlFor={searchId} className="codes-panel__label">
        Search codes
      </label>
      <input id={searchId} type="search" className="codes-panel__search" value={search} onChange={(e) => setSearch(e.target.value)} />
      {rows.length === 0 ? <p className="note">{coding.codes.length === 0 ? "No codes yet." : "No code matches."}</p> : null}
      <ul className="code-tree" aria-label="Codebook">
        {rows.map(({ code, depth, matched }) => {
          const count = countById.get(code.id);
          return (
            <li key={code.id} className={matched ? "code-row" : "code-row code-row--path"} style={{ paddingInlineStart: `${depth * 1}rem` }}>
              <div className="code-row__head">
                <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
                <span className="code-row__name">{code.name}</span>
                <span className="code-row__level">{CODE_LEVEL_LABELS[code.level]}</span>
              </div>
              {count ? (
                <p className="code-row__counts">
                  {count.codings} {count.codings === 1 ? "coding" : "codings"} · {count.documents} {count.documents === 1 ? "transcript" : "transcripts"} ·{" "}
                  {count.coders} {count.coders === 1 ? "coder" : "coders"}
                </p>
              ) : null}
              <CodeHistory coding={coding} codeId={code.id} codeName={code.name} />
              {coding.mayCode ? (
                <div className="code-row__actions">
                  <button type="button" className="button" aria-label={`Apply ${code.name} to the selected words`} onClick={() => void coding.apply(code.id)}>
                    Apply
                  </button>
                  {/* Until reveal a code kept with blind work is its maker's to change (a watching lead sees it only). */}
                  {!coding.heldCodeIds.has(code.id) || code.createdBy === coding.userId ? (
                    <>
                      <button type="button" className="button" aria-expanded={editing === code.id} aria-label={`Edit ${code.name}`} onClick={() => setEditing(editing === code.id ? null : code.id)}>
                        Edit
                      </button>
                      <button type="button" className="button" aria-label={`Delete ${code.name}`} onClick={() => void coding.deleteCode(code)}>
                        Delete
                      </button>
                    </>
                  ) : null}
                </div>
              ) : null}
              {coding.mayCode ? <YourCodings coding={coding} code={code} /> : null}
              {editing === code.id ? (
                <>
                  <EditCodeForm coding={coding} code={code} onDone={() => setEditing(null)} />
                  {coding.heldCodeIds.has(code.id) ? (
                    <p className="note">Made during blind coding: it joins the codebook at reveal, and can be merged or split from then on.</p>
                  ) : (
                    <>
                      <MergeCodeForm coding={coding} code={code} onDone={() => setEditing(null)} />
                      <SplitCodeForm coding={coding} code={code} onDone={() => setEditing(null)} />
                    </>
                  )}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <CodebookHistory coding={coding} />
      <Filters coding={coding} />
      <Orphaned coding={coding} />
    </div>
  );
}

function NewCodeForm({ coding }: { coding: CodingState }) {
  const [name, setName] = useState("");
  const [level, setLevel] = useState<CodeLevel>("initial");
  const nameId = useId();
  const levelId = useId();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    if (await coding.createCode(name, level)) setName("");
  }
  return (
    <form className="codes-panel__new" onSubmit={onSubmit}>
      <label htmlFor={nameId} className="codes-panel__label">
        New code
      </label>
      <input id={nameId} value={name} maxLength={CODING_LIMITS.codeName.max} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor={levelId} className="codes-panel__label">
        Level
      </label>
      <select id={levelId} value={level} onChange={(e) => setLevel(e.target.value as CodeLevel)}>
        {CODE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {CODE_LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--primary">
        Create
      </button>
    </form>
  );
}

function EditCodeForm({ coding, code, onDone }: { coding: CodingState; code: Code; onDone: () => void }) {
  const [name, setName] = useState(code.name);
  const [color, setColor] = useState(code.color);
  const [level, setLevel] = useState<CodeLevel>(code.level);
  const [parentId, setParentId] = useState(code.parentId ?? "");
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const id = useId();
  const parents = useMemo(() => possibleParents(coding.codes, code.id), [coding.codes, code.id]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changes = {
      ...(name.trim() !== code.name ? { name: name.trim() } : {}),
      ...(color !== code.color ? { color } : {}),
      ...(level !== code.level ? { level } : {}),
      ...((parentId || null) !== code.parentId ? { parentId: parentId || null } : {}),
    };
    try {
      if (Object.keys(changes).length > 0) await api.updateCode(coding.projectId, code.id, changes);
      void queryClient.invalidateQueries({ queryKey: queryKeys.codes(coding.projectId) });
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <form className="code-edit" onSubmit={onSubmit} aria-label={`Edit ${code.name}`}>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} maxLength={CODING_LIMITS.codeName.max} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor={`${id}-color`}>Colour</label>
      <input id={`${id}-color`} type="color" value={color} onChange={(e) => setColor(e.target.value.toLowerCase())} />
      <label htmlFor={`${id}-level`}>Level</label>
      <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as CodeLevel)}>
        {CODE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {CODE_LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-parent`}>Move to…</label>
      <select id={`${id}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
        <option value="">The top of the codebook</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            Under {p.name}
          </option>
        ))}
      </select>
      <FormError error={error} />
      <div className="code-row__actions">
        <button type="submit" className="button button--primary">
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Merging: the code's codings, in every coder's layer, move to the one it is merged into, and
 * the lineage keeps which became which, by whom, with the memo — the trail for the write-up.
 * Asked twice, because it is not undone with a click.
 */
function MergeCodeForm({ coding, code, onDone }: { coding: CodingState; code: Code; onDone: () => void }) {
  // A code kept with blind work is merged into only once it joins the codebook at reveal.
  const others = useMemo(() => coding.codes.filter((c) => c.id !== code.id && !coding.heldCodeIds.has(c.id)), [coding.codes, coding.heldCodeIds, code.id]);
  const [into, setInto] = useState(others[0]?.id ?? "");
  const [memo, setMemo] = useState("");
  const { confirming, reconsider, error, submit } = useAskedTwice(coding.projectId, onDone);
  const id = useId();
  if (others.length === 0) return null;
  const target = others.find((c) => c.id === into);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(() => api.mergeCode(coding.projectId, code.id, { into, ...(memo.trim() ? { memo: memo.trim() } : {}) }));
  }

  return (
    <form className="code-edit" onSubmit={onSubmit} aria-label={`Merge ${code.name}`}>
      <label htmlFor={`${id}-into`}>Merge into</label>
      <select
        id={`${id}-into`}
        value={into}
        onChange={(e) => {
          setInto(e.target.value);
          reconsider();
        }}
      >
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-memo`}>Why (kept in the codebook's history)</label>
      <input id={`${id}-memo`} value={memo} maxLength={CODING_LIMITS.memoChars} onChange={(e) => setMemo(e.target.value)} />
      <FormError error={error} />
      <div className="code-row__actions">
        <button type="submit" className="button">
          {confirming ? `Yes, merge into ${target?.name ?? "it"}` : "Merge…"}
        </button>
      </div>
      {confirming ? (
        <p className="note" role="status">
          Every coding of {code.name} will become {target?.name}, for every coder.
        </p>
      ) : null}
    </form>
  );
}

function Filters({ coding }: { coding: CodingState }) {
  const codeFilterId = useId();
  return (
    <fieldset className="codes-panel__filters">
      <legend>Show</legend>
      {coding.coders.map((coder) => (
        <label key={coder.id} className="check">
          <input type="checkbox" checked={!coding.hiddenCoders.has(coder.id)} onChange={() => coding.toggleCoder(coder.id)} />
          {coder.name}’s codings
        </label>
      ))}
      <label htmlFor={codeFilterId}>Only the code</label>
      <select id={codeFilterId} value={coding.codeFilter ?? ""} onChange={(e) => coding.setCodeFilter(e.target.value || null)}>
        <option value="">Every code</option>
        {coding.codes.map((code) => (
          <option key={code.id} value={code.id}>
            {code.name}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

function Orphaned({ coding }: { coding: CodingState }) {
  const orphaned = coding.shown.filter((c) => c.orphaned);
  if (orphaned.length === 0) return null;
  return (
    <details className="codes-panel__orphaned">
      <summary>Orphaned codings ({orphaned.length}): their words were deleted</summary>
      <ul>
        {orphaned.map((item) => (
          <li key={item.id}>
            {coding.codeById.get(item.codeId)?.name ?? "Unknown code"} · {coding.coders.find((c) => c.id === item.coderId)?.name ?? "another coder"}
            {item.coderId === coding.userId ? (
              <button type="button" className="button" onClick={() => void coding.removeCoding(item)}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
