/**
 * Sources past Excel's size (SPEC.md §4): a .parquet file, a folder of .parquet and .csv files (one
 * table per file, named after it), a single .csv, read by DuckDB embedded where they are; or a
 * PostgreSQL database (its search path's tables and views), whose SQL runs in the database. Which
 * engine runs a source: Parquet and databases their own; CSV in memory up to Excel's 1,048,576
 * rows, past it DuckDB; `--engine` forces one for files.
 */
import { closeSync, mkdtempSync, openSync, readSync, readdirSync, rmSync, statSync } from "fs";
import { createReadStream, createWriteStream } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";
import { Result, ok, valueError } from "../core/result";
import { HEADER_SEARCH_ROWS, headerRowOf } from "../engine/tableMapping";
import { tableNameOf, uniqueHeaders } from "../workbook/csvSource";
import { kindOf } from "../workbook/regularFile";
import { CsvEncoding, decodeCsv, parseCsvRecords } from "../workbook/csvText";
import { DuckDbConnection, DuckDbSettings } from "./duckdbConnection";
import { PostgresConnection } from "./postgresConnection";
import { SqlConnection, firstRow, numberOf } from "./sqlConnection";
import { SqlTable, describedTable, duckdbType, postgresType } from "./sqlTables";
import { SqlText } from "./sqlText";

/** Excel's last row: a table with more data rows than this does not fit a worksheet. */
export const EXCEL_ROWS = 1_048_576;

export type Engine = "memory" | "duckdb" | "postgres";

export interface SqlSource {
  readonly connection: SqlConnection;
  readonly tables: readonly SqlTable[];
  close(): Promise<void>;
}

export const isDatabaseUrl = (source: string): boolean => /^postgres(ql)?:\/\//i.test(source);

/** Lines of a file (its newline bytes, plus a last line without one), counted in chunks. */
export function lineCount(path: string): number {
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  let last = 10;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      for (let i = buffer.indexOf(10, 0); i >= 0 && i < n; i = buffer.indexOf(10, i + 1)) lines++;
      last = buffer[n - 1];
    }
  } finally {
    closeSync(fd);
  }
  return last === 10 ? lines : lines + 1;
}

const filesOf = (folder: string, ending: string): string[] =>
  readdirSync(folder)
    .filter((f) => extname(f).toLowerCase() === ending)
    .sort();

/** Which engine runs a source; an error when --engine asks for one that cannot. */
export function engineFor(
  source: string,
  asked: "memory" | "duckdb" | null,
  T: SqlText
): Result<Engine> {
  if (isDatabaseUrl(source)) return asked === null ? ok("postgres") : valueError(T.databaseEngine);
  // A pipe, a device or a missing path is never opened here (opening a pipe blocks): the memory
  // path refuses it with its message, as it does any file in a folder that is not a regular one.
  const kind = kindOf(source);
  if (kind !== "file" && kind !== "folder") return ok("memory");
  const folder = kind === "folder";
  if (
    folder &&
    readdirSync(source).some(
      (f) => /\.(csv|parquet)$/i.test(f) && kindOf(join(source, f)) !== "file"
    )
  )
    return ok("memory");
  const parquet = folder
    ? filesOf(source, ".parquet").length > 0
    : extname(source).toLowerCase() === ".parquet";
  if (parquet) return asked === "memory" ? valueError(T.parquetEngine) : ok("duckdb");
  const csvs = folder
    ? filesOf(source, ".csv").map((f) => join(source, f))
    : extname(source).toLowerCase() === ".csv"
      ? [source]
      : [];
  if (csvs.length === 0) return asked === "duckdb" ? valueError(T.workbookEngine) : ok("memory");
  if (asked !== null) return ok(asked);
  // Past Excel's size (a header line, then more rows than a sheet holds): DuckDB.
  return ok(csvs.some((f) => lineCount(f) > EXCEL_ROWS + 1) ? "duckdb" : "memory");
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A Parquet file as a table: its columns' types from its schema, its rows in file order. */
async function parquetTable(c: SqlConnection, path: string, name: string): Promise<SqlTable> {
  const from = `read_parquet(${sqlText(path)}, file_row_number = true)`;
  const described = await c.columns(`DESCRIBE SELECT * FROM ${from}`);
  const names = (described.column_name ?? []).map(String);
  const types = (described.column_type ?? []).map(String);
  const keep = names.map((n, j) => j).filter((j) => names[j] !== "file_row_number");
  const rows = numberOf((await firstRow(c, `SELECT COUNT(*) AS n FROM ${from}`)).n) ?? 0;
  const file = basename(path);
  return {
    source: describedTable({
      name,
      sheet: name,
      file,
      headers: keep.map((j) => names[j]),
      rowCount: rows,
      headerRow: 0,
    }),
    from,
    types: keep.map((j) => duckdbType(types[j])),
    rowOrder: "file_row_number",
  };
}

/** The first megabyte of a file, cut after its last whole line. */
function headOf(path: string): { bytes: Uint8Array; whole: boolean } {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const whole = n < buffer.length;
    const end = whole ? n : buffer.lastIndexOf(10, n - 1) + 1;
    return { bytes: new Uint8Array(buffer.subarray(0, end > 0 ? end : n)), whole };
  } finally {
    closeSync(fd);
  }
}

