/**
 * Sources past Excel's size (SPEC.md §4): a .parquet file, a folder of .parquet and .csv files (one
 * table per file, named after it), a single .csv, read by DuckDB embedded where they are; or a
 * PostgreSQL database (its search path's tables and views), whose SQL runs in the database. Which
 * engine runs a source: Parquet and databases their own; CSV in memory up to Excel's 1,048,576
 * rows, past it DuckDB; `--engine` forces one for files. A source that cannot be read is refused
 * here with one line naming the file, before any figure: a damaged Parquet file, a pipe or a
 * dangling link in the folder, two files that would be one table, a CSV quote that never closes.
 * Both engines' sessions read a time stamp with a time zone in UTC, whatever the machine's zone.
 */
import { closeSync, mkdtempSync, openSync, readSync, readdirSync, rmSync, statSync } from "fs";
import { createReadStream, createWriteStream } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";
import { Result, ok, valueError } from "../core/result";
import { Language } from "../engine/dataText";
import { HEADER_SEARCH_ROWS, headerRowOf } from "../engine/tableMapping";
import { folderEntryProblem, tableNameOf, uniqueHeaders } from "../workbook/csvSource";
import { kindOf } from "../workbook/regularFile";
import { CsvEncoding, decodeCsv, parseCsvRecords, windows1252 } from "../workbook/csvText";
import { openQuoteLine } from "./csvQuotes";
import { SqlDialect } from "./dialect";
import { DuckDbConnection, DuckDbSettings } from "./duckdbConnection";
import { PostgresConnection } from "./postgresConnection";
import { SqlColumns, SqlConnection, firstRow, numberOf } from "./sqlConnection";
import { SqlTable, SqlType, describedTable, duckdbType, postgresType } from "./sqlTables";
import { SQL_TEXT, SqlText } from "./sqlText";

/** Excel's last row: a table with more data rows than this does not fit a worksheet. */
export const EXCEL_ROWS = 1_048_576;

export type Engine = "memory" | "duckdb" | "postgres";

export interface SqlSource {
  readonly connection: SqlConnection;
  readonly tables: readonly SqlTable[];
  /**
   * After an engine error: the refusal of the file that caused it (a Parquet file damaged past
   * its footer, found by reading each to its end), or null when none did.
   */
  damaged(): Promise<string | null>;
  /**
   * Ends the session and removes its scratch files. `processEnds`: the process exits right after
   * (the command line), so an embedded engine's memory is left to the exit, where freeing its
   * tables one by one takes seconds at a hundred million rows.
   */
  close(processEnds?: boolean): Promise<void>;
}

export const isDatabaseUrl = (source: string): boolean => /^postgres(ql)?:\/\//i.test(source);

/**
 * A connection string as messages show it, without its password wherever it is written: between
 * the user's colon and the last @ (a password may hold : / ? or @; a name hidden with it is a
 * lesser harm), and as a password= parameter.
 */
export function addressOf(url: string): string {
  const scheme = url.indexOf("://") + 3;
  const at = url.lastIndexOf("@");
  const colon = url.indexOf(":", scheme);
  const shown = at > scheme && colon >= 0 && colon < at ? url.slice(0, colon) + url.slice(at) : url;
  return shown.replace(/([?&])password=[^&]*(&|$)/gi, "$1").replace(/[?&]$/, "");
}

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
  const parquet = folder
    ? filesOf(source, ".parquet").length > 0
    : extname(source).toLowerCase() === ".parquet";
  // A folder holding Parquet goes to DuckDB whatever else it holds: openFiles refuses what it cannot read.
  if (parquet) return asked === "memory" ? valueError(T.parquetEngine) : ok("duckdb");
  const csvs = folder
    ? filesOf(source, ".csv").map((f) => join(source, f))
    : extname(source).toLowerCase() === ".csv"
      ? [source]
      : [];
  if (csvs.some((f) => kindOf(f) !== "file")) return ok("memory");
  if (csvs.length === 0) return asked === "duckdb" ? valueError(T.workbookEngine) : ok("memory");
  if (asked !== null) return ok(asked);
  // Past Excel's size (a header line, then more rows than a sheet holds): DuckDB.
  return ok(csvs.some((f) => lineCount(f) > EXCEL_ROWS + 1) ? "duckdb" : "memory");
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** An error's message (not `instanceof Error`: an engine's errors may come from another realm). */
export function messageOf(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(e);
}

