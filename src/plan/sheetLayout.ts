/**
 * The sheet's layout, measured from its texts (plan/textWidth.ts) once every block is placed:
 *
 * - Each column is as wide as its longest label or value (a header may wrap onto two lines), so
 *   nothing is cut; titles, sections and notes with nothing to their right run on over the empty
 *   cells beside them, and a sentence longer than the sheet's width is wrapped over merged cells.
 * - The notes of the indicator and forecast tables wrap in the note column, which takes the width
 *   the page has left; their rows are made tall enough for their lines.
 * - A header above numbers sits at the right, over them.
 * - The sheet prints landscape at the largest scale (at least MIN_SCALE percent) at which its
 *   columns fit a page's width on A4 and on Letter paper, with a page break above a block that
 *   would otherwise be split between pages (the title rows stay with the block after them).
 */
import { ChartSpec, chartArea } from "./chartSpec";
import { COLUMN } from "./planBlock";
import {
  BlockRows,
  CellStyle,
  MergedCells,
  PlanCell,
  PrintLayout,
  eachShownValue,
} from "./planCells";
import { STYLE_LOOK } from "./sheetLook";
import {
  TextFont,
  columnUnits,
  columnPixels,
  shownText,
  textPixels,
  wrappedLines,
} from "./textWidth";

/** A page's printable width and height at 100%, in pixels: landscape, narrow side margins (0.25 in), top and bottom 0.75 in; the smaller of A4 and Letter each way. */
export const PAGE = { width: 10.5 * 96, height: (8.27 - 1.5) * 96 } as const;
/** The share of a page's height the breaks fill (header, footer and taller rows take the rest). */
export const PAGE_HEIGHT_USED = 0.9;
/** The smallest print scale, in percent: below it a page is not readable. */
export const MIN_SCALE = 60;
/** Column widths, in Excel's unit: no column narrower, none wider (a longer text is cut there). */
const WIDTH = { min: 6, max: 60, note: 36 } as const;
/** Points of a row at the default font, and of one line of a wrapped text. */
export const ROW_POINTS = 15;

/** One text on the sheet, where it is and how it shows. */
interface Shown {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly style: CellStyle | undefined;
  readonly font: TextFont;
  readonly number: boolean;
}

/** Styles whose text may run on over empty cells to its right. */
const RUN_ON: ReadonlySet<CellStyle | undefined> = new Set<CellStyle | undefined>([
  "title",
  "subtitle",
  "marker",
  "section",
  "note",
  "snapshot",
]);

export interface SheetLayout {
  readonly cells: readonly PlanCell[];
  readonly columnWidths: readonly number[];
  readonly rowHeights: readonly { readonly row: number; readonly points: number }[];
  readonly merges: readonly MergedCells[];
  readonly print: PrintLayout;
}

export const fontOf = (style: CellStyle | undefined): TextFont => {
  const font = style === undefined ? undefined : STYLE_LOOK[style].font;
  return { size: font?.size, bold: font?.bold };
};

const key = (row: number, column: number): number => row * 16384 + column;

/** Every text the cells show (a spill's values included), left of `lastColumn` + 1. */
function shownTexts(cells: readonly PlanCell[], lastColumn: number): Shown[] {
  const out: Shown[] = [];
  eachShownValue(cells, (c, row, column, value, format) => {
    if (column > lastColumn || value === undefined || value === null || value === "") return;
    out.push({
      row,
      column,
      text: shownText(value, format),
      style: c.style,
      font: fontOf(c.style),
      number: typeof value === "number",
    });
  });
  return out;
}

/** A text that may run on over the cells to its right, when they are empty. */
const runsOn = (t: Shown, occupied: ReadonlySet<number>): boolean =>
  RUN_ON.has(t.style) && !t.number && !occupied.has(key(t.row, t.column + 1));

/** The cells Excel counts as not empty (a text does not run on over them): values, formulas, spills. */
function occupiedCells(cells: readonly PlanCell[]): Set<number> {
  const occupied = new Set<number>();
  for (const c of cells) {
    if (c.formula === undefined && (c.value === undefined || c.value === null || c.value === ""))
      continue;
    for (let i = 0; i < (c.spill?.rows ?? 1); i++)
      for (let j = 0; j < (c.spill?.columns ?? 1); j++) occupied.add(key(c.row + i, c.column + j));
  }
  return occupied;
}

