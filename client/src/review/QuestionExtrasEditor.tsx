// A question's hints and prompts in the checklist editor, behind a disclosure so the list of
// questions stays short: the hints (what to consider) in order, and the prompts (unscored
// sub-questions such as CASP's 10A–10C), each with its key, its wording and the answers it
// offers. Every list can be added to, reordered (Move up) and shortened, within the limits of
// the shared checklist schema.
import { TextField } from "../components/Field";
import { moveUp, newPrompt, replaceAt as replace, type DraftOption, type DraftPrompt, type DraftQuestion } from "./checklistDraft";

/** Move up and Remove for one entry of a list. */
function ReorderRemove(props: { what: string; index: number; canRemove: boolean; onMoveUp: () => void; onRemove: () => void }) {
  return (
    <>
      <button type="button" className="button" disabled={props.index === 0} aria-label={`Move up ${props.what}`} onClick={props.onMoveUp}>
        Move up
      </button>
      <button type="button" className="button" disabled={!props.canRemove} aria-label={`Remove ${props.what}`} onClick={props.onRemove}>
        Remove
      </button>
    </>
  );
}

function PromptEditor(props: { prompt: DraftPrompt; name: string; onChange: (prompt: DraftPrompt) => void }) {
  const { prompt, name, onChange } = props;
  const setAnswers = (answers: DraftOption[]) => onChange({ ...prompt, answers });
  return (
    <fieldset className="stack checklist-editor__prompt">
      <legend>{name}</legend>
      <div className="checklist-editor__row">
        <TextField label={`${name}, wording`} value={prompt.label} onChange={(e) => onChange({ ...prompt, label: e.target.value })} required maxLength={500} />
        <TextField
          label={`${name}, key`}
          className="checklist-editor__key"
          value={prompt.key}
          onChange={(e) => onChange({ ...prompt, key: e.target.value })}
          required
          maxLength={40}
          pattern="[a-z0-9][a-z0-9_\-]*"
          title="Lowercase letters, digits, - and _"
        />
      </div>
      {prompt.answers.map((answer, i) => (
        <div key={i} className="checklist-editor__row">
          <TextField label={`${name}, answer ${i + 1}`} value={answer.label} onChange={(e) => setAnswers(replace(prompt.answers, i, { ...answer, label: e.target.value }))} required maxLength={80} />
          <ReorderRemove
            what={`${name.toLowerCase()}, answer ${i + 1}`}
            index={i}
            canRemove={prompt.answers.length > 2}
            onMoveUp={() => setAnswers(moveUp(prompt.answers, i))}
            onRemove={() => setAnswers(prompt.answers.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <button type="button" className="button" disabled={prompt.answers.length >= 10} onClick={() => setAnswers([...prompt.answers, { key: "", label: "" }])}>
        Add answer to {name.toLowerCase()}
      </button>
    </fieldset>
  );
}

export function QuestionExtrasEditor(props: { question: DraftQuestion; number: number; onChange: (question: DraftQuestion) => void }) {
  const { question, number, onChange } = props;
  const set = (change: Partial<DraftQuestion>) => onChange({ ...question, ...change });
  const counts = [`${question.hints.length} ${question.hints.length === 1 ? "hint" : "hints"}`, `${question.prompts.length} ${question.prompts.length === 1 ? "prompt" : "prompts"}`].join(", ");
  return (
    <details className="checklist-editor__extras">
      <summary>
        Hints and prompts of question {number} ({counts})
      </summary>
      <div className="stack">
        <fieldset className="stack">
          <legend>Hints to question {number}: what to consider</legend>
          {question.hints.map((hint, i) => (
            <div key={i} className="checklist-editor__row">
              <TextField label={`Question ${number}, hint ${i + 1}`} value={hint} onChange={(e) => set({ hints: replace(question.hints, i, e.target.value) })} required maxLength={1_000} />
              <ReorderRemove
                what={`question ${number}, hint ${i + 1}`}
                index={i}
                canRemove
                onMoveUp={() => set({ hints: moveUp(question.hints, i) })}
                onRemove={() => set({ hints: question.hints.filter((_, j) => j !== i) })}
              />
            </div>
          ))}
          <button type="button" className="button" disabled={question.hints.length >= 20} onClick={() => set({ hints: [...question.hints, ""] })}>
            Add hint to question {number}
          </button>
        </fieldset>
        <fieldset className="stack">
          <legend>Prompts of question {number}: answered on their own, not scored</legend>
          {question.prompts.map((prompt, i) => (
            <div key={i} className="stack">
              <PromptEditor prompt={prompt} name={`Question ${number}, prompt ${i + 1}`} onChange={(p) => set({ prompts: replace(question.prompts, i, p) })} />
              <div className="checklist-editor__row checklist-editor__row--end">
                <ReorderRemove
                  what={`question ${number}, prompt ${i + 1}`}
                  index={i}
                  canRemove
                  onMoveUp={() => set({ prompts: moveUp(question.prompts, i) })}
                  onRemove={() => set({ prompts: question.prompts.filter((_, j) => j !== i) })}
                />
              </div>
            </div>
          ))}
          <button type="button" className="button" disabled={question.prompts.length >= 10} onClick={() => set({ prompts: [...question.prompts, newPrompt(question.prompts.map((p) => p.key))] })}>
            Add prompt to question {number}
          </button>
        </fieldset>
      </div>
    </details>
  );
}
