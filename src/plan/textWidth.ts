/**
 * How wide a text shows in a cell, estimated from its characters, for column widths, wrapped rows
 * and the check that no label is cut.
 *
 * Each character counts by its class's advance width in Calibri, Excel's default font (and
 * Carlito's, the metric-compatible font LibreOffice draws Calibri with), in em: the widest of the
 * class, read from Carlito's regular hmtx table (bold is at most 5% wider), so a text is never
 * estimated narrower than it shows. Accented letters count as their base letter. Widths are in Excel's column unit:
 * the width of a digit of the 11-point default font (7 px at 100%), as a column's `width` is given.
 */
import { NumberFormatKind } from "./planCells";

/** A font's size and weight, as the sheet's looks set them. */
export interface TextFont {
  readonly size?: number;
  readonly bold?: boolean;
}

/** Character classes and their advance width in em (Calibri/Carlito, the widest of each class). */
const CLASSES: readonly (readonly [RegExp, number])[] = [
  [/[ ]/, 0.23],
  [/[ijl']/, 0.24],
  [/[.,:;I·]/, 0.27],
  [/[ftr()[\]{}\-J`!]/, 0.35],
  [/["/\\sczxkvy?|]/, 0.47],
  [/[0-9#$+<=>^_~*–≤✓]/, 0.51],
  [/[abdeghnopqu]/, 0.53],
  [/[ABCEFKLPRSTVXYZ]/, 0.58],
  [/[DGHNOQU]/, 0.68],
  [/[%&w…]/, 0.72],
  [/[m]/, 0.8],
  [/[MW@→—]/, 0.91],
];

/** A character of no class above: as wide as a wide capital. */
const OTHER_EM = 0.7;
/** One em of the 11-point font, in pixels at 100% (96 dpi). */
const EM_PX = (11 * 96) / 72;
/** A digit of the 11-point font in pixels, Excel's column unit. */
export const DIGIT_PX = 7;
/** What a cell keeps on each side of its text, in pixels. */
const CELL_PADDING_PX = 6;

const widths = new Map<string, number>();

function emOf(ch: string): number {
  let w = widths.get(ch);
  if (w !== undefined) return w;
  const base = ch.normalize("NFD").charAt(0);
  w = CLASSES.find(([re]) => re.test(base))?.[1] ?? OTHER_EM;
  widths.set(ch, w);
  return w;
}

/** The text's width in pixels at 100%. */
export function textPixels(text: string, font: TextFont = {}): number {
  let em = 0;
  for (const ch of text) em += emOf(ch);
  // Bold Carlito is at most 5% wider than regular in the classes above.
  return em * EM_PX * ((font.size ?? 11) / 11) * (font.bold === true ? 1.05 : 1);
}

/** The column width (Excel's unit) that shows the text whole, its padding included. */
export function columnUnits(text: string, font: TextFont = {}): number {
  return (textPixels(text, font) + CELL_PADDING_PX) / DIGIT_PX;
}

/** A column's width in pixels at 100%, from its width in Excel's unit. */
export const columnPixels = (units: number): number => Math.round(units * DIGIT_PX);

/** The lines a text wraps into in a column of `units`, words kept whole where they fit. */
export function wrappedLines(text: string, units: number, font: TextFont = {}): number {
  const room = columnPixels(units) - CELL_PADDING_PX;
  const space = textPixels(" ", font);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((x) => x !== "")) {
    const w = textPixels(word, font);
    if (used > 0 && used + space + w > room) {
      lines++;
      used = 0;
    }
    if (used > 0) used += space;
    // A word wider than the column breaks where it must.
    if (w > room) {
      lines += Math.ceil(w / room) - 1;
      used = w % room;
    } else used += w;
  }
  return lines;
}

const grouped = (x: number, decimals: number): string =>
  Math.abs(x)
    .toFixed(decimals)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",")
    .replace(/^/, x < 0 ? "-" : "");

/**
 * A value as its cell shows it in its number format: the widest of the ways the format may show
 * (dates as dd/mm/yyyy, Excel's short date in most locales). Separators count alike in English
 * and Spanish (1,234.56 and 1.234,56 are as wide).
 */
export function shownText(value: string | number | null, format?: NumberFormatKind): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  switch (format ?? "general") {
    case "money":
      return grouped(value, 2);
    case "count":
    case "index":
      return grouped(Math.round(value), 0);
    case "percent":
      return `${(value * 100).toFixed(1)}%`;
    case "score":
      return value.toFixed(1);
    case "mean":
      return grouped(value, 3);
    case "date":
      return "00/00/0000";
    case "general":
      return String(Number(value.toPrecision(11)));
  }
}
