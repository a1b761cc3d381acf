/** A folder of CSV files, one table per file, named after the file. */
import { readdirSync, readFileSync } from "fs";
import { basename, extname, join } from "path";
import { DecimalMark } from "../core/numberText";
import { Result, ok, valueError } from "../core/result";
import { SourceTable } from "../engine/sourceTable";
import { excelSheetName, isValidTableName } from "../plan/references";
import { HEADER_SEARCH_ROWS, headerRowOf } from "../engine/tableMapping";
import {
  DecimalClues,
  ReadingOptions,
  TextFound,
  decimalClues,
  isClues,
  readDateColumn,
  readNumberColumn,
  tableDecimal,
} from "../engine/textColumns";
import { decodeCsv, parseCsvRecords } from "./csvText";
import { notRegularFile } from "./regularFile";

/**
 * An Excel table name from a file name: letters, digits and underscores, at most 255 characters;
 * "T_" first where the stem alone would not be a name Excel allows (a digit first, a cell
 * reference such as A1 or R1C1, R, C, TRUE).
 */
export function tableNameOf(file: string): string {
  const stem = basename(file, extname(file))
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 253);
  return isValidTableName(stem) ? stem : `T_${stem}`;
}

/** Headers an Excel table accepts: none blank, none twice (ignoring case). */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, j) => {
    const base = h.trim() === "" ? `Column${j + 1}` : h.trim();
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A CSV file read as a table: its cells, and which columns hold dates (to show them as dates). */
export interface CsvTable {
  readonly table: SourceTable;
  readonly dateColumns: readonly boolean[];
}

/** Excel's limit on a cell's text: a longer field is refused, naming it. */
const MAX_FIELD = 32767;

/** Fields of each column kept as written, for the data check's samples. */
const CSV_HEAD = 20;

/** A text with a leading zero (007): a code, not a quantity, so its column stays text. */
const LEADING_ZERO = /^[+-]?0\d+$/;

/**
 * Each column typed as Excel's own import would, by the rules every reading follows
 * (textColumns.ts): wholly dates, wholly numbers (the decimal mark from its values, else from
 * the file's other columns, else --decimal), or text. A column that cannot be typed stays text:
 * if the scorecard maps it, the data check names the cell or says how to settle it.
 */
function typedColumns(
  raw: readonly (readonly (string | null)[])[],
  options: ReadingOptions
): { columns: unknown[][]; found: (TextFound | null)[]; decimal: DecimalMark | null } {
  const clues = raw.map((values) => {
    if (values.some((v) => v !== null && LEADING_ZERO.test(v.trim()))) return null;
    const c = decimalClues(values);
    return isClues(c) ? c : null;
  });
  const decimal = tableDecimal(clues.filter((c): c is DecimalClues => c !== null));
  const found: (TextFound | null)[] = [];
  const columns = raw.map((values, j) => {
    found.push(null);
    if (values.every((v) => v === null)) return values.slice();
    const dates = readDateColumn(values, options);
    if (dates.ok) {
      found[j] = dates.found;
      return dates.values.slice();
    }
    const c = clues[j];
    if (c === null) return values.slice();
    const numbers = readNumberColumn(values, c, options, decimal);
    if (!numbers.ok) return values.slice();
    found[j] = numbers.found;
    return numbers.values.slice();
  });
  return { columns, found, decimal };
}

/** How to read one file; `sheet` the name its table's sheet takes (else one from the file's name). */
export interface CsvReading extends ReadingOptions {
  readonly sheet?: string;
}

/** One CSV file as a table; a quote that never closes is refused naming the file and line. */
export function readCsvTable(
  file: string,
  name: string,
  bytes: Uint8Array,
  options: CsvReading
): Result<CsvTable> {
  const language = options.language;
  const { text, encoding } = decodeCsv(bytes);
  const records = parseCsvRecords(text);
  if (!("rows" in records))
    return valueError(
      language === "es"
        ? `${file} (${encoding}): la comilla de la línea ${records.line} abre un campo que nunca se cierra; ciérrela o quítela y vuelva a ejecutar`
        : `${file} (${encoding}): the quote on line ${records.line} opens a field that never closes; close it or remove it and run again`
    );
  const rows = records.rows;
  const tooLong = longFieldAt(rows);
  if (tooLong !== null) {
    const [i, j] = tooLong;
    const length = rows[i][j].length.toLocaleString(language === "es" ? "es" : "en");
    const line = records.lines[i] ?? i + 1;
    return valueError(
      language === "es"
        ? `${file}: la línea ${line}, columna ${j + 1} tiene ${length} caracteres, más de los ${MAX_FIELD.toLocaleString("es")} que Excel admite en una celda; acórtela y vuelva a ejecutar`
        : `${file}: line ${line}, column ${j + 1} holds ${length} characters, over Excel's limit of ${MAX_FIELD.toLocaleString("en")} for a cell; shorten it and run again`
    );
  }
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f.trim() === "")) rows.pop();
  const headerAt = Math.max(0, headerRowOf(rows.slice(0, HEADER_SEARCH_ROWS)));
  const headers = uniqueHeaders(rows[headerAt] ?? []);
  const data = rows.slice(headerAt + 1);
  const raw = headers.map((_, j) =>
    data.map((r) => {
      const f = r[j] ?? "";
      return f.trim() === "" ? null : f;
    })
  );
  const typed = typedColumns(raw, options);
  const sheet = options.sheet ?? excelSheetName(basename(file, extname(file)), () => false);
  return ok({
    table: {
      name,
      sheet,
      file,
      isExcelTable: true,
      headers,
      columns: typed.columns,
      rowCount: data.length,
      headerRow: records.lines[headerAt] ?? 1,
      firstColumn: 1,
      csv: {
        encoding,
        separator: records.separator,
        decimal: typed.decimal,
        found: typed.found,
        head: raw.map((values) => values.slice(0, CSV_HEAD)),
      },
    },
    dateColumns: typed.found.map((f) => f?.kind === "date"),
  });
}

