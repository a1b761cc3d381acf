/**
 * A worksheet part written as Excel writes one, as a stream of text chunks: column widths, the
 * sheet view (grid lines, frozen rows), cells with values, formulas and their cached results
 * (dynamic-array formulas with cm="…" and t="array"), conditional formats and table parts.
 */
import { ErrorValue } from "../core/cells";
import { cellAddress, columnLetter } from "../core/cellReferences";
import { escapeAttribute, escapeText } from "./xmlText";

export type CellResult = string | number | boolean | null | ErrorValue;

export interface CellOut {
  readonly row: number;
  readonly column: number;
  /** A constant; with a formula, absent. Text is written inline unless `sharedString` is given. */
  readonly value?: CellResult;
  /** Formula text as a file stores it (prefixes applied), without "=". */
  readonly formula?: string;
  /** What the formula evaluates to, cached so the file reads right before recalculation. */
  readonly result?: CellResult;
  /** The rows and columns a dynamic-array formula fills from its cell (itself included); 1 × 1 when absent. */
  readonly spill?: { readonly rows: number; readonly columns: number };
  /** A value a dynamic-array formula above spilled here: stored as a result, not a constant. */
  readonly spilled?: boolean;
  /** The cell format (cellXfs index). */
  readonly style?: number;
}

export interface ConditionalFormatOut {
  readonly range: string;
  readonly rules: readonly { readonly formula: string; readonly style: number }[];
}

export interface WorksheetOut {
  /** Cells in row order, then column order. */
  readonly cells: Iterable<CellOut>;
  /** Character widths of columns A, B, … */
  readonly columnWidths?: readonly number[];
  readonly showGridLines?: boolean;
  /** Rows kept in view while scrolling. */
  readonly frozenRows?: number;
  /** Printed landscape, one page wide (as many pages long as it takes). */
  readonly printOnePageWide?: boolean;
  readonly conditionalFormats?: readonly ConditionalFormatOut[];
  /** Relationship ids of the sheet's table parts. */
  readonly tableParts?: readonly string[];
  /** The used range, when known ("A1:H120"). */
  readonly dimension?: string;
  /** The cm value that marks a dynamic-array formula (the metadata part's record). */
  readonly dynamicArrayMetadata: number;
  /** Index of a text in the shared string table, when the workbook's table is being written too. */
  readonly sharedString?: (text: string) => number;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** Cells per chunk of text handed to the zip writer. */
const CELLS_PER_CHUNK = 20000;

export async function* worksheetXml(sheet: WorksheetOut): AsyncGenerator<string> {
  yield (
    HEAD +
    (sheet.printOnePageWide === true ? sheetPrXml() : "") +
    (sheet.dimension !== undefined ? dimensionXml(sheet.dimension) : "") +
    sheetViewsXml(sheet.showGridLines !== false, sheet.frozenRows ?? 0) +
    sheetFormatPrXml() +
    colsXml(sheet.columnWidths ?? []) +
    "<sheetData>"
  );

  let chunk = "";
  let inChunk = 0;
  let row = 0;
  for (const cell of sheet.cells) {
    if (cell.row !== row) {
      if (row !== 0) chunk += "</row>";
      row = cell.row;
      chunk += `<row r="${row}">`;
    }
    chunk += cellXml(cell, sheet);
    if (++inChunk === CELLS_PER_CHUNK) {
      yield chunk;
      chunk = "";
      inChunk = 0;
    }
  }
  if (row !== 0) chunk += "</row>";
  chunk += "</sheetData>";
  for (const cf of sheet.conditionalFormats ?? []) chunk += conditionalFormattingXml(cf);
  chunk += pageMarginsXml();
  if (sheet.printOnePageWide === true) chunk += pageSetupXml();
  chunk += tablePartsXml(sheet.tableParts ?? []);
  yield chunk + "</worksheet>";
}

/** Excel's grid and its limit on a cell's text. */
const GRID_ROWS = 1048576;
const GRID_COLUMNS = 16384;
const MAX_TEXT = 32767;

/** A cell or spill past Excel's grid is a bug of whoever placed it: Excel would reject the file. */
function checkInGrid(row: number, column: number): void {
  if (!(row >= 1 && row <= GRID_ROWS && column >= 1 && column <= GRID_COLUMNS))
    throw new Error(`a cell placed at row ${row}, column ${column}, outside Excel's grid`);
}

/** Text a cell holds: at most Excel's 32,767 characters (a longer label ends in "…"). */
function cellText(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** Printed to fit the page's width (with pageSetup's fitToWidth). */
export const sheetPrXml = (): string => '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';

/** The used range. */
export const dimensionXml = (ref: string): string => `<dimension ref="${ref}"/>`;

/** The sheet's one view: grid lines shown or not, the first rows frozen. */
export function sheetViewsXml(showGridLines: boolean, frozenRows: number): string {
  const view = showGridLines ? "" : ' showGridLines="0"';
  if (frozenRows <= 0) return `<sheetViews><sheetView${view} workbookViewId="0"/></sheetViews>`;
  const first = `A${frozenRows + 1}`;
  return (
    `<sheetViews><sheetView${view} workbookViewId="0">` +
    `<pane ySplit="${frozenRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/></sheetView></sheetViews>`
  );
}

export const sheetFormatPrXml = (): string => '<sheetFormatPr defaultRowHeight="15"/>';

/** Column widths from column A on, in characters; nothing when none are set. */
export function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return "";
  const cols = widths.map(
    // LibreOffice shows a column of width 0 unless it is also marked hidden.
    (w, j) =>
      `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"${w === 0 ? ' hidden="1"' : ""}/>`
  );
  return `<cols>${cols.join("")}</cols>`;
}

