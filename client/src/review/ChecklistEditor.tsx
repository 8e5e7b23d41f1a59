// The lead's compact editor of an appraisal checklist: its name, the answers every question
// offers with the points each earns, the questions (label, counted or not, their hints and
// prompts, added and removed) and the grade bands. The draft is checked with the shared
// schema before it is sent, so a problem is named where it is. Saving a new checklist creates
// its version 1; saving an existing one publishes its next version, and ratings already
// given keep theirs.
import { useState, type FormEvent } from "react";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";
import { SaveOrCancel } from "../components/SaveOrCancel";
import { definitionOf, definitionProblems, keyFrom, newQuestion, replaceAt as replace, type Draft } from "./checklistDraft";
import { QuestionExtrasEditor } from "./QuestionExtrasEditor";

interface Props {
  draft: Draft;
  isNew: boolean;
  busy: boolean;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}

/** Adds a row to one of the lists, until the list holds as many as the server accepts. */
function AddRow({ label, full, onAdd }: { label: string; full: boolean; onAdd: () => void }) {
  return (
    <button type="button" className="button" disabled={full} onClick={onAdd}>
      {label}
    </button>
  );
}

export function ChecklistEditor({ draft: initial, isNew, busy, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const key = isNew ? keyFrom(draft.name, ["casp-qualitative"], "checklist") : draft.key;
    const found = definitionProblems(definitionOf({ ...draft, key }));
    setProblems(found);
    if (found.length === 0) onSave({ ...draft, key });
  }

  return (
    <form className="stack checklist-editor" onSubmit={submit} aria-label={isNew ? "New checklist" : `Edit ${initial.name}`}>
      <TextField label="Name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} />
      <fieldset className="stack">
        <legend>Answers, most to least met, with their points</legend>
        {draft.answers.map((answer, i) => (
          <div key={answer.key} className="checklist-editor__row">
            <TextField label={`Answer ${i + 1}`} value={answer.label} onChange={(e) => set({ answers: replace(draft.answers, i, { ...answer, label: e.target.value }) })} required maxLength={80} />
            <TextField label="Points" type="number" step="any" inputMode="decimal" value={answer.points} onChange={(e) => set({ answers: replace(draft.answers, i, { ...answer, points: e.target.value }) })} required />
            <button type="button" className="button" disabled={draft.answers.length <= 2} aria-label={`Remove answer ${answer.label || i + 1}`} onClick={() => set({ answers: draft.answers.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        ))}
        <AddRow label="Add answer" full={draft.answers.length >= 10} onAdd={() => set({ answers: [...draft.answers, { key: keyFrom("answer", draft.answers.map((a) => a.key), "answer"), label: "", points: "0" }] })} />
      </fieldset>
      <fieldset className="stack">
        <legend>Questions</legend>
        {draft.questions.map((question, i) => (
          <div key={question.key} className="checklist-editor__question">
            <div className="checklist-editor__row">
              <TextField label={`Question ${i + 1}`} value={question.label} onChange={(e) => set({ questions: replace(draft.questions, i, { ...question, label: e.target.value }) })} required maxLength={500} />
              <label className="checklist-editor__check">
                <input type="checkbox" checked={question.counted} onChange={(e) => set({ questions: replace(draft.questions, i, { ...question, counted: e.target.checked }) })} /> Scored
              </label>
              <button type="button" className="button" disabled={draft.questions.length <= 1} aria-label={`Remove question ${i + 1}`} onClick={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}>
                Remove
              </button>
            </div>
            <QuestionExtrasEditor question={question} number={i + 1} onChange={(changed) => set({ questions: replace(draft.questions, i, changed) })} />
          </div>
        ))}
        <AddRow label="Add question" full={draft.questions.length >= 100} onAdd={() => set({ questions: [...draft.questions, newQuestion(draft.questions.map((q) => q.key))] })} />
      </fieldset>
      <fieldset className="stack">
        <legend>Grade bands, highest first: the lowest total each needs</legend>
        {draft.grades.map((grade, i) => (
          <div key={i} className="checklist-editor__row">
            <TextField label={`Grade ${i + 1}`} value={grade.grade} onChange={(e) => set({ grades: replace(draft.grades, i, { ...grade, grade: e.target.value }) })} required maxLength={20} />
            <TextField label="From" type="number" step="any" inputMode="decimal" value={grade.min} onChange={(e) => set({ grades: replace(draft.grades, i, { ...grade, min: e.target.value }) })} required />
            <TextField label="Meaning" value={grade.description} onChange={(e) => set({ grades: replace(draft.grades, i, { ...grade, description: e.target.value }) })} required maxLength={200} />
            <button type="button" className="button" disabled={draft.grades.length <= 1} aria-label={`Remove grade ${grade.grade || i + 1}`} onClick={() => set({ grades: draft.grades.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        ))}
        <AddRow label="Add grade" full={draft.grades.length >= 10} onAdd={() => set({ grades: [...draft.grades, { grade: "", min: "0", description: "" }] })} />
      </fieldset>
      {problems.length > 0 ? (
        <Alert>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <SaveOrCancel label={isNew ? "Create checklist" : "Publish new version"} disabled={busy} onCancel={onCancel} />
    </form>
  );
}
