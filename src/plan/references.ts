/**
 * How formulas name the analyst's data: structured references to Excel tables
 * (`Sales[Amount]`), else absolute ranges on the sheet (`'Sales 2025'!$C$2:$C$5001`), with
 * the quoting and escaping names need.
 */
import { SourceTable } from "../engine/sourceTable";
import { columnLetter } from "../core/cellReferences";

export { cellAddress, columnLetter } from "../core/cellReferences";

/** Characters that make a column name need the double-bracket form `Table[[Name]]`. */
const SPECIAL = /[ \t\n\r,:.[\]#'"{}$^&*+=\-<>/@!%()?;`~|\\]/;

/** `[`, `]`, `#` and `'` are escaped with a `'` inside a structured reference. */
export function escapeColumnName(name: string): string {
  return name.replace(/(['[\]#])/g, "'$1");
}

export function structuredReference(table: string, column: string): string {
  const escaped = escapeColumnName(column);
  return SPECIAL.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/** A sheet name as a formula writes it: quoted (apostrophes doubled) unless plainly a name. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

export const absolute = (row: number, column: number): string => `$${columnLetter(column)}$${row}`;

/** The formula text for column j of a source table. */
export function columnReference(table: SourceTable, j: number): string {
  if (table.isExcelTable) return structuredReference(table.name, table.headers[j]);
  const col = table.firstColumn + j;
  const first = table.headerRow + 1;
  const last = Math.max(first, table.headerRow + table.rowCount);
  return `${quoteSheetName(table.sheet)}!${absolute(first, col)}:${absolute(last, col)}`;
}
