/**
 * The analyst's tables in a workbook file: Excel tables first; a worksheet without tables is one
 * table under its first non-empty row (the header row). Describing reads the table parts and at
 * most the first rows of plain sheets; reading fills only the columns asked for, in one streaming
 * pass over each sheet. A sheet holding the marker (the product's, or a user's copy of it) is
 * not data; the sheet a rebuild replaces is the one the workbook's SPEC_Scorecard name points to.
 * Names that will reach formulas are checked against Excel's rules here, and arrays grow with
 * the rows read, never from a size the file declares.
 */
import { ErrorValue, FormulaWithoutValue } from "../core/cells";
import { SourceTable } from "../engine/sourceTable";
import { isValidSheetName, isValidTableName } from "../plan/references";
import {
  MARKER_AREA,
  MARKER_TEXT,
  SCORECARD_NAME,
  sheetOfScorecardName,
} from "../plan/scorecardPlan";
import { CellKind, CellSink } from "../xlsx/sheetScanner";
import { SharedStrings } from "../xlsx/sharedStrings";
import { PartDefect, UnreadableFile, shortText } from "../xlsx/unreadable";
import { WorksheetInfo, XlsxPackage } from "../xlsx/xlsxPackage";
import { decodeRange } from "../core/cellReferences";
import { HEADER_SEARCH_ROWS, headerRowOf } from "../engine/tableMapping";

/** The fewest bytes a row takes in a sheet part: `<row/>`. */
const MIN_ROW_BYTES = 6;

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16384;
/** Every column wanted (a sheet's first rows are read whole). */
const EVERY_COLUMN = new Uint8Array(MAX_COLUMNS + 1).fill(1);

/** A table found in a file, with where its cells are. */
export interface FileTable extends SourceTable {
  /** The worksheet it sits on. */
  readonly worksheet: WorksheetInfo;
  /** Worksheet rows of its data: from the header's next row to its last data row. */
  readonly lastRow: number;
}

/** Reports rows read of a table's total. */
export type ReadProgress = (table: string, done: number, total: number) => void;

/** What a plain sheet's first rows say: its header, and whether it is the sheet an earlier build made. */
interface SheetTop {
  readonly marked: boolean;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly headers: string[];
  readonly dimensionLastRow: number;
}

const UNCALCULATED = new FormulaWithoutValue();

/**
 * A scanned cell's value. A shared string the table does not hold is a PartDefect (the scanner
 * names the cell it was reading).
 */
function cellValue(kind: CellKind, number: number, text: string, strings: SharedStrings): unknown {
  switch (kind) {
    case CellKind.Number:
      return number;
    case CellKind.Text:
      return text;
    case CellKind.Boolean:
      return number === 1;
    case CellKind.Error:
      return new ErrorValue(text);
    case CellKind.Shared: {
      const value = strings.get(number);
      if (value === undefined)
        throw new PartDefect(
          `refers to shared string ${number}, but the workbook's table holds ${strings.count.toLocaleString("en")}`
        );
      return value;
    }
    case CellKind.Uncalculated:
      return UNCALCULATED;
  }
}

/**
 * What a plain sheet's first rows say: whether the marker is among its top-left cells (rows and
 * columns of MARKER_AREA), and its header row, searched in its first rows with values (title
 * rows above it allowed).
 */