/** One .csv file as a table named after it. */
export function tableOfFile(path: string, options: ReadingOptions): Result<CsvTable> {
  const file = basename(path);
  return readCsvTable(file, tableNameOf(file), new Uint8Array(readFileSync(path)), options);
}

/** Every .csv file of a folder, in name order, each a table named after its file. */
/** Why a file of a folder cannot be read (null when it can): only regular files are read, as a FIFO would block forever and a device never end. */
export function folderEntryProblem(path: string, language: "en" | "es" = "en"): string | null {
  const notFile = notRegularFile(path, language);
  if (notFile === null) return null;
  return language === "es"
    ? `${notFile}: quítelo de la carpeta`
    : `${notFile}: remove it from the folder`;
}

export function tablesOfFolder(folder: string, options: ReadingOptions): Result<CsvTable[]> {
  const files = readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === ".csv")
    .sort();
  const names = new Set<string>();
  const tables: CsvTable[] = [];
  const sheets = new Set<string>();
  for (const file of files) {
    const notFile = folderEntryProblem(join(folder, file), options.language);
    if (notFile !== null) return valueError(notFile);
    let name = tableNameOf(file);
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${tableNameOf(file)}_${k}`;
    names.add(name.toLowerCase());
    const read = readCsvTable(
      file,
      name,
      new Uint8Array(readFileSync(join(folder, file))),
      // Sheet names by Excel's rules, unique ignoring case ("Sales.csv" beside "sales.csv").
      {
        ...options,
        sheet: excelSheetName(basename(file, extname(file)), (n) => sheets.has(n.toLowerCase())),
      }
    );
    if (!read.ok) return read;
    sheets.add(read.value.table.sheet.toLowerCase());
    tables.push(read.value);
  }
  return ok(tables);
}

/** The first field longer than a cell may hold: [record, column], or null. */
function longFieldAt(rows: readonly string[][]): [number, number] | null {
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < rows[i].length; j++) if (rows[i][j].length > MAX_FIELD) return [i, j];
  return null;
}
