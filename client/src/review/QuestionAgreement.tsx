// Agreement question by question at the appraisal stage (thesis: CASP 97.2% overall hides
// which questions the raters read differently): items rated, percent agreement before and
// after discussion, Cohen's kappa and Gwet's AC1 where the engine could compute them.
import type { Checklist } from "@concord/shared/appraisal/checklist";
import type { ReviewAgreement } from "../api/types";
import { coefficient, percent } from "./figures";

export function QuestionAgreement({ perQuestion, checklist }: { perQuestion: ReviewAgreement["per_question"]; checklist: Checklist | undefined }) {
  if (perQuestion.length === 0) return null;
  const numberOf = new Map(checklist?.questions.map((q, i) => [q.key, { n: i + 1, label: q.label }]));
  return (
    <div className="table-scroll" role="region" aria-labelledby="question-agreement-heading" tabIndex={0}>
      <h3 id="question-agreement-heading">Agreement by question</h3>
      <table className="question-agreement">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Items rated</th>
            <th scope="col">Agreement before</th>
            <th scope="col">Agreement after</th>
            <th scope="col">Cohen's kappa</th>
            <th scope="col">Gwet's AC1</th>
          </tr>
        </thead>
        <tbody>
          {perQuestion.map((row) => {
            const known = numberOf.get(row.question);
            return (
              <tr key={row.question}>
                <th scope="row" title={known?.label}>
                  {known ? `${known.n}. ${known.label}` : row.question}
                </th>
                <td>{row.before?.n_units ?? 0}</td>
                <td>{percent(row.before?.percent_agreement.value)}</td>
                <td>{percent(row.after?.percent_agreement.value)}</td>
                <td>{coefficient(row.before?.cohen_kappa)}</td>
                <td>{coefficient(row.before?.gwet_ac1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