/** What a text asks of its column: nothing when it wraps or runs on over empty cells, else its width. */
function neededUnits(t: Shown, occupied: ReadonlySet<number>): number {
  if (t.style === "note" && t.column === COLUMN.note) return 0;
  if (runsOn(t, occupied)) return 0;
  if (t.style === "header") return headerUnits(t.text, t.font);
  return columnUnits(t.text, t.font);
}

/** The narrowest width at which a header takes at most two lines. */
function headerUnits(text: string, font: TextFont): number {
  const words = text.split(/\s+/).filter((w) => w !== "");
  let units = Math.max(...words.map((w) => columnUnits(w, font)));
  while (wrappedLines(text, units, font) > 2) units += 0.5;
  return units;
}

const half = (x: number): number => Math.ceil(x * 2) / 2;

/** Column widths from the texts, the charts' columns included, and the scale they print at. */
function columnWidths(
  texts: readonly Shown[],
  occupied: ReadonlySet<number>,
  lastColumn: number
): { widths: number[]; scale: number } {
  const widths = new Array<number>(lastColumn).fill(WIDTH.min);
  for (const t of texts) {
    const need = Math.min(WIDTH.max, neededUnits(t, occupied));
    if (need > widths[t.column - 1]) widths[t.column - 1] = need;
  }
  if (lastColumn >= COLUMN.note)
    widths[COLUMN.note - 1] = Math.max(widths[COLUMN.note - 1], WIDTH.note);
  const rounded = widths.map(half);
  const pixels = rounded.reduce((sum, w) => sum + columnPixels(w), 0);
  // LibreOffice draws columns a few percent wider than Excel's pixels: keep 5% of the page spare.
  const room = PAGE.width * 0.95;
  const scale = Math.max(MIN_SCALE, Math.min(100, Math.floor((100 * room) / pixels)));
  // The note column takes what the page has left at that scale.
  const spare = Math.floor(((room * 100) / scale - pixels) / 7);
  if (lastColumn >= COLUMN.note && spare > 0)
    rounded[COLUMN.note - 1] = Math.min(WIDTH.max + 20, rounded[COLUMN.note - 1] + spare);
  return { widths: rounded, scale };
}

/** The left edge of each column in pixels, and of the column after the last. */
const edges = (widths: readonly number[]): number[] =>
  widths.reduce((acc, w) => [...acc, acc[acc.length - 1] + columnPixels(w)], [0]);

/** Lines of a text at a font's size, in points. */
const linePoints = (font: TextFont): number => Math.max(ROW_POINTS, (font.size ?? 11) * 1.36);

interface Fitting {
  readonly heights: Map<number, number>;
  readonly merges: MergedCells[];
  readonly wrapped: Set<number>;
}

/** Wrapped notes and headers, and run-on texts too long for the cells beside them (merged and wrapped). */
function fitTexts(
  texts: readonly Shown[],
  occupied: ReadonlySet<number>,
  widths: readonly number[]
): Fitting {
  const fit: Fitting = { heights: new Map(), merges: [], wrapped: new Set() };
  const x = edges(widths);
  const tall = (row: number, lines: number, font: TextFont): void => {
    const points = Math.ceil(lines * linePoints(font));
    if (lines > 1 && points > (fit.heights.get(row) ?? 0)) fit.heights.set(row, points);
  };
  for (const t of texts) {
    const width = widths[t.column - 1];
    if (t.style === "header" || (t.style === "note" && t.column === COLUMN.note)) {
      const lines = wrappedLines(t.text, width, t.font);
      if (lines > 1) fit.wrapped.add(key(t.row, t.column));
      tall(t.row, lines, t.font);
      continue;
    }
    if (!runsOn(t, occupied)) continue;
    let end = t.column;
    while (end < widths.length && !occupied.has(key(t.row, end + 1))) end++;
    const room = x[end] - x[t.column - 1];
    if (textPixels(t.text, t.font) + 6 <= room) continue;
    fit.merges.push({ row: t.row, firstColumn: t.column, lastColumn: end });
    fit.wrapped.add(key(t.row, t.column));
    tall(t.row, wrappedLines(t.text, (room - 1) / 7, t.font), t.font);
  }
  return fit;
}