async function readTop(
  pkg: XlsxPackage,
  sheet: WorksheetInfo,
  strings: SharedStrings
): Promise<SheetTop> {
  let marked = false;
  let currentRow = 0;
  const rows = new Map<number, Map<number, unknown>>();
  const sink: CellSink = {
    row(r) {
      if (rows.size >= HEADER_SEARCH_ROWS && r > MARKER_AREA.rows && !rows.has(r)) return false;
      currentRow = r;
      return true;
    },
    cell(column, kind, number, text) {
      const value = cellValue(kind, number, text, strings);
      if (currentRow <= MARKER_AREA.rows && column <= MARKER_AREA.columns && value === MARKER_TEXT)
        marked = true;
      if (value === null || (typeof value === "string" && value.trim() === "")) return;
      if (!rows.has(currentRow)) {
        if (rows.size >= HEADER_SEARCH_ROWS) return;
        rows.set(currentRow, new Map());
      }
      rows.get(currentRow)?.set(column, value);
    },
  };
  const dimension = await pkg.scan(sheet, sink, EVERY_COLUMN);
  const range = dimension === null ? null : decodeRange(dimension);
  // Without a <dimension> (Google Sheets), the rows are counted: choosing among tables needs them.
  const lastRow = range?.lastRow ?? (await lastRowWithValue(pkg, sheet, strings));
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const lastColumn = Math.max(0, ...[...rows.values()].flatMap((r) => [...r.keys()]));
  const grid = numbers.map((r) =>
    Array.from({ length: lastColumn }, (_, c) => rows.get(r)?.get(c + 1) ?? null)
  );
  const at = headerRowOf(grid);
  const header =
    at < 0 ? new Map<number, unknown>() : (rows.get(numbers[at]) as Map<number, unknown>);
  const firstColumn = header.size === 0 ? 0 : Math.min(...header.keys());
  const headers: string[] = [];
  for (let c = firstColumn; header.has(c); c++) headers.push(String(header.get(c)).trim());
  return {
    marked,
    headerRow: at < 0 ? 0 : numbers[at],
    firstColumn,
    headers,
    dimensionLastRow: lastRow,
  };
}

/** The last row holding a value, by a scan of the whole sheet. */
async function lastRowWithValue(
  pkg: XlsxPackage,
  sheet: WorksheetInfo,
  strings: SharedStrings
): Promise<number> {
  let current = 0;
  let last = 0;
  await pkg.scan(
    sheet,
    {
      row(r) {
        current = r;
        return true;
      },
      cell(_column, kind, number, text) {
        const value = cellValue(kind, number, text, strings);
        if (value !== null && !(typeof value === "string" && value.trim() === "")) last = current;
      },
    },
    EVERY_COLUMN
  );
  return last;
}

/** The workbook's tables, data not yet read (every column empty). */
export async function describeFileTables(pkg: XlsxPackage): Promise<FileTable[]> {
  const strings = await pkg.sharedStrings();
  const out: FileTable[] = [];
  const names = new Map<string, string>(); // lower-case name → the part that holds it
  for (const sheet of pkg.worksheets) {
    const tables = await pkg.tablesOf(sheet);
    if (tables.length > 0) {
      for (const t of tables) {
        const range = decodeRange(t.ref);
        if (range === null || t.columns.length === 0) continue;
        checkTableName(pkg, t.name, t.part, names, false);
        const headerRow = range.firstRow + t.headerRows - 1;
        const lastRow = range.lastRow - t.totalsRows;
        out.push({
          name: t.name,
          sheet: sheet.name,
          isExcelTable: true,
          headers: t.columns.slice(0, range.lastColumn - range.firstColumn + 1),
          columns: [],
          rowCount: Math.max(0, lastRow - headerRow),
          headerRow,
          firstColumn: range.firstColumn,
          worksheet: sheet,
          lastRow,
          hidden: sheet.state !== "visible",
        });
      }
      continue;
    }
    const top = await readTop(pkg, sheet, strings);
    if (top.marked || top.headers.length === 0) continue;
    checkTableName(pkg, sheet.name, `sheet '${shortText(sheet.name)}'`, names, true);
    const lastRow = Math.max(top.headerRow, top.dimensionLastRow);
    out.push({
      name: sheet.name,
      sheet: sheet.name,
      isExcelTable: false,
      headers: top.headers,
      columns: [],
      rowCount: lastRow - top.headerRow,
      headerRow: top.headerRow,
      firstColumn: top.firstColumn,
      worksheet: sheet,
      lastRow,
      hidden: sheet.state !== "visible",
    });
  }
  return out;
}

/**
 * A table's name (a sheet's, for a sheet read as a table) must be one Excel allows, since it goes
 * into formulas, and no other table's, ignoring case.
 */
function checkTableName(
  pkg: XlsxPackage,
  name: string,
  where: string,
  names: Map<string, string>,
  isSheet: boolean
): void {
  if (isSheet && !isValidSheetName(name))
    throw new UnreadableFile(
      `${pkg.label}: the sheet named '${shortText(name)}' has a name Excel does not allow (1 to 31 characters, none of : \\ / ? * [ ]); rename it in Excel and save the file again`
    );
  if (!isSheet && !isValidTableName(name))
    throw new UnreadableFile(
      `${pkg.label}: ${where} names a table '${shortText(name)}', a name Excel does not allow; rename it in Excel (Table Design > Table Name) and save the file again`
    );
  const key = name.toLowerCase();
  const other = names.get(key);
  if (other !== undefined)
    throw new UnreadableFile(
      `${pkg.label}: two tables are named '${shortText(name)}' (${other} and ${where}), and Excel's names are unique ignoring case; rename one in Excel and save the file again`
    );
  names.set(key, where);
}

