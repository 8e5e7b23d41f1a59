// Agreement figures in words a research team reads without the manual: percentages for
// agreement, two decimals for the chance-corrected statistics, and the engine's own reason
// when a value is undefined (every unit the same, nobody used the code).
import type { Statistic } from "../api/types";

function isStatistic(value: unknown): value is Statistic {
  return typeof value === "object" && value !== null && "value" in value;
}

/** The statistic `name` of a figures object, or null when it has none. */
export function statistic(figures: Record<string, unknown> | undefined, name: string): Statistic | null {
  const value = figures?.[name];
  return isStatistic(value) ? value : null;
}

export function formatPercent(stat: Statistic | null): string {
  if (!stat) return "—";
  return stat.value === null ? `undefined (${stat.reason})` : `${(stat.value * 100).toFixed(1)}%`;
}

export function formatCoefficient(stat: Statistic | null): string {
  if (!stat) return "—";
  return stat.value === null ? `undefined (${stat.reason})` : stat.value.toFixed(2);
}

/** Matched segments out of all, from a `segments` count. */
export function formatSegments(figures: Record<string, unknown> | undefined): string {
  const segments = figures?.segments as { agreements?: number; total?: number } | undefined;
  if (!segments || typeof segments.total !== "number") return "—";
  return `${segments.agreements ?? 0} of ${segments.total}`;
}