/** Headers above columns that hold more numbers than texts in their block go to the right. */
function rightAligned(texts: readonly Shown[], blocks: readonly BlockRows[]): Set<number> {
  const byKey = new Map<number, Shown>();
  for (const t of texts) byKey.set(key(t.row, t.column), t);
  const right = new Set<number>();
  for (const t of texts) {
    if (t.style !== "header") continue;
    const block = blocks.find((b) => t.row >= b.firstRow && t.row <= b.lastRow);
    let balance = 0;
    for (let r = t.row + 1; r <= (block?.lastRow ?? t.row); r++) {
      const below = byKey.get(key(r, t.column));
      if (below === undefined || below.style === "header") continue;
      balance += below.number ? 1 : -1;
    }
    if (balance > 0) right.add(key(t.row, t.column));
  }
  return right;
}

/**
 * Page breaks above the blocks that would otherwise be split, at the print scale; a block taller
 * than a page is broken between its table and its rows of charts (atChartBands), never across a
 * chart. A tenth of the page is kept spare: LibreOffice and Excel print the header and footer
 * inside it and draw rows a little taller than their points.
 */
export function pageBreaks(
  blocks: readonly BlockRows[],
  rowPoints: (row: number) => number,
  scale: number,
  charts: readonly ChartSpec[] = []
): number[] {
  const page = ((PAGE.height * 0.75 * PAGE_HEIGHT_USED) / scale) * 100;
  const breaks: number[] = [];
  let used = 0;
  const pointsOf = (b: BlockRows): number => {
    let points = 0;
    for (let r = b.firstRow; r <= b.lastRow; r++) points += rowPoints(r);
    return points;
  };
  blocks.forEach((b, i) => {
    const whole = pointsOf(b);
    const pieces = whole > page ? atChartBands([b], charts) : [b];
    pieces.forEach((piece, k) => {
      const points = pointsOf(piece);
      // The title rows stay with the block after them.
      const glued = i === 1 && k === 0;
      if (used > 0 && used + points > page && !glued) {
        breaks.push(piece.firstRow);
        used = 0;
      }
      used = (used + points) % page;
    });
  });
  return breaks;
}

/**
 * A block split where its charts' rows begin and end, so that a page break may fall between its
 * table and a row of charts, or between two rows of charts (a trend's five), never across a chart.
 */
export function atChartBands(
  blocks: readonly BlockRows[],
  charts: readonly ChartSpec[]
): BlockRows[] {
  return blocks.flatMap((b) => {
    const cuts = new Set<number>();
    for (const c of charts) {
      const { firstRow, lastRow } = chartArea(c);
      if (firstRow > b.firstRow && firstRow <= b.lastRow) cuts.add(firstRow);
      if (lastRow + 1 > b.firstRow && lastRow + 1 <= b.lastRow) cuts.add(lastRow + 1);
    }
    const starts = [b.firstRow, ...[...cuts].sort((x, y) => x - y)];
    return starts.map((firstRow, i) => ({
      firstRow,
      lastRow: i + 1 < starts.length ? starts[i + 1] - 1 : b.lastRow,
    }));
  });
}

/** The layout of the sheet's cells (helper columns from `helperColumn` on are left out). */
export function layOutSheet(
  cells: readonly PlanCell[],
  blocks: readonly BlockRows[],
  charts: readonly ChartSpec[],
  helperColumn: number
): SheetLayout {
  const inSheet = cells.filter((c) => c.column < helperColumn);
  let lastColumn = 1;
  for (const c of inSheet)
    lastColumn = Math.max(lastColumn, c.column + (c.spill?.columns ?? 1) - 1);
  for (const chart of charts) lastColumn = Math.max(lastColumn, chartArea(chart).lastColumn);
  const texts = shownTexts(inSheet, lastColumn);
  const occupied = occupiedCells(inSheet);
  const { widths, scale } = columnWidths(texts, occupied, lastColumn);
  const fit = fitTexts(texts, occupied, widths);
  const right = rightAligned(texts, blocks);
  const laidOut = cells.map((c): PlanCell => {
    const k = key(c.row, c.column);
    if (!fit.wrapped.has(k) && !right.has(k)) return c;
    return {
      ...c,
      ...(fit.wrapped.has(k) ? { wrap: true } : {}),
      ...(right.has(k) ? { align: "right" } : {}),
    };
  });
  const rowHeights = [...fit.heights]
    .sort(([a], [b]) => a - b)
    .map(([row, points]) => ({ row, points }));
  const rowPoints = (row: number): number => fit.heights.get(row) ?? ROW_POINTS;
  return {
    cells: laidOut,
    columnWidths: widths,
    rowHeights,
    merges: fit.merges,
    print: {
      scale,
      rowBreaks: pageBreaks(
        blocks.filter((b) => b.lastRow >= b.firstRow),
        rowPoints,
        scale,
        charts
      ),
    },
  };
}
