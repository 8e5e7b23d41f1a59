// Readable tables for the terminal: statistic, value, 95% CI, then the interpretation label
// or the reason a value does not exist. Pure string building.

import { krippendorffLabel, landisKochLabel } from "../interpret";
import type { ItemReport, Statistic, UnitizingReport } from "../types";

const ITEM_ROWS: [keyof ItemReport, string, "kappa" | "alpha" | "none"][] = [
  ["percent_agreement", "percent agreement", "none"],
  ["cohen_kappa", "Cohen's kappa", "kappa"],
  ["weighted_kappa", "weighted kappa", "kappa"],
  ["scott_pi", "Scott's pi", "kappa"],
  ["fleiss_kappa", "Fleiss' kappa", "kappa"],
  ["krippendorff_alpha", "Krippendorff's alpha", "alpha"],
  ["gwet_ac1", "Gwet's AC1", "kappa"],
  ["gwet_ac2", "Gwet's AC2", "kappa"],
  ["brennan_prediger", "Brennan-Prediger", "kappa"],
];

const number = (x: number) => x.toFixed(3);

function row(name: string, stat: Statistic, scale: "kappa" | "alpha" | "none"): string[] {
  if (stat.value === null) return [name, "—", "", stat.reason];
  const ci = stat.ci ? `[${number(stat.ci[0])}, ${number(stat.ci[1])}]` : "";
  const label = stat.label ?? (scale === "kappa" ? landisKochLabel(stat.value) : scale === "alpha" ? krippendorffLabel(stat.value) : "");
  return [name, number(stat.value), ci, label];
}

/** Columns padded to their widest cell; the last column is left ragged. */
export function alignColumns(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd()).join("\n");
}

export function formatItemReport(report: ItemReport): string {
  const rows = [["statistic", "value", "95% CI", "interpretation or reason"]];
  for (const [key, name, scale] of ITEM_ROWS) rows.push(row(name, report[key] as Statistic, scale));
  const head = `${report.n_units} units, ${report.n_raters} raters, ${report.level} level, categories: ${report.categories.join(", ")}`;
  return `${head}\n\n${alignColumns(rows)}\n`;
}

export function formatUnitizingReport(report: UnitizingReport): string {
  const rows = [["statistic", "value", "95% CI", "interpretation or reason"]];
  rows.push(row("|uα (all codes)", report.u_alpha, "alpha"));
  rows.push(row("cuα (codes)", report.cu_alpha, "alpha"));
  rows.push(row("Cuα (domains)", report.Cu_alpha, "alpha"));
  for (const [code, { u_alpha }] of Object.entries(report.per_code)) rows.push(row(`|uα ${code}`, u_alpha, "alpha"));
  rows.push(row("|uα 1995/2004 (all codes)", report.boundary_u_alpha.pooled, "alpha"));
  for (const [code, alpha] of Object.entries(report.boundary_u_alpha.per_code)) rows.push(row(`|uα 1995/2004 ${code}`, alpha, "alpha"));
  return `Krippendorff's unitizing alphas\n\n${alignColumns(rows)}\n`;
}
