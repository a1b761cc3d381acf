import { columnLetter } from "../core/cellReferences";
import { DecimalMark } from "../core/numberText";
import { TextFound } from "./textColumns";
import { TextReading } from "./textReading";

/** How a CSV file was read: its encoding, separator, decimal mark and each column's text. */
export interface CsvFormat {
  readonly encoding: string;
  readonly separator: string;
  /** The decimal mark the file's number columns agree on (null when none tells). */
  readonly decimal: DecimalMark | null;
  /** How each column's text was read (null: kept as text). */
  readonly found: readonly (TextFound | null)[];
  /** Each column's first fields as written, for the data check's samples. */
  readonly head: readonly (readonly (string | null)[])[];
}

/** A table of the analyst's workbook, as read by any adapter (a file, CSV, Office.js). */
export interface SourceTable {
  /** The Excel table's name, or the sheet's (or CSV file's) name for a plain header row. */
  readonly name: string;
  readonly sheet: string;
  /** The CSV file it was read from, when it was (messages name the file instead of a sheet). */
  readonly file?: string;
  /** An Excel table (ListObject): formulas use structured references to it. */
  readonly isExcelTable: boolean;
  readonly headers: readonly string[];
  /** Cells column by column, header excluded: columns[j][i] is data row i of column j. */
  readonly columns: readonly (readonly unknown[])[];
  readonly rowCount: number;
  /** Worksheet row (1-based) of the header, and column (1-based) of the first column. */
  readonly headerRow: number;
  readonly firstColumn: number;
  /** On a hidden or veryHidden sheet: not guessed for a role, only chosen by name. */
  readonly hidden?: boolean;
  /** Read from a CSV file. */
  readonly csv?: CsvFormat;
  /**
   * A table or view of a database (its sheet: schema.name): messages name it so, its rows by
   * number in a table's order, and without one in a view (its rows have no order).
   */
  readonly database?: "table" | "view";
  /**
   * Set by the data check on the tables it read: how the live formulas must read each column's
   * text as the engine did (null where the cells are read as they are).
   */
  readonly readings?: readonly (TextReading | null)[];
}

/**
 * Where data row i of column j is, in a message: "cell C7 of sheet Sales (column Date of table
 * Sales)", or for a CSV file "row 7 of Sales.csv (column Date)", counting its header as row 1.
 */
export function cellPlace(table: SourceTable, j: number, i: number): string {
  const row = table.headerRow + 1 + i;
  if (table.file !== undefined) return `row ${row} of ${table.file} (column ${table.headers[j]})`;
  const what = table.isExcelTable
    ? `column ${table.headers[j]} of table ${table.name}`
    : `column ${table.headers[j]}`;
  return `cell ${columnLetter(table.firstColumn + j)}${row} of sheet ${table.sheet} (${what})`;
}
