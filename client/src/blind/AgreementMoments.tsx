// Agreement overall at three moments — now, when the layers were revealed, and after the team
// settled its differences — so a write-up can quote "before" and "after" from one place.
import type { AgreementFigures } from "../api/types";
import { formatPercent, statistic } from "./figures";

export interface AgreementMoment {
  label: string;
  /** The overall figures at that moment, or null while it has not happened. */
  overall: AgreementFigures | null;
  /** What to say while it has not happened. */
  pending?: string;
  testId?: string;
}

export function AgreementMoments({ moments }: { moments: AgreementMoment[] }) {
  return (
    <dl className="agreement__moments">
      {moments.map((moment) => (
        <div key={moment.label}>
          <dt>{moment.label}</dt>
          <dd data-testid={moment.testId}>{moment.overall ? formatPercent(statistic(moment.overall, "percent_agreement")) : moment.pending}</dd>
        </div>
      ))}
    </dl>
  );
}
