/**
 * How formulas name the analyst's data: structured references to Excel tables
 * (`Sales[Amount]`), else absolute ranges on the sheet (`'Sales 2025'!$C$2:$C$5001`), with
 * the quoting and escaping names need; and Excel's rules for the names themselves, so that no
 * name read from a file can put anything but a reference into a formula.
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

/** Excel's last row and column: every reference written stays inside them. */
export const GRID = { rows: 1048576, columns: 16384 } as const;

/** True when a name reads as a cell reference, A1 or R1C1 style ("B12", "R2C3", "R", "c"), or a boolean. */
function looksLikeReference(name: string): boolean {
  if (/^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*|true|false)$/i.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
  if (a1 === null) return false;
  let column = 0;
  for (const ch of a1[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column <= GRID.columns && Number(a1[2]) <= GRID.rows;
}

/**
 * Excel's rules for a table's name (those of defined names): at most 255 characters; a letter,
 * an underscore or a backslash first; then letters, digits, underscores, periods, question marks
 * or backslashes; not a cell reference (A1 or R1C1), not R or C, not TRUE or FALSE. Nothing else can appear in a structured reference
 * unquoted, so a name that passes can only name a table.
 */
export function isValidTableName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.?\\]*$/u.test(name) &&
    !looksLikeReference(name)
  );
}

/** Characters Excel does not allow in a sheet's name. */
// eslint-disable-next-line no-control-regex -- control characters are among them
const NOT_IN_SHEET_NAME = /[:\\/?*[\]\u0000-\u001f\u007f]/g;

/**
 * Excel's rules for a sheet's name: 1 to 31 characters, none of : \ / ? * [ ] (nor a control
 * character), not starting or ending with an apostrophe, and not "History" (Excel keeps it for
 * change tracking).
 */
export function isValidSheetName(name: string): boolean {
  NOT_IN_SHEET_NAME.lastIndex = 0;
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !NOT_IN_SHEET_NAME.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** Text cut to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A sheet name Excel accepts, made from any text (a file's name, a label): characters it does not
 * allow become spaces, apostrophes at the ends go, at most 31 characters, "Sheet" when nothing is
 * left (and "History" becomes "History (2)"); then, beside a name `taken` says is used (compare
 * ignoring case, as Excel does), "Name (2)", "Name (3)"… within the 31.
 */
export function excelSheetName(wanted: string, taken: (name: string) => boolean): string {
  let base = wanted
    .replace(NOT_IN_SHEET_NAME, " ")
    .replace(/^['\s]+|['\s]+$/g, "")
    .replace(/\s+/g, " ");
  base = cut(base, 31).replace(/['\s]+$/, "") || "Sheet";
  let name = base;
  for (let i = 2; taken(name) || !isValidSheetName(name); i++) {
    const suffix = ` (${i})`;
    name = cut(base, 31 - suffix.length).replace(/['\s]+$/, "") + suffix;
  }
  return name;
}

export function structuredReference(table: string, column: string): string {
  if (!isValidTableName(table))
    throw new Error(`the table name ${JSON.stringify(table)} is not one Excel allows`);
  const escaped = escapeColumnName(column);
  return SPECIAL.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/** A sheet name as a formula writes it: quoted (apostrophes doubled) unless plainly a name. */
export function quoteSheetName(sheet: string): string {
  if (!isValidSheetName(sheet))
    throw new Error(`the sheet name ${JSON.stringify(sheet)} is not one Excel allows`);
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !looksLikeReference(sheet)
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
  if (col > GRID.columns || last > GRID.rows)
    throw new Error(`column ${j + 1} of ${table.name} reaches past Excel's grid`);
  return `${quoteSheetName(table.sheet)}!${absolute(first, col)}:${absolute(last, col)}`;
}
