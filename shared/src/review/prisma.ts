// The PRISMA 2020 flow diagram, drawn from a review's counts as the 2020 template lays it
// out: phases down the left (Identification, Screening, Included), the main path through
// databases and registers in the first column with what left it at each step beside, and —
// when records came in by other means (grey literature, reference lists, hand additions) —
// the template's second path on the right, joining the main one at the included studies.
// Pure: counts in, an SVG document out. PNG is rendered from this SVG by the server.

export interface Count {
  label: string;
  n: number;
}

/** What the path through databases and registers counted at each step. */
export interface DatabasePath {
  /** Records identified, per source database (PRISMA asks for the count of each). */
  databases: Count[];
  registers: number;
  duplicatesRemoved: number;
  markedIneligibleByAutomation: number;
  removedForOtherReasons: number;
  screened: number;
  screenedExcluded: number;
  sought: number;
  notRetrieved: number;
  assessed: number;
  /** Reports excluded at full text, one line per reason. */
  excludedWithReasons: Count[];
}

/** The template's second path: records found other than by searching databases and registers. */
export interface OtherPath {
  /** Records identified, per kind of other source (websites, organisations, citation searching…). */
  identified: Count[];
  sought: number;
  notRetrieved: number;
  assessed: number;
  excludedWithReasons: Count[];
}

export interface PrismaCounts {
  main: DatabasePath;
  other: OtherPath | null;
  studiesIncluded: number;
  reportsIncluded: number;
}

// Geometry, in SVG user units (1 unit = 1 px at 100%).
const FONT_SIZE = 13;
const LINE = 17;
const PAD = 10;
const BOX_W = 250;
const GAP_X = 40;
const GAP_Y = 34;
const PHASE_W = 30;
const MARGIN = 16;
const HEADER_H = 40;
// Characters per line: the template's boxes hold short phrases, and an average glyph of a
// sans-serif face is at most about 0.6 em wide (DejaVu Sans, the face PNGs are drawn in), so this keeps every line inside its box.
const CHARS_PER_LINE = Math.floor((BOX_W - 2 * PAD) / (FONT_SIZE * 0.6));

const COLOURS = {
  box: "#ffffff",
  border: "#3c3c3c",
  header: "#f6d55c",
  phase: "#a8c8e8",
  text: "#111111",
};

type Line = { text: string; bold?: boolean; indent?: boolean };

interface Box {
  x: number;
  y: number;
  lines: Line[];
  h: number;
}

const n = (value: number) => `(n = ${value.toLocaleString("en-GB")})`;

