// One question of an appraisal checklist, drawn from the checklist's definition (CASP, JBI, a
// team's own): its hints behind a disclosure, its answers as a native radio group (the arrow
// keys move within it, Tab moves on), its unscored prompts as radio groups of their own, and
// the rater's comment. After reveal the other raters' answers and comments show beside the
// rater's own; before it the API sends none, and the form passes none, so nothing shows.
import { MAX_COMMENT_CHARS, type Question } from "@concord/shared/appraisal/checklist";

export type OtherAnswer = { name: string; answers: Record<string, string>; comments: Record<string, string> };

type Option = { key: string; label: string };

function RadioGroup(props: { name: string; labelledBy: string; options: Option[]; value: string | undefined; onChange: (answer: string) => void }) {
  return (
    <div className="answer-choices" role="radiogroup" aria-labelledby={props.labelledBy}>
      {props.options.map((option) => (
        <label key={option.key} className="answer-choice">
          <input type="radio" name={props.name} value={option.key} checked={props.value === option.key} onChange={() => props.onChange(option.key)} />
          {option.label}
        </label>
      ))}
    </div>
  );
}

/** The answers of the others, in words, for one answer key (`q3`, `q10.a`). */
function Others({ others, answerKey, options }: { others: OtherAnswer[]; answerKey: string; options: Option[] }) {
  if (others.length === 0) return null;
  const said = (answer: string | undefined) => (answer === undefined ? "no answer" : (options.find((o) => o.key === answer)?.label ?? answer));
  return (
    <p className="appraisal-question__others">
      {others.map((o) => `${o.name}: ${said(o.answers[answerKey])}`).join(" · ")}
    </p>
  );
}

/** What the others wrote about the question, each comment under its writer's name. */
function OthersComments({ others, questionKey, number }: { others: OtherAnswer[]; questionKey: string; number: number }) {
  const written = others.filter((o) => (o.comments[questionKey] ?? "").trim() !== "");
  if (written.length === 0) return null;
  return (
    <ul className="appraisal-question__other-comments" aria-label={`The other raters' comments on question ${number}`}>
      {written.map((o, i) => (
        <li key={i}>
          <span className="appraisal-question__commenter">{o.name} commented:</span> {o.comments[questionKey]}
        </li>
      ))}
    </ul>
  );
}

export function ChecklistQuestion(props: {
  /** Unique on the page: the radio groups' names and the ids start with it. */
  idPrefix: string;
  number: number;
  question: Question;
  answers: Record<string, string>;
  comment: string;
  others: OtherAnswer[];
  onAnswer: (key: string, answer: string) => void;
  onComment: (comment: string) => void;
  onCommentDone: () => void;
}) {
  const { idPrefix, number, question, answers, others } = props;
  const id = `${idPrefix}-${question.key}`;
  return (
    <li className="appraisal-question">
      <h3 id={`${id}-label`}>
        {number}. {question.label}
      </h3>
      {question.hints.length > 0 ? (
        <details className="appraisal-question__hints">
          <summary>Hints for question {number}</summary>
          <ul>
            {question.hints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {question.answers.length > 0 ? (
        <>
          <RadioGroup name={id} labelledBy={`${id}-label`} options={question.answers} value={answers[question.key]} onChange={(a) => props.onAnswer(question.key, a)} />
          <Others others={others} answerKey={question.key} options={question.answers} />
        </>
      ) : null}
      {question.prompts.map((prompt) => {
        const key = `${question.key}.${prompt.key}`;
        return (
          <div key={prompt.key} className="appraisal-question__prompt">
            <p id={`${id}-${prompt.key}-label`}>{prompt.label}</p>
            <RadioGroup name={`${id}-${prompt.key}`} labelledBy={`${id}-${prompt.key}-label`} options={prompt.answers} value={answers[key]} onChange={(a) => props.onAnswer(key, a)} />
            <Others others={others} answerKey={key} options={prompt.answers} />
          </div>
        );
      })}
      <OthersComments others={others} questionKey={question.key} number={number} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>Comment on question {number}</label>
        <textarea id={`${id}-comment`} rows={2} maxLength={MAX_COMMENT_CHARS} value={props.comment} onChange={(e) => props.onComment(e.target.value)} onBlur={props.onCommentDone} />
      </div>
    </li>
  );
}
