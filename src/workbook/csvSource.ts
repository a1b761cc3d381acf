/** A folder of CSV files, one table per file, named after the file. */
import { readdirSync, readFileSync } from "fs";
import { basename, extname, join } from "path";
import { DecimalMark } from "../core/numberText";
import { Result, ok, valueError } from "../core/result";
import { SourceTable } from "../engine/sourceTable";
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

/** An Excel table name from a file name: letters, digits and underscores, not starting with a digit. */
export function tableNameOf(file: string): string {
  const stem = basename(file, extname(file))
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const name = /^[A-Za-z_]/.test(stem) ? stem : `T_${stem}`;
  // A name that reads as a cell reference (A1, R1C1) or is one letter Excel reserves is not a table name.
  return /^[A-Za-z]{1,3}\d+$|^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name) ? `T_${name}` : name;
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

/** One CSV file as a table; a quote that never closes is refused naming the file and line. */
export function readCsvTable(
  file: string,
  name: string,
  bytes: Uint8Array,
  options: ReadingOptions
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
  const sheet =
    basename(file, extname(file))
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 31)
      .trim() || name;
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
export function tablesOfFolder(folder: string, options: ReadingOptions): Result<CsvTable[]> {
  const files = readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === ".csv")
    .sort();
  const names = new Set<string>();
  const tables: CsvTable[] = [];
  for (const file of files) {
    let name = tableNameOf(file);
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${tableNameOf(file)}_${k}`;
    names.add(name.toLowerCase());
    const read = readCsvTable(
      file,
      name,
      new Uint8Array(readFileSync(join(folder, file))),
      options
    );
    if (!read.ok) return read;
    tables.push(read.value);
  }
  return ok(tables);
}
