// Builds .docx files in memory for upload tests: the three parts Word needs and mammoth
// reads, around a document body given as WordprocessingML.
import { strToU8, zipSync } from "fflate";

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose body is `body` (WordprocessingML), optionally after a DOCTYPE. */
export function docxWithBody(body: string, doctype = ""): Uint8Array {
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${doctype}` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync(
    { "[Content_Types].xml": strToU8(CONTENT_TYPES), "_rels/.rels": strToU8(RELATIONSHIPS), "word/document.xml": strToU8(xml) },
    { level: 9 },
  );
}

/** A .docx of one paragraph per line of text. */
export function docxOfLines(lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return docxWithBody(lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join(""));
}

/** A .docx that is small on disk but inflates to `megabytes` of data: a zip bomb. */
export function zipBombDocx(megabytes: number): Uint8Array {
  const padding = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
  const files = { "[Content_Types].xml": strToU8(CONTENT_TYPES), "_rels/.rels": strToU8(RELATIONSHIPS), "word/media/padding.bin": padding };
  return zipSync(files, { level: 9 });
}