/** A range's rules, each a formula with its differential format, in priority order. */
export function conditionalFormattingXml(cf: ConditionalFormatOut): string {
  const rules = cf.rules.map(
    (rule, i) =>
      `<cfRule type="expression" dxfId="${rule.style}" priority="${i + 1}"><formula>${escapeText(rule.formula)}</formula></cfRule>`
  );
  return `<conditionalFormatting sqref="${cf.range}">${rules.join("")}</conditionalFormatting>`;
}

/** Excel's default margins. */
export const pageMarginsXml = (): string =>
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/** Landscape, one page wide, as many pages long as it takes. */
export const pageSetupXml = (): string =>
  '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

/** The sheet's table parts, by relationship id; nothing when it has none. */
export function tablePartsXml(ids: readonly string[]): string {
  if (ids.length === 0) return "";
  const parts = ids.map((id) => `<tablePart r:id="${escapeAttribute(id)}"/>`);
  return `<tableParts count="${ids.length}">${parts.join("")}</tableParts>`;
}

/** One cell: a constant (inline or shared text), or a dynamic-array formula with its cached result. */
export function cellXml(
  cell: CellOut,
  sheet: Pick<WorksheetOut, "dynamicArrayMetadata" | "sharedString">
): string {
  checkInGrid(cell.row, cell.column);
  if (cell.spill !== undefined)
    checkInGrid(cell.row + cell.spill.rows - 1, cell.column + cell.spill.columns - 1);
  const ref = cellAddress(cell.row, cell.column);
  const style = cell.style !== undefined && cell.style !== 0 ? ` s="${cell.style}"` : "";
  if (cell.formula !== undefined) {
    const rows = cell.spill?.rows ?? 1;
    const columns = cell.spill?.columns ?? 1;
    const range =
      rows > 1 || columns > 1
        ? `${ref}:${columnLetter(cell.column + columns - 1)}${cell.row + rows - 1}`
        : ref;
    const { type, value } = stored(cell.result ?? null, sheet, false);
    return `<c r="${ref}"${style}${type} cm="${sheet.dynamicArrayMetadata}"><f t="array" ref="${range}">${escapeText(cell.formula)}</f>${value}</c>`;
  }
  if (cell.value === undefined || cell.value === null || cell.value === "")
    return `<c r="${ref}"${style}/>`;
  const { type, value } = stored(cell.value, sheet, cell.spilled !== true);
  return `<c r="${ref}"${style}${type}>${value}</c>`;
}

/** The type attribute and value element of a value: numbers, text, booleans, errors. */
function stored(
  v: CellResult,
  sheet: Pick<WorksheetOut, "sharedString">,
  constant: boolean
): { type: string; value: string } {
  if (v === null) return { type: ' t="str"', value: "<v></v>" };
  if (typeof v === "number")
    return Number.isFinite(v)
      ? { type: "", value: `<v>${v}</v>` }
      : { type: ' t="e"', value: "<v>#NUM!</v>" };
  if (typeof v === "boolean") return { type: ' t="b"', value: `<v>${v ? 1 : 0}</v>` };
  if (v instanceof ErrorValue) return { type: ' t="e"', value: `<v>${escapeText(v.code)}</v>` };
  v = cellText(v);
  if (!constant) return { type: ' t="str"', value: `<v>${escapeText(v)}</v>` };
  if (sheet.sharedString !== undefined)
    return { type: ' t="s"', value: `<v>${sheet.sharedString(v)}</v>` };
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
  return { type: ' t="inlineStr"', value: `<is><t${space}>${escapeText(v)}</t></is>` };
}