/** A copy of a file in UTF-8, for DuckDB, which reads UTF-8: decoded in chunks by the file's encoding. */
async function utf8Copy(path: string, encoding: CsvEncoding, dir: string): Promise<string> {
  const target = join(dir, `${basename(path)}.utf8.csv`);
  const decoder =
    encoding === "Windows-1252"
      ? null
      : new TextDecoder(encoding === "UTF-16 BE" ? "utf-16be" : "utf-16le");
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(target);
    const input = createReadStream(path);
    input.on("data", (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      out.write(
        decoder === null
          ? decodeCsv(new Uint8Array(bytes)).text
          : decoder.decode(bytes, { stream: true })
      );
    });
    input.on("error", reject);
    input.on("end", () => out.end(decoder === null ? "" : decoder.decode(), () => resolve()));
  });
  return target;
}

/**
 * A CSV file as a table, its encoding, separator and header row found by the engine's own CSV
 * reading (workbook/csvText.ts) on its first lines; every field read as text, then by the mapped
 * columns' rules (sqlColumns.ts). Loaded into DuckDB in file order.
 */
async function csvTable(
  c: SqlConnection,
  file: { path: string; name: string; k: number },
  scratch: string,
  T: SqlText
): Promise<Result<SqlTable>> {
  const { path, name, k } = file;
  const head = headOf(path);
  const { text, encoding } = decodeCsv(head.bytes);
  const records = parseCsvRecords(text);
  if (!("rows" in records))
    return valueError(T.unclosedQuote(basename(path), encoding, records.line));
  const rows = records.rows;
  const headerAt = Math.max(0, headerRowOf(rows.slice(0, HEADER_SEARCH_ROWS)));
  const headers = uniqueHeaders(rows[headerAt] ?? []);
  const skip =
    headerAt + 1 < records.lines.length
      ? records.lines[headerAt + 1] - 1
      : (records.lines[headerAt] ?? 1);
  const utf8 = encoding.startsWith("UTF-8") ? path : await utf8Copy(path, encoding, scratch);
  const columns = `{${headers.map((h) => `${sqlText(h)}: 'VARCHAR'`).join(", ")}}`;
  const table = `spec_csv_${k}`;
  await c.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${sqlText(utf8)}, delim = ${sqlText(records.separator)}, quote = '"', escape = '"', header = false, skip = ${skip}, auto_detect = false, columns = ${columns}, null_padding = true, strict_mode = false, parallel = false)`
  );
  const count = numberOf((await firstRow(c, `SELECT COUNT(*) AS n FROM ${table}`)).n) ?? 0;
  const sheet = basename(path, extname(path)).slice(0, 31) || name;
  return ok({
    source: describedTable({
      name,
      sheet,
      file: basename(path),
      headers,
      rowCount: count,
      headerRow: records.lines[headerAt] ?? 1,
      csv: {
        encoding,
        separator: records.separator,
        decimal: null,
        found: headers.map(() => null),
        head: [],
      },
    }),
    from: table,
    types: headers.map(() => "text"),
    rowOrder: "rowid",
  });
}

/** DuckDB's memory limit: a run stays under 4 GiB whatever the file declares. */
export const DUCKDB_MEMORY_LIMIT = "3GB";

/** A .parquet or .csv file, or a folder of them, on DuckDB embedded. */
export async function openFiles(
  source: string,
  T: SqlText,
  settings: DuckDbSettings = {}
): Promise<Result<SqlSource>> {
  const folder = statSync(source).isDirectory();
  const files = folder
    ? [...filesOf(source, ".parquet"), ...filesOf(source, ".csv")]
        .sort()
        .map((f) => join(source, f))
    : [source];
  const scratch = mkdtempSync(join(tmpdir(), "spec-scorecard-"));
  // Bounded memory whatever the file's size: past the limit DuckDB spills to the scratch folder.
  const connection = await DuckDbConnection.open({
    memoryLimit: DUCKDB_MEMORY_LIMIT,
    tempDirectory: join(scratch, "spill"),
    ...settings,
  });
  const close = async (): Promise<void> => {
    await connection.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  const names = new Set<string>();
  const tables: SqlTable[] = [];
  for (const [k, path] of files.entries()) {
    let name = tableNameOf(basename(path));
    for (let n = 2; names.has(name.toLowerCase()); n++)
      name = `${tableNameOf(basename(path))}_${n}`;
    names.add(name.toLowerCase());
    if (extname(path).toLowerCase() === ".parquet")
      tables.push(await parquetTable(connection, path, name));
    else {
      const table = await csvTable(connection, { path, name, k }, scratch, T);
      if (!table.ok) {
        await close();
        return table;
      }
      tables.push(table.value);
    }
  }
  return ok({ connection, tables, close });
}

/**
 * The tables and views a PostgreSQL search path shows (a name in an earlier schema hides the
 * same name in a later one), each named by its name; `qualified` adds tables named as
 * schema.table (`--table sales=schema.table`).
 */
export async function openDatabase(
  url: string,
  qualified: readonly string[],
  T: SqlText
): Promise<Result<SqlSource>> {
  let connection: PostgresConnection;
  try {
    connection = await PostgresConnection.open(url);
  } catch (e) {
    // The address without its password.
    const where = url.replace(/:[^:@/]*@/, "@");
    return valueError(T.cannotConnect(where, e instanceof Error ? e.message : String(e)));
  }
  const d = connection.dialect;
  const wanted = qualified.filter((q) => q.includes(".")).map((q) => q.split("."));
  const r = await connection.columns(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS col, c.data_type AS type, t.table_type AS kind, COALESCE(array_position(current_schemas(false), c.table_schema::name), 1000) AS place FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = ANY (current_schemas(false))${wanted.map(([s, t]) => ` OR (c.table_schema = ${d.text(s)} AND c.table_name = ${d.text(t)})`).join("")} ORDER BY place, c.table_name, c.ordinal_position`
  );
  const byName = new Map<
    string,
    { schema: string; kind: string; headers: string[]; types: string[]; place: number }
  >();
  (r.t ?? []).forEach((t, i) => {
    const schema = String(r.s[i]);
    const place = numberOf(r.place[i]) ?? 1000;
    const name = place === 1000 ? `${schema}.${String(t)}` : String(t);
    let entry = byName.get(name);
    if (entry !== undefined && entry.schema !== schema) return; // hidden by an earlier schema
    if (entry === undefined) {
      entry = { schema, kind: String(r.kind[i]), headers: [], types: [], place };
      byName.set(name, entry);
    }
    entry.headers.push(String(r.col[i]));
    entry.types.push(String(r.type[i]));
  });
  const tables: SqlTable[] = [];
  for (const [name, e] of byName) {
    const from = `${d.ident(e.schema)}.${d.ident(name.includes(".") ? name.slice(name.indexOf(".") + 1) : name)}`;
    const estimate = await firstRow(
      connection,
      `SELECT reltuples AS n FROM pg_class WHERE oid = ${d.text(from)}::regclass`
    );
    let rows = numberOf(estimate.n) ?? -1;
    if (rows < 0)
      rows = numberOf((await firstRow(connection, `SELECT COUNT(*) AS n FROM ${from}`)).n) ?? 0;
    tables.push({
      source: describedTable({
        name,
        sheet: `${e.schema}.${name}`,
        headers: e.headers,
        rowCount: rows,
        headerRow: 0,
      }),
      from,
      types: e.types.map(postgresType),
      rowOrder: e.kind === "BASE TABLE" ? "ctid" : null,
    });
  }
  return ok({ connection, tables, close: () => connection.close() });
}
