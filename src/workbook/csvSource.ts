/** A folder of CSV files, one table per file, named after the file. */
import { readdirSync, readFileSync } from "fs";
import { basename, extname, join } from "path";
import { SourceTable } from "../engine/sourceTable";
import { excelSheetName, isValidTableName } from "../plan/references";
import { isoDateTimeToSerial } from "../xlsx/dates";
import { UnreadableFile } from "../xlsx/unreadable";
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

/** RFC 4180 fields; the delimiter is a comma, or a semicolon where the header has more of those. */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter =
    (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV field as a cell value: numbers (a decimal comma where the file uses semicolons), ISO dates as date serials, else text. */
function cellOf(field: string, decimalComma: boolean): { value: unknown; date: boolean } {
  const t = field.trim();
  if (t === "") return { value: null, date: false };
  const numeric = decimalComma ? t.replace(",", ".") : t;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(numeric))
    return { value: Number(numeric), date: false };
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.test(t)) {
    const serial = isoDateTimeToSerial(t);
    if (serial === serial) return { value: serial, date: true };
  }
  return { value: field, date: false };
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

export function tablesOfFolder(folder: string): CsvTable[] {
  const files = readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === ".csv")
    .sort();
  const names = new Set<string>();
  const sheets = new Set<string>();
  return files.map((file) => {
    // Only regular files are read: a FIFO named .csv would block forever, a device never end.
    const notFile = notRegularFile(join(folder, file));
    if (notFile !== null) throw new UnreadableFile(`${notFile}: remove it from the folder`);
    const text = readFileSync(join(folder, file), "utf8");
    const decimalComma = /;/.test(text.slice(0, text.indexOf("\n") >>> 0));
    const rows = parseCsv(text);
    while (rows.length > 1 && rows[rows.length - 1].every((f) => f.trim() === "")) rows.pop();
    const headers = uniqueHeaders(rows[0] ?? []);
    const data = rows.slice(1);
    const dateColumns = headers.map(() => false);
    const columns = headers.map((_, j) =>
      data.map((r) => {
        const cell = cellOf(r[j] ?? "", decimalComma);
        if (cell.date) dateColumns[j] = true;
        return cell.value;
      })
    );
    checkFieldLengths(rows, file);
    let name = tableNameOf(file);
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${tableNameOf(file)}_${k}`;
    names.add(name.toLowerCase());
    // Sheet names by Excel's rules, unique ignoring case ("Sales.csv" beside "sales.csv").
    const sheet = excelSheetName(basename(file, extname(file)), (n) => sheets.has(n.toLowerCase()));
    sheets.add(sheet.toLowerCase());
    return {
      table: {
        name,
        sheet,
        file,
        isExcelTable: true,
        headers,
        columns,
        rowCount: data.length,
        headerRow: 1,
        firstColumn: 1,
      },
      dateColumns,
    };
  });
}

/** A field longer than a cell may hold is refused, with its row and column. */
function checkFieldLengths(rows: readonly string[][], file: string): void {
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < rows[i].length; j++)
      if (rows[i][j].length > MAX_FIELD)
        throw new UnreadableFile(
          `${file}: row ${i + 1}, column ${j + 1} holds ${rows[i][j].length.toLocaleString("en")} characters, over Excel's limit of ${MAX_FIELD.toLocaleString("en")} for a cell; shorten it and run again`
        );
}