/** Wraps one line of text at word boundaries to fit a box, never inside a count "(n = 12)". */
function wrap(line: Line): Line[] {
  const width = CHARS_PER_LINE - (line.indent ? 2 : 0);
  const out: Line[] = [];
  let current = "";
  for (const word of line.text.match(/\(n = [^)]*\)|\S+/g) ?? []) {
    if (current && current.length + 1 + word.length > width) {
      out.push({ ...line, text: current });
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push({ ...line, text: current });
  return out;
}

const counted = (items: Count[]): Line[] => items.map((item) => ({ text: `${item.label} ${n(item.n)}`, indent: true }));

function box(x: number, y: number, lines: Line[]): Box {
  const wrapped = lines.flatMap(wrap);
  return { x, y, lines: wrapped, h: wrapped.length * LINE + 2 * PAD };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function drawBox(b: Box): string {
  const texts = b.lines
    .map((line, i) => {
      const x = b.x + PAD + (line.indent ? 12 : 0);
      const y = b.y + PAD + (i + 1) * LINE - 4;
      return `<text x="${x}" y="${y}"${line.bold ? ' font-weight="bold"' : ""}>${escapeXml(line.text)}</text>`;
    })
    .join("");
  return `<rect x="${b.x}" y="${b.y}" width="${BOX_W}" height="${b.h}" fill="${COLOURS.box}" stroke="${COLOURS.border}"/>${texts}`;
}

/** An arrow from one point to another, with its head at the end. */
function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${COLOURS.border}" stroke-width="1.5" marker-end="url(#arrow)"/>`;
}

const down = (from: Box, to: Box) => arrow(from.x + BOX_W / 2, from.y + from.h, to.x + BOX_W / 2, to.y);
const right = (from: Box, to: Box, y: number) => arrow(from.x + BOX_W, y, to.x, y);

/** One row of the diagram: its boxes start at the same height, the next row below the tallest. */
function rowHeight(...boxes: (Box | null)[]): number {
  return Math.max(...boxes.map((b) => (b ? b.h : 0)));
}

function phaseBar(label: string, top: number, bottom: number): string {
  const cx = MARGIN + PHASE_W / 2;
  const cy = (top + bottom) / 2;
  return (
    `<rect x="${MARGIN}" y="${top}" width="${PHASE_W}" height="${bottom - top}" rx="6" fill="${COLOURS.phase}" stroke="${COLOURS.border}"/>` +
    `<text x="${cx}" y="${cy}" font-weight="bold" text-anchor="middle" dominant-baseline="middle" transform="rotate(-90 ${cx} ${cy})">${label}</text>`
  );
}

function header(x: number, width: number, label: string): string {
  return (
    `<rect x="${x}" y="${MARGIN}" width="${width}" height="${HEADER_H}" rx="6" fill="${COLOURS.header}" stroke="${COLOURS.border}"/>` +
    `<text x="${x + width / 2}" y="${MARGIN + HEADER_H / 2}" font-weight="bold" text-anchor="middle" dominant-baseline="middle">${escapeXml(label)}</text>`
  );
}

/** The diagram as a standalone SVG document. */
export function prismaSvg(counts: PrismaCounts): string {
  const { main, other } = counts;
  const colA = MARGIN + PHASE_W + GAP_X / 2;
  const colB = colA + BOX_W + GAP_X;
  const colC = colB + BOX_W + GAP_X * 1.5;
  const colD = colC + BOX_W + GAP_X;
  const width = (other ? colD : colB) + BOX_W + MARGIN;

  // Row 1: identification.
  let y = MARGIN + HEADER_H + GAP_Y / 1.5;
  const identified = box(colA, y, [
    { text: "Records identified from:", bold: true },
    ...counted(main.databases),
    ...(main.registers > 0 ? [{ text: `Registers ${n(main.registers)}`, indent: true }] : []),
  ]);
  const removed = box(colB, y, [
    { text: "Records removed before screening:", bold: true },
    { text: `Duplicate records removed ${n(main.duplicatesRemoved)}`, indent: true },
    { text: `Records marked as ineligible by automation tools ${n(main.markedIneligibleByAutomation)}`, indent: true },
    { text: `Records removed for other reasons ${n(main.removedForOtherReasons)}`, indent: true },
  ]);
  const otherIdentified = other
    ? box(colC, y, [{ text: "Records identified from:", bold: true }, ...counted(other.identified)])
    : null;
  const identificationBottom = y + rowHeight(identified, removed, otherIdentified);

  // Row 2: screening of records.
  y = identificationBottom + GAP_Y;
  const screeningTop = y;
  const screened = box(colA, y, [{ text: `Records screened ${n(main.screened)}` }]);
  const screenedExcluded = box(colB, y, [{ text: `Records excluded ${n(main.screenedExcluded)}` }]);
  y += rowHeight(screened, screenedExcluded) + GAP_Y;

  // Row 3: retrieval.
  const sought = box(colA, y, [{ text: `Reports sought for retrieval ${n(main.sought)}` }]);
  const notRetrieved = box(colB, y, [{ text: `Reports not retrieved ${n(main.notRetrieved)}` }]);
  const otherSought = other ? box(colC, y, [{ text: `Reports sought for retrieval ${n(other.sought)}` }]) : null;
  const otherNotRetrieved = other ? box(colD, y, [{ text: `Reports not retrieved ${n(other.notRetrieved)}` }]) : null;
  y += rowHeight(sought, notRetrieved, otherSought, otherNotRetrieved) + GAP_Y;

  // Row 4: eligibility.
  const reasons = (items: Count[]): Line[] => [{ text: "Reports excluded:", bold: true }, ...counted(items)];
  const assessed = box(colA, y, [{ text: `Reports assessed for eligibility ${n(main.assessed)}` }]);
  const excluded = box(colB, y, reasons(main.excludedWithReasons));
  const otherAssessed = other ? box(colC, y, [{ text: `Reports assessed for eligibility ${n(other.assessed)}` }]) : null;
  const otherExcluded = other ? box(colD, y, reasons(other.excludedWithReasons)) : null;
  const screeningBottom = y + rowHeight(assessed, excluded, otherAssessed, otherExcluded);

  // Row 5: included.
  y = screeningBottom + GAP_Y;
  const included = box(colA, y, [
    { text: `Studies included in review ${n(counts.studiesIncluded)}` },
    { text: `Reports of included studies ${n(counts.reportsIncluded)}` },
  ]);
  const height = y + included.h + MARGIN;

  const beside = (from: Box, to: Box) => right(from, to, from.y + Math.min(from.h, to.h) / 2);
  const parts = [
    header(colA, colB + BOX_W - colA, "Identification of studies via databases and registers"),
    other ? header(colC, colD + BOX_W - colC, "Identification of studies via other methods") : "",
    phaseBar("Identification", identified.y, identificationBottom),
    phaseBar("Screening", screeningTop, screeningBottom),
    phaseBar("Included", included.y, included.y + included.h),
    ...[identified, removed, screened, screenedExcluded, sought, notRetrieved, assessed, excluded, included].map(drawBox),
    down(identified, screened),
    down(screened, sought),
    down(sought, assessed),
    down(assessed, included),
    beside(identified, removed),
    beside(screened, screenedExcluded),
    beside(sought, notRetrieved),
    beside(assessed, excluded),
  ];
  if (other && otherIdentified && otherSought && otherNotRetrieved && otherAssessed && otherExcluded) {
    parts.push(
      ...[otherIdentified, otherSought, otherNotRetrieved, otherAssessed, otherExcluded].map(drawBox),
      down(otherIdentified, otherSought),
      down(otherSought, otherAssessed),
      beside(otherSought, otherNotRetrieved),
      beside(otherAssessed, otherExcluded),
      // The other path joins the main one at the included studies: down, then across.
      `<polyline points="${otherAssessed.x + BOX_W / 2},${otherAssessed.y + otherAssessed.h} ${otherAssessed.x + BOX_W / 2},${included.y + included.h / 2} ${included.x + BOX_W + 6},${included.y + included.h / 2}" fill="none" stroke="${COLOURS.border}" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="prisma-title">` +
    `<title id="prisma-title">PRISMA 2020 flow diagram: ${counts.studiesIncluded} studies included</title>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.border}"/></marker></defs>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<g font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="${FONT_SIZE}" fill="${COLOURS.text}">${parts.join("")}</g>` +
    `</svg>`
  );
}

/**
 * Where the counts do not add up as PRISMA expects (identified − removed = screened, and so
 * on). The diagram shows the counts as they are; these go beside it so the team can see why
 * a number looks wrong before a reviewer does.
 */
export function prismaInconsistencies(counts: PrismaCounts): string[] {
  const { main, other } = counts;
  const problems: string[] = [];
  const identified = main.databases.reduce((sum, c) => sum + c.n, 0) + main.registers;
  const removed = main.duplicatesRemoved + main.markedIneligibleByAutomation + main.removedForOtherReasons;
  const sum = (items: Count[]) => items.reduce((total, c) => total + c.n, 0);
  if (identified - removed !== main.screened)
    problems.push(`Records identified (${identified}) less those removed (${removed}) is ${identified - removed}, but ${main.screened} were screened.`);
  if (main.screened - main.screenedExcluded !== main.sought)
    problems.push(`Records screened (${main.screened}) less those excluded (${main.screenedExcluded}) is ${main.screened - main.screenedExcluded}, but ${main.sought} reports were sought.`);
  if (main.sought - main.notRetrieved !== main.assessed)
    problems.push(`Reports sought (${main.sought}) less those not retrieved (${main.notRetrieved}) is ${main.sought - main.notRetrieved}, but ${main.assessed} were assessed.`);
  const fromOther = other ? other.assessed - sum(other.excludedWithReasons) : 0;
  const kept = main.assessed - sum(main.excludedWithReasons) + fromOther;
  if (kept !== counts.reportsIncluded)
    problems.push(`Reports assessed less those excluded leaves ${kept}, but ${counts.reportsIncluded} reports are included.`);
  return problems;
}