/** An engine's error as a message shows it: its first line, without the engine's class of error. */
export function engineReason(e: unknown): string {
  return messageOf(e)
    .split("\n")[0]
    .replace(/^[A-Za-z ]*Error: /, "")
    .trim();
}

/** A column as a table hands it over, and the type it is read as: some are cast first. */
interface SourceColumn {
  readonly name: string;
  readonly typeName: string;
  /** The SQL type it is cast to before it is read (a UUID to text), or null. */
  readonly cast: string | null;
  readonly type: SqlType;
}

/**
 * The FROM item of a table whose columns are read through casts: a temporary view (a view keeps
 * the table's own FROM item working with an alias, as every query uses it); the table's own
 * otherwise. `order`: the row order column the view keeps.
 */
async function castFrom(
  c: SqlConnection,
  view: string,
  from: string,
  columns: readonly SourceColumn[],
  order: string | null
): Promise<{ from: string; rowOrder: string | null }> {
  if (columns.every((col) => col.cast === null)) return { from, rowOrder: order };
  const d = c.dialect;
  const list = columns.map((col) =>
    col.cast === null
      ? d.ident(col.name)
      : `CAST(${d.ident(col.name)} AS ${col.cast}) AS ${d.ident(col.name)}`
  );
  const keep = order === null ? [] : [`${order} AS spec_row_order`];
  await c.run(
    `${d.name === "duckdb" ? "CREATE OR REPLACE TEMP VIEW" : "CREATE TEMP VIEW"} ${d.ident(view)} AS SELECT ${[...keep, ...list].join(", ")} FROM ${from}`
  );
  return { from: d.ident(view), rowOrder: order === null ? null : "spec_row_order" };
}

/** A DuckDB column: a UUID or an ENUM read as its text. */
function duckdbColumn(name: string, typeName: string): SourceColumn {
  const t = typeName.toUpperCase();
  const cast = t === "UUID" || t.startsWith("ENUM(") ? "VARCHAR" : null;
  return { name, typeName, cast, type: cast === null ? duckdbType(typeName) : "text" };
}

/** A Parquet file as a table: its columns' types from its schema, its rows in file order. */
async function parquetTable(
  c: SqlConnection,
  path: string,
  name: string,
  k: number,
  T: SqlText
): Promise<Result<SqlTable>> {
  const read = `read_parquet(${sqlText(path)}, file_row_number = true)`;
  let described: SqlColumns;
  let rows: number;
  try {
    described = await c.columns(`DESCRIBE SELECT * FROM ${read}`);
    rows = numberOf((await firstRow(c, `SELECT COUNT(*) AS n FROM ${read}`)).n) ?? 0;
  } catch (e) {
    const file = basename(path);
    if (/column named file_row_number/.test(messageOf(e)))
      return valueError(T.reservedColumn(file, "file_row_number"));
    return valueError(T.unreadableParquet(file, engineReason(e)));
  }
  const names = (described.column_name ?? []).map(String);
  const types = (described.column_type ?? []).map(String);
  const columns = names
    .map((n, j) => duckdbColumn(n, types[j]))
    .filter((col) => col.name !== "file_row_number");
  const { from, rowOrder } = await castFrom(
    c,
    `spec_parquet_${k}`,
    read,
    columns,
    "file_row_number"
  );
  return ok({
    source: describedTable({
      name,
      sheet: name,
      file: basename(path),
      headers: columns.map((col) => col.name),
      rowCount: rows,
      headerRow: 0,
    }),
    from,
    types: columns.map((col) => col.type),
    typeNames: columns.map((col) => col.typeName),
    rowOrder,
  });
}

/** The first megabyte of a file, cut after its last whole line (none: `whole` false, no line). */
function headOf(path: string): { bytes: Uint8Array; whole: boolean; lines: boolean } {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const whole = n < buffer.length;
    const end = whole ? n : buffer.lastIndexOf(10, n - 1) + 1;
    return { bytes: new Uint8Array(buffer.subarray(0, end > 0 ? end : n)), whole, lines: end > 0 };
  } finally {
    closeSync(fd);
  }
}

