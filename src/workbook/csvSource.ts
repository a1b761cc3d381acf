/** A folder of CSV files, one table per file, named after the file. */
import { readdirSync, readFileSync } from "fs";
import { basename, extname, join } from "path";
import { SourceTable } from "../engine/sourceTable";
import { isoDateTimeToSerial } from "../xlsx/dates";

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

export function tablesOfFolder(folder: string): CsvTable[] {
  const files = readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === ".csv")
    .sort();
  const names = new Set<string>();
  return files.map((file) => {
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
    let name = tableNameOf(file);
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${tableNameOf(file)}_${k}`;
    names.add(name.toLowerCase());
    const sheet =
      basename(file, extname(file))
        .replace(/[:\\/?*[\]]/g, " ")
        .slice(0, 31)
        .trim() || name;
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
