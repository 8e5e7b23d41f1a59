// The file formats a report table is written as, and their media types. Apart from
// tableFiles.ts (which writes them) because the routes name them in their responses, and
// the main thread must not load docx and exceljs for that: the files are written in a worker.
export type TableFormat = "docx" | "xlsx";

export const TABLE_MEDIA_TYPES: Record<TableFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