/** The length in bytes of a file's first line. */
function firstLineBytes(path: string): number {
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(1 << 20);
  try {
    for (let at = 0; ;) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      const lf = buffer.indexOf(10);
      if (n === 0 || (lf >= 0 && lf < n)) return at + (lf >= 0 && lf < n ? lf : 0);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** A copy of a file in UTF-8, for DuckDB, which reads UTF-8: decoded in chunks by the file's encoding. */
async function utf8Copy(path: string, encoding: CsvEncoding, dir: string): Promise<string> {
  const target = join(dir, `${basename(path)}.utf8.csv`);
  // Windows-1252 is decoded as such in every chunk: a chunk that happens to be valid UTF-8 (or
  // to start with bytes that look like a byte-order mark) is not read as another encoding.
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
          ? windows1252(new Uint8Array(bytes))
          : decoder.decode(bytes, { stream: true })
      );
    });
    input.on("error", reject);
    out.on("error", reject);
    input.on("end", () => out.end(decoder === null ? "" : decoder.decode(), () => resolve()));
  });
  return target;
}

/** DuckDB's refusal of a line longer than it reads: the line and its length, or null. */
function longLineOf(e: unknown): { line: number; bytes: number } | null {
  const message = messageOf(e);
  const size = /Maximum line size of \d+ bytes exceeded\. Actual Size:\s*(\d+)/.exec(message);
  const line = /CSV Error on Line: (\d+)/.exec(message);
  return size === null
    ? null
    : { line: line === null ? 0 : Number(line[1]), bytes: Number(size[1]) };
}

const isInvalidUnicode = (e: unknown): boolean => /Invalid unicode/i.test(messageOf(e));

/**
 * A CSV file as a table, its encoding, separator and header row found by the engine's own CSV
 * reading (workbook/csvText.ts) on its first lines; every field read as text, then by the mapped
 * columns' rules (sqlColumns.ts). Loaded into DuckDB in file order. A file that turns out not to
 * be UTF-8 past its first lines is read again as Windows-1252, as the engine reads the whole file.
 */
