// Agreement between a transcript's coders, explained: the unit counted and the overlap two
// segments need to match are the team's choice; the figures per code and overall, now, at
// reveal and after settling; then every disagreement still to settle, and who settled what.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import type { DocumentAgreement, DocumentDetail } from "../api/types";
import { Alert, Loading } from "../components/Alert";
import { formatDateTime } from "../components/dates";
import { AgreementMoments } from "./AgreementMoments";
import { DisagreementList } from "./DisagreementList";
import { formatCoefficient, formatPercent, formatSegments, statistic } from "./figures";

type Unit = DocumentAgreement["unit"];

const UNITS: { value: Unit; label: string; explained: string }[] = [
  { value: "character", label: "Character", explained: "each character of the text" },
  { value: "word", label: "Word", explained: "each word" },
  { value: "sentence", label: "Sentence", explained: "each sentence" },
  { value: "turn", label: "Speaker turn", explained: "each speaker turn" },
];

const ACTION_WORDS = { keep_one: "kept one coding", keep_both: "kept both codings", merge: "merged them into one coding", drop: "dropped them" } as const;

type Props = { document: DocumentDetail; mayDiscuss: boolean; maySettle: boolean };

export function AgreementView({ document, mayDiscuss, maySettle }: Props) {
  const [unit, setUnit] = useState<Unit>("word");
  const [threshold, setThreshold] = useState(0.9);
  const agreement = useQuery({ ...queries.agreement(document.id, unit, threshold), placeholderData: (previous) => previous });
  const codes = useQuery(queries.codes(document.projectId));
  const codeName = (id: string) => codes.data?.find((code) => code.id === id)?.name ?? "A code";
  const id = useId();
  const unitWords = UNITS.find((u) => u.value === unit)!.explained;

  return (
    <section className="agreement" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="agreement__heading">
        Agreement
      </h3>
      <div className="agreement__options">
        <label className="field">
          <span>Count by</span>
          <select value={unit} onChange={(event) => setUnit(event.target.value as Unit)}>
            {UNITS.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Overlap to match (%)</span>
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={Math.round(threshold * 100)}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value) && value >= 0 && value <= 100) setThreshold(value / 100);
            }}
          />
        </label>
      </div>
      <p className="field__hint">
        Agreement asks, for {unitWords} and each code, whether the coders both applied the code or both left it out. Kappa and alpha discount the agreement
        expected by chance (1 is perfect, 0 is chance). Two coded passages count as the same segment when they overlap by at least {Math.round(threshold * 100)}%
        of the words they cover together.
      </p>
      {agreement.status === "pending" ? <Loading what="agreement" /> : null}
      {agreement.status === "error" ? <Alert>{errorMessage(agreement.error)}</Alert> : null}
      {agreement.data ? (
        <>
          <table className="agreement__table">
            <caption className="visually-hidden">Agreement overall and per code</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Agreement</th>
                <th scope="col">Kappa</th>
                <th scope="col">Segments matched</th>
              </tr>
            </thead>
            <tbody>
              <tr className="agreement__overall">
                <th scope="row">All codes</th>
                <td data-testid="overall-agreement">{formatPercent(statistic(agreement.data.overall, "percent_agreement"))}</td>
                <td>{formatCoefficient(statistic(agreement.data.overall, "cohen_kappa"))}</td>
                <td>{formatSegments(agreement.data.overall)}</td>
              </tr>
              {Object.entries(agreement.data.per_code).map(([codeId, figures]) => (
                <tr key={codeId}>
                  <th scope="row">{codeName(codeId)}</th>
                  <td>{formatPercent(statistic(figures, "percent_agreement"))}</td>
                  <td>{formatCoefficient(statistic(figures, "cohen_kappa"))}</td>
                  <td>{formatSegments(figures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <AgreementMoments
            moments={[
              { label: "Now", overall: agreement.data.overall },
              { label: "At reveal", overall: agreement.data.at_reveal?.overall ?? null, pending: "not revealed yet", testId: "agreement-at-reveal" },
              { label: "After settling", overall: agreement.data.after_settling?.overall ?? null, pending: "nothing settled yet", testId: "agreement-after-settling" },
            ]}
          />
          <DisagreementList document={document} agreement={agreement.data} codeName={codeName} mayDiscuss={mayDiscuss} maySettle={maySettle} />
          {agreement.data.settled.length > 0 ? (
            <section aria-labelledby={`${id}-settled`}>
              <h4 id={`${id}-settled`} className="agreement__subheading">
                Settled
              </h4>
              <ul className="agreement__settled">
                {agreement.data.settled.map((settlement) => (
                  <li key={settlement.id}>
                    <strong>{settlement.settledBy.name}</strong> {ACTION_WORDS[settlement.action]}, {formatDateTime(settlement.settledAt)}
                    {settlement.note ? `: ${settlement.note}` : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
