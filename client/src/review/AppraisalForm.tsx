// One rater's appraisal of one paper against the stage's checklist, as the API defines it.
// Every answer is saved as a draft the moment it is given (a comment when the rater leaves
// it), so nothing is lost on a closed tab; the score and grade are worked out with the
// checklist's own scoring and shown above "Submit my appraisal". Submitting makes the answers
// the rater's independent ones, so the form locks: a change after reveal is a consensus matter.
import { scoreAppraisal, type Checklist } from "@concord/shared/appraisal/checklist";
import { useRef, useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import type { ReviewItem } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { ChecklistQuestion } from "./ChecklistQuestion";

const nonEmpty = (comments: Record<string, string>) => Object.fromEntries(Object.entries(comments).filter(([, text]) => text.trim() !== ""));

export function AppraisalForm({ projectId, item, userId, checklist }: { projectId: string; item: ReviewItem; userId: string; checklist: Checklist }) {
  const invalidate = useInvalidate();
  const mine = item.work.find((w) => w.rater.id === userId);
  const [answers, setAnswers] = useState<Record<string, string>>(mine?.answers ?? {});
  const [comments, setComments] = useState<Record<string, string>>(mine?.comments ?? {});
  const [status, setStatus] = useState("");
  const [submitting, setSubmitting] = useState(false);
  // Saves go one after another, so an older draft never lands after a newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const locked = Boolean(mine?.submitted) || submitting;
  const score = scoreAppraisal(checklist, answers);
  const numberOf = new Map(checklist.questions.map((q, i) => [q.key, i + 1]));
  const others = item.work.filter((w) => w.rater.id !== userId).map((w) => ({ name: w.rater.name, answers: w.answers, comments: w.comments }));

  function save(next: { answers: Record<string, string>; comments: Record<string, string> }, submit: boolean): Promise<void> {
    const done = queue.current.then(async () => {
      await api.rate(projectId, "appraisal", item.recordId, { answers: next.answers, comments: nonEmpty(next.comments), submit });
      invalidate(queryKeys.reviewStage(projectId, "appraisal"));
    });
    queue.current = done.catch(() => {});
    return done;
  }
  const draft = (next: { answers: Record<string, string>; comments: Record<string, string> }) =>
    void save(next, false).then(
      () => setStatus("Draft saved."),
      (error: unknown) => setStatus(errorMessage(error)),
    );

  async function submit() {
    setSubmitting(true);
    try {
      await save({ answers, comments }, true);
      setStatus("Appraisal submitted.");
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="appraisal-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <fieldset disabled={locked}>
        <legend className="visually-hidden">{checklist.name}</legend>
        <ol className="appraisal-questions">
          {checklist.questions.map((question, i) => (
            <ChecklistQuestion
              key={question.key}
              idPrefix={`appraise-${item.recordId}`}
              number={i + 1}
              question={question}
              answers={answers}
              comment={comments[question.key] ?? ""}
              others={item.revealed ? others : []}
              onAnswer={(key, answer) => {
                const next = { ...answers, [key]: answer };
                setAnswers(next);
                draft({ answers: next, comments });
              }}
              onComment={(text) => setComments({ ...comments, [question.key]: text })}
              onCommentDone={() => {
                if ((comments[question.key] ?? "") !== (mine?.comments[question.key] ?? "")) draft({ answers, comments });
              }}
            />
          ))}
        </ol>
      </fieldset>
      {score ? (
        <div className="appraisal-score" aria-labelledby={`score-${item.recordId}`}>
          <h3 id={`score-${item.recordId}`}>Your score</h3>
          <p>
            <strong>
              {score.total} of {score.max}
            </strong>
            {score.grade ? (
              <>
                {" "}
                — grade <strong>{score.grade.grade}</strong>: {score.grade.description}.
              </>
            ) : (
              <> so far; still to answer: question {score.unanswered.map((key) => numberOf.get(key) ?? key).join(", ")}.</>
            )}
          </p>
        </div>
      ) : null}
      {mine?.submitted ? (
        <p className="appraisal-form__done">
          You submitted this appraisal. {item.revealed ? "Every rater has submitted: the answers are revealed, and any disagreement is settled below." : "It reveals once every rater has submitted theirs."}
        </p>
      ) : (
        <button type="submit" className="button button--primary" disabled={locked || (score?.unanswered.length ?? 0) > 0}>
          Submit my appraisal
        </button>
      )}
      <p className="appraisal-form__status" role="status">
        {status}
      </p>
    </form>
  );
}