async function csvTable(
  c: SqlConnection,
  file: { path: string; name: string; k: number },
  scratch: string,
  T: SqlText,
  forced: "Windows-1252" | null = null
): Promise<Result<SqlTable>> {
  const { path, name, k } = file;
  const head = headOf(path);
  const decoded = decodeCsv(head.bytes);
  const encoding: CsvEncoding = forced ?? decoded.encoding;
  if (!head.lines) return valueError(T.longLine(basename(path), encoding, 1, firstLineBytes(path)));
  const text = forced === null ? decoded.text : windows1252(head.bytes);
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
  // Past the first megabyte, a quote left open would make DuckDB read the rest as one field.
  const open = head.whole ? null : openQuoteLine(utf8, records.separator);
  if (open !== null) return valueError(T.unclosedQuote(basename(path), encoding, open));
  const columns = `{${headers.map((h) => `${sqlText(h)}: 'VARCHAR'`).join(", ")}}`;
  const table = `spec_csv_${k}`;
  try {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${sqlText(utf8)}, delim = ${sqlText(records.separator)}, quote = '"', escape = '"', header = false, skip = ${skip}, auto_detect = false, columns = ${columns}, null_padding = true, strict_mode = false, parallel = false)`
    );
  } catch (e) {
    if (forced === null && isInvalidUnicode(e))
      return csvTable(c, file, scratch, T, "Windows-1252");
    const long = longLineOf(e);
    if (long === null) throw e;
    return valueError(T.longLine(basename(path), encoding, long.line, long.bytes));
  }
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
    typeNames: headers.map(() => "VARCHAR"),
    rowOrder: "rowid",
  });
}

/** DuckDB's memory limit: a run stays under 4 GiB whatever the file declares. */
export const DUCKDB_MEMORY_LIMIT = "3GB";

/** The files of a source, or why one of them cannot be read: not a regular file, or one table twice. */
function sourceFiles(source: string, language: Language): Result<string[]> {
  if (!statSync(source).isDirectory()) return ok([source]);
  const files = [...filesOf(source, ".parquet"), ...filesOf(source, ".csv")].sort();
  const byTable = new Map<string, string>();
  for (const f of files) {
    const why = folderEntryProblem(join(source, f), language);
    if (why !== null) return valueError(why);
    // sales.csv beside sales.parquet: two exports of one table, one of them perhaps stale.
    const name = tableNameOf(f).toLowerCase();
    const other = byTable.get(name);
    if (other !== undefined && extname(other).toLowerCase() !== extname(f).toLowerCase())
      return valueError(SQL_TEXT[language].sameTable(other, f, tableNameOf(f)));
    byTable.set(name, f);
  }
  return ok(files.map((f) => join(source, f)));
}

/** The first Parquet file that cannot be read to its end, refused; null when all can. */
async function firstDamaged(
  c: SqlConnection,
  files: readonly string[],
  T: SqlText
): Promise<string | null> {
  for (const path of files.filter((f) => extname(f).toLowerCase() === ".parquet")) {
    try {
      // Every column of every row decoded: a damaged page fails here.
      await c.run(`SELECT bit_xor(hash(t)) FROM read_parquet(${sqlText(path)}) t`);
    } catch (e) {
      return T.unreadableParquet(basename(path), engineReason(e));
    }
  }
  return null;
}

/** A .parquet or .csv file, or a folder of them, on DuckDB embedded. */
export async function openFiles(
  source: string,
  language: Language,
  settings: DuckDbSettings = {}
): Promise<Result<SqlSource>> {
  const T = SQL_TEXT[language];
  const files = sourceFiles(source, language);
  if (!files.ok) return files;
  const scratch = mkdtempSync(join(tmpdir(), "spec-scorecard-"));
  // Bounded memory whatever the file's size: past the limit DuckDB spills to the scratch folder.
  const connection = await DuckDbConnection.open({
    memoryLimit: DUCKDB_MEMORY_LIMIT,
    tempDirectory: join(scratch, "spill"),
    ...settings,
  });
  const close = async (processEnds = false): Promise<void> => {
    if (!processEnds) await connection.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const names = new Set<string>();
    const tables: SqlTable[] = [];
    for (const [k, path] of files.value.entries()) {
      let name = tableNameOf(basename(path));
      for (let n = 2; names.has(name.toLowerCase()); n++)
        name = `${tableNameOf(basename(path))}_${n}`;
      names.add(name.toLowerCase());
      const table =
        extname(path).toLowerCase() === ".parquet"
          ? await parquetTable(connection, path, name, k, T)
          : await csvTable(connection, { path, name, k }, scratch, T);
      if (!table.ok) {
        await close();
        return table;
      }
      tables.push(table.value);
    }
    const damaged = () => firstDamaged(connection, files.value, T);
    return ok({ connection, tables, damaged, close });
  } catch (e) {
    await close();
    throw e;
  }
}

/** A PostgreSQL column: money read as numeric; a UUID, citext or enum as its text. */
function postgresColumn(
  name: string,
  dataType: string,
  udt: string,
  isEnum: boolean
): SourceColumn {
  const typeName =
    dataType === "ARRAY"
      ? `${udt.replace(/^_/, "")}[]`
      : dataType === "USER-DEFINED"
        ? udt
        : dataType;
  const cast =
    dataType === "money"
      ? "NUMERIC"
      : dataType === "uuid" || udt === "citext" || isEnum
        ? "TEXT"
        : null;
  const type = cast === null ? postgresType(dataType) : cast === "TEXT" ? "text" : "number";
  return { name, typeName, cast, type };
}

interface DatabaseTable {
  readonly schema: string;
  readonly table: string;
  readonly kind: string;
  readonly place: number;
  readonly columns: SourceColumn[];
}

/** `schema.table` read every way its dots allow ("fin.ance.lines": fin + ance.lines, fin.ance + lines). */
function qualifiedPairs(qualified: readonly string[]): [string, string][] {
  return qualified.flatMap((q) => {
    const parts = q.split(".");
    return parts
      .slice(1)
      .map((_, i): [string, string] => [
        parts.slice(0, i + 1).join("."),
        parts.slice(i + 1).join("."),
      ]);
  });
}

/** The columns of the search path's tables and views, and of those named schema.table. */
async function databaseTables(
  c: SqlConnection,
  pairs: readonly [string, string][]
): Promise<DatabaseTable[]> {
  const d = c.dialect;
  const named = pairs
    .map(([s, t]) => ` OR (c.table_schema = ${d.text(s)} AND c.table_name = ${d.text(t)})`)
    .join("");
  const r = await c.columns(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS col, c.data_type AS type, c.udt_name AS udt, EXISTS (SELECT 1 FROM pg_type p WHERE p.typname = c.udt_name AND p.typtype = 'e') AS enum, t.table_type AS kind, COALESCE(array_position(current_schemas(false), c.table_schema::name), 1000) AS place FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = ANY (current_schemas(false))${named} ORDER BY place, c.table_schema, c.table_name, c.ordinal_position`
  );
  const tables = new Map<string, DatabaseTable>();
  (r.t ?? []).forEach((t, i) => {
    const [schema, table] = [String(r.s[i]), String(t)];
    const key = `${schema}\u0000${table}`;
    let entry = tables.get(key);
    if (entry === undefined) {
      const place = numberOf(r.place[i]) ?? 1000;
      entry = { schema, table, kind: String(r.kind[i]), place, columns: [] };
      tables.set(key, entry);
    }
    const isEnum = r.enum[i] === true || r.enum[i] === "t";
    entry.columns.push(
      postgresColumn(String(r.col[i]), String(r.type[i]), String(r.udt[i]), isEnum)
    );
  });
  return [...tables.values()];
}

