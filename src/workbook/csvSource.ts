/** A folder of CSV files, one table per file, named after the file. */
import { readdirSync, readFileSync } from "fs";
import { basename, extname, join } from "path";
import { SourceTable } from "../engine/sourceTable";

/** An Excel table name from a file name: letters, digits and underscores, not starting with a digit. */
export function tableNameOf(file: string): string {
  const stem = basename(file, extname(file))
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[A-Za-z_]/.test(stem) ? stem : `T_${stem}`;
}

/** RFC 4180 fields; the delimiter is a comma, or a semicolon where the header has more of those. */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ";" : ",";
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

/** A CSV field as a cell value: numbers (a decimal comma where the file uses semicolons), else text. */
function cellOf(field: string, decimalComma: boolean): unknown {
  const t = field.trim();
  if (t === "") return null;
  const numeric = decimalComma ? t.replace(",", ".") : t;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(numeric)) return Number(numeric);
  return field;
}

export function tablesOfFolder(folder: string): SourceTable[] {
  const files = readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === ".csv")
    .sort();
  return files.map((file) => {
    const text = readFileSync(join(folder, file), "utf8");
    const decimalComma = /;/.test(text.slice(0, text.indexOf("\n") >>> 0));
    const rows = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ""));
    const headers = (rows[0] ?? []).map((h) => h.trim());
    const data = rows.slice(1);
    const columns = headers.map((_, j) => data.map((r) => cellOf(r[j] ?? "", decimalComma)));
    const name = tableNameOf(file);
    return { name, sheet: name, isExcelTable: true, headers, columns, rowCount: data.length, headerRow: 1, firstColumn: 1 };
  });
}
