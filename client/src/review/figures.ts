// Agreement figures as the write-up prints them: a dash where one cannot be computed.
import type { Statistic } from "../api/types";

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${Math.round(value * 1000) / 10}%`);

export function coefficient(statistic: Statistic | undefined): string {
  return statistic && statistic.value !== null ? statistic.value.toFixed(2) : "—";
}
