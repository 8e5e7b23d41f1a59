const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

function format(formatter: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : formatter.format(date);
}

/** "3 Nov 2026"; empty for a value that is not a date. */
export const formatDate = (iso: string) => format(dateFormat, iso);
/** "3 Nov 2026, 14:05"; empty for a value that is not a date. */
export const formatDateTime = (iso: string) => format(dateTimeFormat, iso);