/**
 * The sheet an earlier build made: the one the workbook-level SPEC_Scorecard name points to,
 * when it holds the marker too (a name put on a user's sheet never makes it replaceable). A
 * user's copy of the sheet carries the marker but not the name: it is never this sheet.
 */
export async function productSheet(pkg: XlsxPackage): Promise<WorksheetInfo | null> {
  let formula: string | undefined;
  for (const [name, f] of pkg.definedNames)
    if (name.toLowerCase() === SCORECARD_NAME.toLowerCase()) formula = f;
  const target = formula === undefined ? null : sheetOfScorecardName(formula);
  if (target === null) return null;
  const sheet = pkg.worksheets.find((w) => w.name.toLowerCase() === target.toLowerCase());
  if (sheet === undefined || (await pkg.tablesOf(sheet)).length > 0) return null;
  return (await readTop(pkg, sheet, await pkg.sharedStrings())).marked ? sheet : null;
}

/**
 * Reads the data of a table's columns (indexes into its headers) in one pass over its sheet. A
 * plain sheet's table ends at its last row with a value in those columns.
 */
export async function readFileTable(
  pkg: XlsxPackage,
  table: FileTable,
  columnIndexes: readonly number[],
  onProgress: ReadProgress
): Promise<FileTable> {
  const strings = await pkg.sharedStrings();
  const wanted = new Uint8Array(MAX_COLUMNS + 1);
  const slot = new Int32Array(MAX_COLUMNS + 1).fill(-1);
  for (const j of columnIndexes) {
    wanted[table.firstColumn + j] = 1;
    slot[table.firstColumn + j] = j;
  }
  const firstRow = table.headerRow + 1;
  // An Excel table's rows end at its range (its blank rows are rows of the table, reported by the
  // data check); a plain sheet's at its last row with a value in those columns. Columns grow with
  // the rows read, then are padded with blanks up to the range (inside Excel's grid).
  const bounded = table.isExcelTable;
  const expected = Math.max(0, table.lastRow - table.headerRow);
  // Sized for the rows the sheet's bytes can hold (a row takes 6 bytes at least), never more than
  // the table declares (inside Excel's grid): a file cannot make us allocate for rows it lacks.
  const room = Math.min(
    expected,
    Math.ceil(pkg.archive.uncompressedSize(table.worksheet.part) / MIN_ROW_BYTES)
  );
  const data: unknown[][] = table.headers.map((_, j) =>
    columnIndexes.includes(j) ? new Array<unknown>(room).fill(null) : []
  );
  let row = 0;
  let lastWithValue = table.headerRow;
  const step = Math.max(1000, Math.floor(expected / 100));
  onProgress(table.name, 0, expected);
  const sink: CellSink = {
    row(r) {
      if (bounded && r > table.lastRow) return false;
      row = r;
      if (r > firstRow && (r - firstRow) % step === 0)
        onProgress(table.name, r - firstRow, Math.max(expected, r - firstRow));
      return true;
    },
    cell(column, kind, number, text) {
      if (row < firstRow) return;
      const value = cellValue(kind, number, text, strings);
      const target = data[slot[column]];
      const i = row - firstRow;
      if (i < target.length) target[i] = value;
      else {
        while (target.length < i) target.push(null);
        target.push(value);
      }
      if (value !== null && !(typeof value === "string" && value.trim() === ""))
        lastWithValue = Math.max(lastWithValue, row);
    },
  };
  await pkg.scan(table.worksheet, sink, wanted);
  const lastRow = bounded ? table.lastRow : lastWithValue;
  const rowCount = Math.max(0, lastRow - table.headerRow);
  const columns = data.map((c, j) => {
    if (!columnIndexes.includes(j)) return [];
    if (c.length > rowCount) c.length = rowCount;
    while (c.length < rowCount) c.push(null);
    return c;
  });
  onProgress(table.name, rowCount, rowCount);
  return { ...table, columns, rowCount, lastRow };
}
