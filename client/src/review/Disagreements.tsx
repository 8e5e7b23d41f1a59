// After reveal: agreement before and after discussion, and every disagreement with each
// rater's decision, the consensus (recorded here by a rater or a lead) and its discussion.
import type { Checklist } from "@concord/shared/appraisal/checklist";
import { api } from "../api/endpoints";
import { queryKeys } from "../api/queries";
import type { Criteria, Decision, ReviewAgreement, ReviewStage } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";
import { coefficient, percent } from "./figures";
import { kappaParadox } from "./kappaParadox";
import { QuestionAgreement } from "./QuestionAgreement";
import { RatingThread } from "./RatingThread";
import { useStageThreads, type StageThreads } from "./useStageThreads";

type Choice = { key: string; label: string };

/** A screening consensus chooses a decision; an appraisal one, an answer the checklist offers for the question. */
const DECISIONS: Choice[] = [
  { key: "include", label: "include" },
  { key: "exclude", label: "exclude" },
  { key: "maybe", label: "maybe" },
];
const choicesOf = (checklist: Checklist | undefined, question: string): Choice[] => (checklist ? (checklist.questions.find((q) => q.key === question)?.answers ?? []) : DECISIONS);

type DisagreementProps = {
  projectId: string;
  stage: ReviewStage;
  entry: ReviewAgreement["disagreements"][number];
  criteria: Criteria;
  checklist: Checklist | undefined;
  discussion: StageThreads;
};

function Disagreement(props: DisagreementProps) {
  const { projectId, stage, entry, criteria, checklist, discussion } = props;
  const invalidate = useInvalidate();
  const choices = choicesOf(checklist, entry.question);
  const labelOf = (answer: string) => choices.find((c) => c.key === answer)?.label ?? answer;
  const { busy, message, run } = useAction();
  const reasonText = (id: string | null) => (id ? ` — ${criteria.exclusion.find((c) => c.id === id)?.text ?? id}` : "");
  const settle = (answer: string) =>
    run(async () => {
      if (checklist) {
        await api.recordConsensus(projectId, stage, entry.recordId, { answers: { [entry.question]: answer } });
      } else {
        // A settled exclusion keeps the reason a rater gave, when one did.
        const reason = answer === "exclude" ? (entry.answers.find((a) => a.reason)?.reason ?? undefined) : undefined;
        await api.recordConsensus(projectId, stage, entry.recordId, { decision: answer as Decision, reason });
      }
      invalidate(queryKeys.reviewStage(projectId, stage));
      return `Consensus recorded: ${labelOf(answer)}.`;
    });
  // An appraisal disagreement is about one question of the checklist: its number there.
  const number = checklist ? checklist.questions.findIndex((q) => q.key === entry.question) + 1 : 0;
  const about = checklist ? `, question ${number > 0 ? number : entry.question}` : "";
  return (
    <li className="rating-disagreement">
      <h3>
        {entry.title ?? "(untitled)"}
        {about}
      </h3>
      <ul className="rating-disagreement__answers">
        {entry.answers.map((a) => (
          <li key={a.rater.id}>
            <strong>{a.rater.name}</strong>: {a.answer ? labelOf(a.answer) : "no answer"}
            {reasonText(a.reason)}
            {a.comment ? <span className="rating-disagreement__comment"> “{a.comment}”</span> : null}
          </li>
        ))}
      </ul>
      <p>
        {entry.consensus ? (
          <>
            Consensus: <strong>{labelOf(entry.consensus.answer)}</strong>, recorded by {entry.consensus.decidedBy.name}.
          </>
        ) : (
          "No consensus yet."
        )}
      </p>
      <div className="button-row" role="group" aria-label={`Consensus on ${entry.title ?? "this record"}${about}`}>
        {choices.map((choice) => (
          <button
            key={choice.key}
            type="button"
            className="button"
            disabled={busy}
            aria-pressed={entry.consensus?.answer === choice.key}
            onClick={() => void settle(choice.key)}
          >
            Agree: {choice.label}
          </button>
        ))}
      </div>
      <RatingThread projectId={projectId} stage={stage} recordId={entry.recordId} question={checklist ? entry.question : undefined} discussion={discussion} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </li>
  );
}

export function Disagreements(props: { projectId: string; stage: ReviewStage; agreement: ReviewAgreement; criteria: Criteria; checklist: Checklist | undefined }) {
  const { projectId, stage, agreement, criteria, checklist } = props;
  const paradox = agreement.reason ? null : kappaParadox(agreement, checklist);
  const discussion = useStageThreads(projectId, stage);
  return (
    <section className="card stack" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">Agreement and disagreements</h2>
      {agreement.reason ? (
        <p>{agreement.reason}</p>
      ) : (
        <dl className="agreement-figures">
          <div>
            <dt>Before discussion</dt>
            <dd>{percent(agreement.before?.percent_agreement.value)}</dd>
          </div>
          <div>
            <dt>After discussion</dt>
            <dd>{percent(agreement.after?.percent_agreement.value)}</dd>
          </div>
          <div>
            <dt>Items compared</dt>
            <dd>{agreement.before?.n_units ?? 0}</dd>
          </div>
          <div>
            <dt>Cohen's kappa, before</dt>
            <dd>{coefficient(agreement.before?.cohen_kappa)}</dd>
          </div>
          <div>
            <dt>Gwet's AC1, before</dt>
            <dd>{coefficient(agreement.before?.gwet_ac1)}</dd>
          </div>
        </dl>
      )}
      {paradox ? (
        <p className="note" role="note">
          {paradox}
        </p>
      ) : null}
      <QuestionAgreement perQuestion={agreement.per_question} checklist={checklist} />
      {agreement.disagreements.length === 0 ? (
        <p>No disagreement among the revealed items.</p>
      ) : (
        <ul className="rating-disagreements">
          {agreement.disagreements.map((entry) => (
            <Disagreement
              key={`${entry.recordId} ${entry.question}`}
              projectId={projectId}
              stage={stage}
              entry={entry}
              criteria={criteria}
              checklist={checklist}
              discussion={discussion}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
