import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { tableDocx, tableXlsx } from "./tableFiles";

const table = {
  title: "CASP qualitative studies checklist: scores per paper",
  header: ["Question", "1", "2"],
  rows: [
    ["3", "1", ".5"],
    ["Total", "7", "6.5"],
  ],
  note: "Points per answer: Yes 1, Can't tell .5, No 0.",
};

describe("report tables as files", () => {
  it("writes a Word document whose table reads back cell by cell", async () => {
    const bytes = await tableDocx(table);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain("<h2>CASP qualitative studies checklist: scores per paper</h2>");
    expect(html).toContain("<td><p>Total</p></td><td><p>7</p></td><td><p>6.5</p></td>");
    expect(html).toContain("Can't tell .5");
  });

  it("writes a spreadsheet with the cells kept as printed text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await tableXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("CASP qualitative studies checkl");
    expect(sheet.getRow(1).values).toEqual([undefined, "Question", "1", "2"]);
    expect(sheet.getRow(2).values).toEqual([undefined, "3", "1", ".5"]);
    expect(sheet.getRow(5).getCell(1).value).toBe(table.note);
  });
});
