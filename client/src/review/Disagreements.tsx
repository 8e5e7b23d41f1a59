// After reveal: agreement before and after discussion, and every disagreement with each
// rater's decision, the consensus (recorded here by a rater or a lead) and its thread.
import { useState } from "react";
import { api } from "../api/endpoints";
import { queryKeys } from "../api/queries";
import type { Criteria, Decision, ReviewAgreement, ReviewStage, Statistic } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";
import { kappaParadox } from "./kappaParadox";

/** The answers a consensus may choose: a screening decision, or a CASP answer for a question of the appraisal. */
const CHOICES: Record<"screening" | "appraisal", { key: string; label: string }[]> = {
  screening: [
    { key: "include", label: "include" },
    { key: "exclude", label: "exclude" },
    { key: "maybe", label: "maybe" },
  ],
  appraisal: [
    { key: "yes", label: "Yes" },
    { key: "cant_tell", label: "Can't tell" },
    { key: "no", label: "No" },
  ],
};
const choicesOf = (stage: ReviewStage) => CHOICES[stage === "appraisal" ? "appraisal" : "screening"];
const labelOf = (stage: ReviewStage, answer: string) => choicesOf(stage).find((c) => c.key === answer)?.label ?? answer;

const percent = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${Math.round(value * 1000) / 10}%`);

function Disagreement({ projectId, stage, entry, criteria }: { projectId: string; stage: ReviewStage; entry: ReviewAgreement["disagreements"][number]; criteria: Criteria }) {
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  const [note, setNote] = useState("");
  const reasonText = (id: string | null) => (id ? ` — ${criteria.exclusion.find((c) => c.id === id)?.text ?? id}` : "");
  const settle = (answer: string) =>
    run(async () => {
      if (stage === "appraisal") {
        await api.recordConsensus(projectId, stage, entry.recordId, { answers: { [entry.question]: answer } });
      } else {
        // A settled exclusion keeps the reason a rater gave, when one did.
        const reason = answer === "exclude" ? (entry.answers.find((a) => a.reason)?.reason ?? undefined) : undefined;
        await api.recordConsensus(projectId, stage, entry.recordId, { decision: answer as Decision, reason });
      }
      invalidate(queryKeys.reviewStage(projectId, stage));
      return `Consensus recorded: ${labelOf(stage, answer)}.`;
    });
  // An appraisal disagreement is about one question of the checklist (q7 → question 7).
  const about = stage === "appraisal" ? `, question ${entry.question.replace(/^q/, "")}` : "";
  const discuss = () =>
    run(async () => {
      await api.startRatingThread(projectId, stage, entry.recordId, note, stage === "appraisal" ? entry.question : undefined);
      setNote("");
      invalidate(queryKeys.reviewStage(projectId, stage));
      return "Discussion started.";
    });
  return (
    <li className="rating-disagreement">
      <h3>
        {entry.title ?? "(untitled)"}
        {about}
      </h3>
      <ul className="rating-disagreement__answers">
        {entry.answers.map((a) => (
          <li key={a.rater.id}>
            <strong>{a.rater.name}</strong>: {a.answer ? labelOf(stage, a.answer) : "no answer"}
            {reasonText(a.reason)}
            {a.comment ? <span className="rating-disagreement__comment"> “{a.comment}”</span> : null}
          </li>
        ))}
      </ul>
      <p>
        {entry.consensus ? (
          <>
            Consensus: <strong>{labelOf(stage, entry.consensus.answer)}</strong>, recorded by {entry.consensus.decidedBy.name}.
          </>
        ) : (
          "No consensus yet."
        )}
      </p>
      <div className="button-row" role="group" aria-label={`Consensus on ${entry.title ?? "this record"}${about}`}>
        {choicesOf(stage).map((choice) => (
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
      {entry.threadId ? (
        <p>
          <a href={`#thread-${entry.threadId}`} id={`thread-${entry.threadId}`}>
            Discussion thread
          </a>{" "}
          started on this disagreement.
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`discuss-${entry.recordId}-${entry.question}`}>Start a discussion</label>
          <textarea id={`discuss-${entry.recordId}-${entry.question}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" className="button" disabled={busy || note.trim() === ""} onClick={() => void discuss()}>
            Post
          </button>
        </div>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </li>
  );
}

/** A coefficient as the write-up prints it, or a dash where it cannot be computed. */
function coefficient(statistic: Statistic | undefined): string {
  return statistic && statistic.value !== null ? statistic.value.toFixed(2) : "—";
}

export function Disagreements({ projectId, stage, agreement, criteria }: { projectId: string; stage: ReviewStage; agreement: ReviewAgreement; criteria: Criteria }) {
  const paradox = agreement.reason ? null : kappaParadox(agreement.before);
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
      {agreement.disagreements.length === 0 ? (
        <p>No disagreement among the revealed items.</p>
      ) : (
        <ul className="rating-disagreements">
          {agreement.disagreements.map((entry) => (
            <Disagreement key={`${entry.recordId} ${entry.question}`} projectId={projectId} stage={stage} entry={entry} criteria={criteria} />
          ))}
        </ul>
      )}
    </section>
  );
}