/**
 * Each table named as the mapping sees it: by its name when its schema is the first of the search
 * path to hold that name (a later schema's is hidden), and as schema.table when so named.
 */
function tableNames(
  tables: readonly DatabaseTable[],
  pairs: readonly [string, string][]
): [string, DatabaseTable][] {
  const named: [string, DatabaseTable][] = [];
  const seen = new Set<string>();
  for (const e of tables) {
    if (e.place < 1000 && !seen.has(e.table)) {
      seen.add(e.table);
      named.push([e.table, e]);
    }
    if (pairs.some(([s, t]) => s === e.schema && t === e.table))
      named.push([`${e.schema}.${e.table}`, e]);
  }
  return named;
}

/** A database table or view as the scorecard reads it: its rows estimated, its order when it has one. */
async function databaseTable(
  c: SqlConnection,
  name: string,
  e: DatabaseTable,
  k: number
): Promise<SqlTable> {
  const d: SqlDialect = c.dialect;
  const table = `${d.ident(e.schema)}.${d.ident(e.table)}`;
  const estimate = await firstRow(
    c,
    `SELECT reltuples AS n FROM pg_class WHERE oid = ${d.text(table)}::regclass`
  );
  let rows = numberOf(estimate.n) ?? -1;
  if (rows < 0) rows = numberOf((await firstRow(c, `SELECT COUNT(*) AS n FROM ${table}`)).n) ?? 0;
  const base = e.kind === "BASE TABLE";
  const { from, rowOrder } = await castFrom(
    c,
    `spec_table_${k}`,
    table,
    e.columns,
    base ? "ctid" : null
  );
  return {
    source: {
      ...describedTable({
        name,
        sheet: `${e.schema}.${e.table}`,
        headers: e.columns.map((col) => col.name),
        rowCount: rows,
        headerRow: 0,
      }),
      database: base ? "table" : "view",
    },
    from,
    types: e.columns.map((col) => col.type),
    typeNames: e.columns.map((col) => col.typeName),
    rowOrder,
  };
}

/** Why a connection failed, as a message says it. */
function connectionRefusal(url: string, e: unknown, T: SqlText): string {
  const where = addressOf(url);
  const why = engineReason(e);
  // pg's words when the server asks for a password and none was given.
  if (/password must be a string/i.test(why)) return T.needsPassword(where);
  return T.cannotConnect(where, why);
}

/**
 * The tables and views a PostgreSQL search path shows (a name in an earlier schema hides the
 * same name in a later one), each named by its name; `qualified` adds tables named as
 * schema.table (`--table sales=schema.table`).
 */
export async function openDatabase(
  url: string,
  qualified: readonly string[],
  language: Language
): Promise<Result<SqlSource>> {
  const T = SQL_TEXT[language];
  let connection: PostgresConnection;
  try {
    connection = await PostgresConnection.open(url);
  } catch (e) {
    return valueError(connectionRefusal(url, e, T));
  }
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const pairs = qualifiedPairs(qualified.filter((q) => q.includes(".")));
    const named = tableNames(await databaseTables(connection, pairs), pairs);
    const tables: SqlTable[] = [];
    for (const [k, [name, e]] of named.entries())
      tables.push(await databaseTable(connection, name, e, k));
    const damaged = async (): Promise<string | null> => null;
    return ok({ connection, tables, damaged, close: () => connection.close() });
  } catch (e) {
    await connection.close();
    throw e;
  }
}
