// The project's inclusion and exclusion criteria, as the screening screen uses them: each
// with its keywords (marked in titles and abstracts) and, for exclusions, the reason a
// full-text exclusion names. Everyone sees them; the lead adds, edits in place and removes them. A removed
// criterion stays named in decisions that already cite it (the server keeps its id there).
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { queryKeys } from "../api/queries";
import type { Criteria, Criterion } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { SelectField, TextField } from "../components/Field";
import { SaveOrCancel } from "../components/SaveOrCancel";
import { useAction } from "../components/useAction";

type Kind = keyof Criteria;
const KINDS: { kind: Kind; label: string }[] = [
  { kind: "inclusion", label: "Inclusion criteria" },
  { kind: "exclusion", label: "Exclusion criteria" },
];

/** An id from the wording, unique among the criteria: it is what decisions cite. */
function newId(text: string, criteria: Criteria): string {
  const base = text.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "criterion";
  const taken = new Set([...criteria.inclusion, ...criteria.exclusion].map((c) => c.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const keywordList = (text: string) => text.split(",").map((k) => k.trim()).filter(Boolean);

/** A criterion's wording and keywords changed in place; its id stays, so decisions citing it still do. */
function CriterionEdit({ criterion, busy, onSave, onCancel }: { criterion: Criterion; busy: boolean; onSave: (edited: Criterion) => void; onCancel: () => void }) {
  const [text, setText] = useState(criterion.text);
  const [keywords, setKeywords] = useState(criterion.keywords.join(", "));
  return (
    <form className="stack" onSubmit={(e) => (e.preventDefault(), onSave({ id: criterion.id, text: text.trim(), keywords: keywordList(keywords) }))}>
      <TextField label="Edit criterion" value={text} onChange={(e) => setText(e.target.value)} required maxLength={1000} />
      <TextField label="Edit keywords" hint="Separated by commas." value={keywords} onChange={(e) => setKeywords(e.target.value)} />
      <SaveOrCancel label="Save criterion" disabled={busy || text.trim() === ""} onCancel={onCancel} />
    </form>
  );
}

export function CriteriaEditor({ projectId, criteria, canEdit }: { projectId: string; criteria: Criteria; canEdit: boolean }) {
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  const [kind, setKind] = useState<Kind>("exclusion");
  const [text, setText] = useState("");
  const [keywords, setKeywords] = useState("");
  const [editing, setEditing] = useState<string | null>(null);

  // Only the two lists: the server refuses anything else in the body (GET adds who changed them last).
  const save = (next: Criteria, done: string) =>
    run(async () => {
      await api.saveCriteria(projectId, { inclusion: next.inclusion, exclusion: next.exclusion });
      invalidate(queryKeys.criteria(projectId));
      return done;
    });

  function add(event: FormEvent) {
    event.preventDefault();
    const criterion: Criterion = { id: newId(text, criteria), text: text.trim(), keywords: keywordList(keywords) };
    void save({ ...criteria, [kind]: [...criteria[kind], criterion] }, `Added: ${criterion.text}.`).then(() => {
      setText("");
      setKeywords("");
    });
  }

  return (
    <section className="card stack" aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">Criteria</h2>
      {KINDS.map(({ kind: k, label }) => (
        <div key={k}>
          <h3>{label}</h3>
          {criteria[k].length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="criteria-list">
              {criteria[k].map((c) => (
                <li key={c.id}>
                  {editing === c.id ? (
                    <CriterionEdit
                      criterion={c}
                      busy={busy}
                      onCancel={() => setEditing(null)}
                      onSave={(edited) =>
                        void save({ ...criteria, [k]: criteria[k].map((x) => (x.id === c.id ? edited : x)) }, `Saved: ${edited.text}.`).then(() => setEditing(null))
                      }
                    />
                  ) : (
                    <>
                      {c.text}
                      {c.keywords.length > 0 ? <span className="criteria-list__keywords"> — keywords: {c.keywords.join(", ")}</span> : null}
                    </>
                  )}
                  {canEdit && editing !== c.id ? (
                    <button type="button" className="button criteria-list__remove" disabled={busy} aria-label={`Edit “${c.text}”`} onClick={() => setEditing(c.id)}>
                      Edit
                    </button>
                  ) : null}
                  {canEdit ? (
                    <button
                      type="button"
                      className="button criteria-list__remove"
                      disabled={busy}
                      aria-label={`Remove “${c.text}”`}
                      onClick={() => void save({ ...criteria, [k]: criteria[k].filter((x) => x.id !== c.id) }, `Removed: ${c.text}.`)}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {canEdit ? (
        <form className="stack" onSubmit={add}>
          <SelectField label="Add to" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </SelectField>
          <TextField label="Criterion" value={text} onChange={(e) => setText(e.target.value)} required maxLength={1000} />
          <TextField label="Keywords" hint="Separated by commas; they are marked in titles and abstracts while screening." value={keywords} onChange={(e) => setKeywords(e.target.value)} />
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ""}>
            Add criterion
          </button>
        </form>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
