// A report table (shared/src/review/reportTables.ts) written as the files a write-up is made
// from: a Word document with the table in it, landscape because the tables are wide, and a
// spreadsheet with one sheet. Both keep the cells as text, so "6.5" and ".5" stay as printed.
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import type { ReportTable } from "@concord/shared/review/reportTables";

function cell(text: string, header: boolean): TableCell {
  // Line breaks people typed in a field become lines in the cell.
  const runs = text.split("\n").map((line, i) => new TextRun({ text: line, bold: header, break: i > 0 ? 1 : 0 }));
  return new TableCell({ children: [new Paragraph({ children: runs })] });
}

export async function tableDocx(table: ReportTable): Promise<Uint8Array> {
  const rows = [
    new TableRow({ tableHeader: true, children: table.header.map((text) => cell(text, true)) }),
    ...table.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
  ];
  const document = new Document({
    creator: "Concord",
    title: table.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(table.title)] }),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
          ...(table.note ? [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: table.note, italics: true })] })] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export async function tableXlsx(table: ReportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Concord";
  // A sheet's name may not hold []:*?/\ and is at most 31 characters.
  const sheet = workbook.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column) => {
    column.width = Math.min(60, Math.max(8, ...(column.values ?? []).map((v) => String(v ?? "").length + 2)));
    column.alignment = { wrapText: true, vertical: "top" };
  });
  if (table.note) {
    sheet.addRow([]);
    sheet.addRow([table.note]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
