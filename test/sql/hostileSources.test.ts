/**
 * Hostile SQL sources (issue 18; README, "Hostile files"): Parquet files, big CSVs and PostgreSQL
 * databases made to break the reader, generated here (DuckDB's COPY … TO, bytes written, tables
 * created in a throwaway PostgreSQL 15 cluster). Each is read right — the same figures as the
 * memory engine on the same data, written as CSV — or refused with one line, exit status 2, that
 * names the file or table, the column and the row, and says what to do; never a stack trace, a
 * silently wrong figure or a hang.
 *
 * Without PostgreSQL's binaries the PostgreSQL cases are skipped with a warning, except on CI
 * (CI=true), where that is a failure.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "fs";
import { truncateSync, writeFileSync } from "fs";
import { execFileSync } from "child_process";
import { Server, createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { PostgresServer, postgresAvailable, startPostgres } from "../../src/bench/postgresServer";
import { openQuoteLine } from "../../src/sql/csvQuotes";
import { DUCKDB, POSTGRES } from "../../src/sql/dialect";
import { DuckDbConnection } from "../../src/sql/duckdbConnection";
import { PostgresConnection } from "../../src/sql/postgresConnection";
import { addressOf } from "../../src/sql/sqlSources";
import { duckdbType } from "../../src/sql/sqlTables";
import { CliRun, runCli } from "../support/commandLine";
import { differences, figures } from "../support/jsonFigures";

const ON_CI = process.env.CI === "true";
const dir = mkdtempSync(join(tmpdir(), "spec-sqlhostile-"));
const at = (...parts: string[]): string => join(dir, ...parts);
let duck: DuckDbConnection;
let pg: PostgresServer | null = null;
let silent: Server;
let silentPort = 0;

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The plain sales table, row i: nine customers, dates from 2024-10-01 over 170 days, amounts in
 * cents, a return every 17th row.
 */
const BASE = `SELECT i, 'C' || (i % 9) AS Customer, DATE '2024-10-01' + CAST((i * 37) % 170 AS INTEGER) AS Date, CAST(((i * 7919) % 50000) / 100.0 - CASE WHEN i % 17 = 0 THEN 600 ELSE 0 END AS DOUBLE) AS Amount FROM range(120) t(i)`;

/** The base rows with some columns replaced (`Customer`, `Date`, `Amount` written over `b`). */
const rows = (columns: string): string => `SELECT ${columns} FROM (${BASE}) b ORDER BY b.i`;

const PLAIN = rows("Customer, Date, Amount");

async function parquet(name: string, select: string): Promise<string> {
  await duck.run(`COPY (${select}) TO ${literal(at(name))} (FORMAT parquet)`);
  return at(name);
}

async function csv(name: string, select: string): Promise<string> {
  await duck.run(`COPY (${select}) TO ${literal(at(name))} (FORMAT csv, HEADER)`);
  return at(name);
}

/** A Parquet file and the CSV of the same rows, `<name>.parquet` and `<name>.csv`. */
async function both(name: string, select: string): Promise<void> {
  await parquet(`${name}.parquet`, select);
  await csv(`${name}.csv`, select);
}

/** `--json` parsed, after checking it succeeded without a line but the data check and notes. */
async function jsonOf(args: readonly string[]): Promise<Record<string, unknown>> {
  const r = await runCli(...args, "--json", "--quiet");
  if (r.status !== 0) throw new Error(`${args.join(" ")}: exit ${r.status}: ${r.err.join("\n")}`);
  return JSON.parse(r.out) as Record<string, unknown>;
}

/** A run that must be refused: its one line, without the command's name. */
async function refusal(args: readonly string[]): Promise<{ run: CliRun; line: string }> {
  const run = await runCli(...args, "--json");
  return { run, line: (run.err[0] ?? "").replace(/^spec-scorecard: /, "") };
}

function expectRefused(r: { run: CliRun; line: string }, line: string | RegExp): void {
  expect(r.run.status).toBe(2);
  expect(r.run.err).toHaveLength(1);
  expect(r.run.out).toBe("");
  if (typeof line === "string") expect(r.line).toBe(line);
  else expect(r.line).toMatch(line);
}

/** Seconds a run takes. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = Date.now();
  const value = await run();
  return { value, seconds: (Date.now() - started) / 1000 };
}

/** Bytes of a file with `count` bytes XOR-ed at `offset`. */
function flipped(from: string, to: string, offset: number, count: number): void {
  const bytes = readFileSync(from);
  for (let k = 0; k < count; k++) bytes[offset + k] ^= 0x5a;
  writeFileSync(to, bytes);
}

async function writeFiles(): Promise<void> {
  await both("base", PLAIN);
  // Damaged Parquet: cut short, not Parquet at all, its footer cut, empty, a page damaged.
  const base = readFileSync(at("base.parquet"));
  writeFileSync(at("cut.parquet"), base.subarray(0, 300));
  writeFileSync(at("text.parquet"), "Customer,Date,Amount\nC1,2025-01-01,5\n");
  writeFileSync(
    at("footer.parquet"),
    Buffer.concat([base.subarray(0, base.length - 12), Buffer.from("PAR1")])
  );
  writeFileSync(at("empty.parquet"), "");
  await duck.run(
    `COPY (SELECT 'C' || (i % 700) AS Customer, DATE '2024-01-01' + CAST(i % 400 AS INTEGER) AS Date, i * 1.5 AS Amount FROM range(200000) t(i)) TO ${literal(at("pages.parquet"))} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 50000)`
  );
  flipped(at("pages.parquet"), at("page.parquet"), 30000, 64);
  await parquet("zero.parquet", `${PLAIN} LIMIT 0`);
  await parquet("row-number.parquet", rows("Customer, Date, Amount, i AS file_row_number"));
  // Amounts: Spanish decimals as text; NaN, infinities and minus zero as doubles.
  await both(
    "spanish",
    rows("Customer, Date, translate(format('{:,.2f}', Amount * 1000), ',.', '.,') AS Amount")
  );
  for (const [name, value] of [
    ["nan", "'NaN'"],
    ["infinity", "'Infinity'"],
    ["minus-infinity", "'-Infinity'"],
  ])
    await parquet(
      `${name}.parquet`,
      rows(
        `Customer, Date, CASE WHEN i = 5 THEN CAST(${value} AS DOUBLE) ELSE Amount END AS Amount`
      )
    );
  await both(
    "minus-zero",
    rows("Customer, Date, CASE WHEN i = 5 THEN CAST('-0.0' AS DOUBLE) ELSE Amount END AS Amount")
  );
  // Dates: the first and last years, Excel's phantom 1900 leap day, time zones, numbers, text.
  const dated = (day: string): string =>
    rows(`Customer, CASE WHEN i = 5 THEN ${day} ELSE Date END AS Date, Amount`);
  await parquet("year-1.parquet", dated("DATE '0001-01-01'"));
  await parquet("year-10000.parquet", dated("DATE '10000-01-01'"));
  await both("year-9999", dated("DATE '9999-12-31'"));
  await both(
    "jan-1900",
    `SELECT 'C' || (i % 3) AS Customer, DATE '1900-01-01' + CAST(i % 40 AS INTEGER) AS Date, CAST(i + 1 AS DOUBLE) AS Amount FROM range(40) t(i) ORDER BY i`
  );
  await duck.run("SET TimeZone = 'UTC'");
  await parquet(
    "zoned.parquet",
    rows(
      "Customer, CAST(CAST(Date AS TIMESTAMP) + INTERVAL 23 HOUR + INTERVAL 30 MINUTE AS TIMESTAMPTZ) AS Date, Amount"
    )
  );
  await both(
    "serials",
    rows("Customer, CAST(Date - DATE '1899-12-30' AS INTEGER) AS Date, Amount")
  );
  await both(
    "serials-with-time",
    rows("Customer, CAST(Date - DATE '1899-12-30' AS DOUBLE) + 0.75 AS Date, Amount")
  );
  await parquet(
    "yyyymmdd.parquet",
    rows("Customer, CAST(strftime(Date, '%Y%m%d') AS INTEGER) AS Date, Amount")
  );
  for (const [name, format] of [
    ["day-first", "%d/%m/%Y"],
    ["dots", "%d.%m.%Y"],
    ["iso-time", "%Y-%m-%d %H:%M:%S"],
    ["month-names", "%b %d, %Y"],
  ])
    await both(name, rows(`Customer, strftime(Date, '${format}') AS Date, Amount`));
  // Nested columns: beside the mapped ones (ignored), or mapped.
  await both(
    "nested-beside",
    rows("Customer, Date, Amount, {'a': 1, 'b': Customer} AS Info, [1, 2, 3] AS Tags")
  );
  await parquet("struct-customer.parquet", rows("{'id': Customer} AS Customer, Date, Amount"));
  await parquet("list-date.parquet", rows("Customer, [Date] AS Date, Amount"));
  await parquet("list-amount.parquet", rows("Customer, Date, [Amount] AS Amount"));
  await parquet("boolean-amount.parquet", rows("Customer, Date, Amount > 100 AS Amount"));
  await parquet(
    "uuid-customer.parquet",
    rows("CAST(md5(Customer) AS UUID) AS Customer, Date, Amount")
  );
  await csv(
    "uuid-customer.csv",
    rows("CAST(CAST(md5(Customer) AS UUID) AS VARCHAR) AS Customer, Date, Amount")
  );
  // Headers that quote, separate, are keywords, unicode, or try SQL injection.
  await both(
    "headers",
    rows(
      `Customer AS "Cliente ""VIP""; select", Date AS "from", Amount AS "x""; DROP TABLE spec_days;--", 1 AS "Fecha 日付 ✓", 2 AS "'); DROP TABLE x;--"`
    )
  );
  // File names with quotes, spaces, unicode.
  mkdirSync(at("names ' \" ñ 日本"));
  await parquet(join("names ' \" ñ 日本", 'it\'s "sales" ñ.parquet'), PLAIN);
  // Folders: two files of one table; a pipe; a link to itself; a folder named .parquet; a linked folder loop.
  for (const folder of ["two", "pipe", "loop", "named-folder", "folder-loop"])
    mkdirSync(at(folder));
  await parquet(join("two", "sales.parquet"), PLAIN);
  await csv(join("two", "sales.csv"), rows("Customer, Date, Amount * 2 AS Amount"));
  await parquet(join("pipe", "sales.parquet"), PLAIN);
  execFileSync("mkfifo", [at("pipe", "leads.parquet")]);
  await parquet(join("loop", "sales.parquet"), PLAIN);
  symlinkSync("self.parquet", at("loop", "self.parquet"));
  await parquet(join("named-folder", "sales.parquet"), PLAIN);
  mkdirSync(at("named-folder", "old.parquet"));
  await parquet(join("folder-loop", "sales.parquet"), PLAIN);
  symlinkSync("..", at("folder-loop", "up"));
  // Ids: numbers in one file and text in the other; ids differing by case and spaces.
  mkdirSync(at("ids-parquet"));
  mkdirSync(at("ids-csv"));
  const mixedIds = rows(
    "CASE i % 3 WHEN 0 THEN CAST(1000 + i % 7 AS VARCHAR) WHEN 1 THEN ' ' || CAST(1000 + i % 7 AS VARCHAR) || '  ' ELSE 'A' || (i % 4) END AS Customer, Date, Amount"
  );
  const customers = `SELECT 1000 + i AS "Customer ID", CASE WHEN i < 3 THEN 'North' ELSE 'South' END AS Segment FROM range(7) t(i) ORDER BY i`;
  await parquet(join("ids-parquet", "Sales.parquet"), mixedIds);
  await parquet(join("ids-parquet", "Customers.parquet"), customers);
  await csv(join("ids-csv", "Sales.csv"), mixedIds);
  await csv(join("ids-csv", "Customers.csv"), customers);
  await csv(
    "with-lines.csv",
    rows(
      `Customer, Date, Amount, CASE WHEN i % 2 = 0 THEN 'North' ELSE 'South' END AS "Product Line"`
    )
  );
  // Clean ids, each its own key, among rows without one: a total, a blank id, the id 0.
  await both(
    "ids-without-key",
    rows(
      "CASE i % 10 WHEN 3 THEN 'Total' WHEN 5 THEN NULL WHEN 7 THEN '0' ELSE Customer END AS Customer, Date, Amount"
    )
  );
  await both(
    "case-and-spaces",
    rows(
      "CASE i % 5 WHEN 0 THEN 'ACME Corp' WHEN 1 THEN ' acme corp ' WHEN 2 THEN 'Acme Corp' || chr(9) WHEN 3 THEN 'ACME CORP' ELSE Customer END AS Customer, Date, Amount"
    )
  );
  writeCsvFiles();
}

/** CSV files written byte by byte: a huge line, quotes left open, a NUL, bytes that are not UTF-8. */
function writeCsvFiles(): void {
  const base = readFileSync(at("base.csv"), "utf8");
  const [header, ...lines] = base.trim().split("\n");
  writeFileSync(
    at("huge-line.csv"),
    `${header}\n${lines[0]}\n"${"x".repeat(3 << 20)}",2025-01-02,6\n${lines.slice(1).join("\n")}\n`
  );
  writeFileSync(at("no-line-end.csv"), `${header}${"y".repeat(3 << 20)}`);
  writeFileSync(at("nul.csv"), `${base}C1,2025-01-05,5\u0000\n`);
  writeFileSync(
    at("stray-quote.csv"),
    `${base}C1 "x,2025-01-05,5\n"C2,2025-01-06,5\nC3,2025-01-07,5\n"C4",2025-01-08,5\n`
  );
  // Past the first megabyte (DuckDB reads what the engine sniffed on it): bytes no UTF-8.
  const padding = Array.from({ length: 60000 }, (_, i) => lines[i % lines.length]).join("\n");
  writeFileSync(
    at("latin-late.csv"),
    Buffer.concat([
      Buffer.from(`${header}\n${padding}\n`),
      Buffer.from([0x43, 0xf1, 0x31, 0x2c]), // "Cñ1," in Windows-1252
      Buffer.from("2025-01-05,5\n"),
    ])
  );
  // Past Excel's 1,048,576 rows, a quote opened on line 1,100,002 that never closes.
  const chunks: string[] = [`${header}\n`];
  for (let i = 0; i < 1_100_000; i += 10_000) {
    let s = "";
    for (let k = i; k < i + 10_000; k++)
      s += `C${k % 5000},2025-0${1 + (k % 9)}-1${k % 10},${k % 97}\n`;
    chunks.push(s);
  }
  chunks.push(`"C9,2025-01-01,5\n`);
  for (let k = 0; k < 1000; k++) chunks.push(`D${k},2025-02-01,3\n`);
  writeFileSync(at("unclosed-past-excel.csv"), chunks.join(""));
}

/** An hba file for the cluster: `analyst` must give a password; the tests' own user is trusted. */
function hbaFile(): string {
  const folder = mkdtempSync(join(tmpdir(), "spec-hba-"));
  chmodSync(folder, 0o755);
  const file = join(folder, "pg_hba.conf");
  writeFileSync(
    file,
    "local all all trust\nhost all analyst 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 trust\n"
  );
  chmodSync(file, 0o644);
  return file;
}

/** The database `hostile`: tables named, typed and filled to break the reader. */
async function loadDatabase(server: PostgresServer): Promise<void> {
  const admin = await PostgresConnection.open(server.url());
  try {
    for (const statement of [
      "CREATE DATABASE hostile",
      "CREATE ROLE analyst LOGIN PASSWORD 'right-pw'",
      "ALTER DATABASE hostile SET TimeZone = 'Asia/Tokyo'",
    ])
      await admin.run(statement);
  } finally {
    await admin.close();
  }
  const c = await PostgresConnection.open(server.url("hostile"));
  const copy = `(SELECT "Customer", "Date", "Amount" FROM base)`;
  try {
    await c.run(`CREATE TABLE base ("Customer" text, "Date" date, "Amount" double precision)`);
    const values = readFileSync(at("base.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [customer, date, amount] = line.split(",");
        return `(${literal(customer)}, DATE ${literal(date)}, ${amount})`;
      });
    await c.run(`INSERT INTO base VALUES ${values.join(", ")}`);
    await c.run(
      [
        `CREATE TABLE "Ventas 2025 ñ" AS ${copy}`,
        `CREATE TABLE "sales.2025" AS ${copy}`,
        `CREATE TABLE "x""; DROP TABLE base;--" AS ${copy}`,
        `CREATE SCHEMA "fin.ance"`,
        `CREATE TABLE "fin.ance".lines AS ${copy}`,
        `CREATE VIEW sales_view AS ${copy}`,
        `CREATE TABLE text_sales AS SELECT "Customer", CAST("Date" AS text) AS "Date", CAST("Amount" AS text) AS "Amount" FROM base`,
        `UPDATE text_sales SET "Amount" = 'abc' WHERE "Amount" = (SELECT "Amount" FROM text_sales LIMIT 1 OFFSET 5)`,
        `CREATE VIEW text_view AS SELECT * FROM text_sales`,
        `CREATE TABLE s_numeric AS SELECT "Customer", "Date", CAST("Amount" AS numeric(14,2)) AS "Amount" FROM base`,
        `CREATE TABLE s_money AS SELECT "Customer", "Date", CAST(CAST("Amount" AS numeric) AS money) AS "Amount" FROM base`,
        `CREATE TABLE s_interval AS SELECT "Customer", "Date", make_interval(secs => "Amount") AS "Amount" FROM base`,
        `CREATE TABLE s_json AS SELECT "Customer", "Date", to_json("Amount") AS "Amount" FROM base`,
        `CREATE TABLE s_jsonb_id AS SELECT to_jsonb("Customer") AS "Customer", "Date", "Amount" FROM base`,
        `CREATE TABLE s_uuid AS SELECT CAST(md5("Customer") AS uuid) AS "Customer", "Date", "Amount" FROM base`,
        `CREATE EXTENSION citext`,
        `CREATE TYPE product_line AS ENUM ('North', 'South')`,
        `CREATE TABLE s_citext_enum AS SELECT CAST("Customer" AS citext) AS "Customer", "Date", "Amount", CAST(CASE WHEN ROW_NUMBER() OVER () % 2 = 1 THEN 'North' ELSE 'South' END AS product_line) AS "Product Line" FROM base`,
        `CREATE TABLE s_nan AS SELECT "Customer", "Date", CASE WHEN ctid = '(0,6)' THEN 'NaN' ELSE "Amount" END AS "Amount" FROM base`,
        `CREATE TABLE s_numeric_nan AS SELECT "Customer", "Date", CASE WHEN ctid = '(0,6)' THEN 'NaN' ELSE CAST("Amount" AS numeric) END AS "Amount" FROM base`,
        `CREATE TABLE s_infinite_date AS SELECT "Customer", CASE WHEN ctid = '(0,6)' THEN 'infinity' ELSE "Date" END AS "Date", "Amount" FROM base`,
        `CREATE TABLE s_bc_date AS SELECT "Customer", CASE WHEN ctid = '(0,6)' THEN '0044-03-15 BC' ELSE "Date" END AS "Date", "Amount" FROM base`,
        `CREATE TABLE s_zoned AS SELECT "Customer", CAST("Date" AS timestamp) + interval '23 hours 30 minutes' AS "Date", "Amount" FROM base`,
        `ALTER TABLE s_zoned ALTER COLUMN "Date" TYPE timestamptz USING "Date" AT TIME ZONE 'UTC'`,
        `CREATE TABLE s_secret AS ${copy}`,
        `GRANT INSERT ON s_secret TO analyst`,
        `GRANT SELECT ON base TO analyst`,
        `CREATE VIEW s_slow AS SELECT b.* FROM base b, pg_sleep(0.5)`,
      ].join("; ")
    );
  } finally {
    await c.close();
  }
}

beforeAll(async () => {
  duck = await DuckDbConnection.open();
  await writeFiles();
  silent = createServer(() => undefined); // accepts, never answers
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
  if (postgresAvailable()) {
    pg = await startPostgres({ hba_file: hbaFile() });
    await loadDatabase(pg);
  } else if (ON_CI) throw new Error("PostgreSQL 15 is missing on CI: .ci/run installs postgresql");
  else console.warn("PostgreSQL 15 not found: the PostgreSQL cases are skipped (not on CI)");
}, 300000);

afterAll(async () => {
  await duck?.close();
  silent?.close();
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A source read right: the same figures as the memory engine reading `same` (the same rows as
 * CSV). `models`: a looser tolerance for the customer model's figures where the SQL engine's fit
 * on its summaries lands elsewhere on a flat likelihood (every other figure still exact: the rows
 * were read alike).
 */
type Read = { readonly same: () => string[]; readonly models?: number };
/** A source refused: the one line (after "spec-scorecard: ").  */
type Refused = string | RegExp;

interface Case {
  readonly args: () => string[];
  readonly expected: Read | Refused;
  /** Seconds the run may take at most. */
  readonly within?: number;
}

const plainCsv = (): string[] => [at("base.csv")];

const fileCases: Record<string, Case> = {
  "a Parquet file cut short": {
    args: () => [at("cut.parquet")],
    expected:
      /^cut\.parquet cannot be read as Parquet \(No magic bytes found at end of file '.*cut\.parquet'\): it is damaged, cut short or not a Parquet file; export it again$/,
  },
  "a text file named .parquet (wrong magic)": {
    args: () => [at("text.parquet")],
    expected:
      /^text\.parquet cannot be read as Parquet \(No magic bytes found at end of file '.*text\.parquet'\): it is damaged, cut short or not a Parquet file; export it again$/,
  },
  "a Parquet file whose footer is cut": {
    args: () => [at("footer.parquet")],
    expected:
      /^footer\.parquet cannot be read as Parquet \(.*\): it is damaged, cut short or not a Parquet file; export it again$/,
  },
  "an empty .parquet (0 bytes)": {
    args: () => [at("empty.parquet")],
    expected:
      /^empty\.parquet cannot be read as Parquet \(File '.*empty\.parquet' too small to be a Parquet file\): it is damaged, cut short or not a Parquet file; export it again$/,
  },
  "a Parquet file with a damaged page (found while reading it)": {
    args: () => [at("page.parquet")],
    expected:
      /^page\.parquet cannot be read as Parquet \(.*\): it is damaged, cut short or not a Parquet file; export it again$/,
  },
  "a Parquet file of 0 rows": {
    args: () => [at("zero.parquet")],
    expected:
      "the sales table (zero.parquet) has no rows with a customer: add sales rows with a customer, a date and an amount",
  },
  "a Parquet column named file_row_number (DuckDB's name for the rows' order)": {
    args: () => [at("row-number.parquet")],
    expected:
      "row-number.parquet has a column named file_row_number, the name DuckDB gives the rows' order: rename it and run again",
  },
  "amounts as text with Spanish decimals (1.234,56)": {
    args: () => [at("spanish.parquet")],
    expected: { same: () => [at("spanish.csv")] },
  },
  "a NaN amount": {
    args: () => [at("nan.parquet")],
    expected:
      "row 6 of nan.parquet, column Amount is NaN, which is not a number; correct it or clear it",
  },
  "an infinite amount": {
    args: () => [at("infinity.parquet")],
    expected:
      "row 6 of infinity.parquet, column Amount is Infinity, which is not a number; correct it or clear it",
  },
  "a minus-infinite amount, in Spanish": {
    args: () => [at("minus-infinity.parquet"), "--lang", "es"],
    expected:
      "la fila 6 de minus-infinity.parquet, columna Amount es -Infinity, que no es un número; corríjalo o vacíelo",
  },
  "a -0 amount": {
    args: () => [at("minus-zero.parquet")],
    expected: { same: () => [at("minus-zero.csv")] },
  },
  "a DATE in year 1": {
    args: () => [at("year-1.parquet")],
    expected:
      "row 6 of year-1.parquet, column Date is 0001-01-01, outside the days Excel holds (1900-01-01 to 9999-12-31); correct it",
  },
  "a DATE in year 10000": {
    args: () => [at("year-10000.parquet")],
    expected:
      "row 6 of year-10000.parquet, column Date is 10000-01-01, outside the days Excel holds (1900-01-01 to 9999-12-31); correct it",
  },
  "a DATE on 9999-12-31": {
    args: () => [at("year-9999.parquet")],
    expected: { same: () => [at("year-9999.csv")] },
  },
  "DATEs in January and February 1900 (Excel's phantom leap day)": {
    args: () => [at("jan-1900.parquet"), "--as-of", "1900-02-09", "--period", "month"],
    expected: { same: () => [at("jan-1900.csv"), "--as-of", "1900-02-09", "--period", "month"] },
  },
  "dates as TIMESTAMP WITH TIME ZONE at 23:30 UTC": {
    args: () => [at("zoned.parquet")],
    expected: { same: plainCsv },
  },
  "dates as whole day numbers (Excel serials)": {
    args: () => [at("serials.parquet")],
    expected: { same: plainCsv },
  },
  "dates as day numbers with a time of day": {
    args: () => [at("serials-with-time.parquet")],
    expected: { same: plainCsv },
  },
  "dates as numbers written yyyymmdd": {
    args: () => [at("yyyymmdd.parquet")],
    expected:
      "row 1 of yyyymmdd.parquet, column Date is the number 20241001, past the last day Excel counts (2958465, 9999-12-31): a date written as a number like 20250131 is not read; give the dates as dates",
  },
  "dates as text dd/mm/yyyy": {
    args: () => [at("day-first.parquet")],
    expected: { same: () => [at("day-first.csv")] },
  },
  "dates as text dd.mm.yyyy": {
    args: () => [at("dots.parquet")],
    expected: { same: () => [at("dots.csv")] },
  },
  "dates as text with a time of day": {
    args: () => [at("iso-time.parquet")],
    expected: { same: () => [at("iso-time.csv")] },
  },
  "dates as text with month names (its first row, as the memory engine says)": {
    args: () => [at("month-names.parquet")],
    expected:
      "row 1 of month-names.parquet, column Date is the text 'Oct 01, 2024', which is not a date (dates are read as yyyy-mm-dd, dd/mm/yyyy, d/m/yy or mm/dd/yyyy, with / - or . between the parts); correct it",
  },
  "struct and list columns beside the mapped ones": {
    args: () => [at("nested-beside.parquet")],
    expected: { same: plainCsv },
  },
  "a struct column as the customer": {
    args: () => [at("struct-customer.parquet")],
    expected:
      "column Customer of struct-customer.parquet holds STRUCT(id VARCHAR) values, which are not customer ids (text or numbers): convert it, or choose another column with --column sales.customer=<header>",
  },
  "a list column as the date": {
    args: () => [at("list-date.parquet")],
    expected:
      "column Date of list-date.parquet holds DATE[] values, which are not dates: convert it, or choose another column with --column sales.date=<header>",
  },
  "a list column as the amount, in Spanish": {
    args: () => [at("list-amount.parquet"), "--lang", "es"],
    expected:
      "la columna Amount de list-amount.parquet tiene valores DOUBLE[], que no son números: conviértala o elija otra columna con --column sales.amount=<encabezado>",
  },
  "a boolean column as the amount": {
    args: () => [at("boolean-amount.parquet")],
    expected:
      "column Amount of boolean-amount.parquet holds BOOLEAN values, which are not numbers: convert it, or choose another column with --column sales.amount=<header>",
  },
  "a UUID column as the customer": {
    args: () => [at("uuid-customer.parquet")],
    expected: { same: () => [at("uuid-customer.csv")] },
  },
  "headers with quotes, semicolons, keywords, unicode and SQL injection": {
    args: () => [
      at("headers.parquet"),
      "--table",
      "sales=headers",
      "--column",
      'sales.customer=Cliente "VIP"; select',
      "--column",
      "sales.date=from",
      "--column",
      'sales.amount=x"; DROP TABLE spec_days;--',
    ],
    expected: { same: plainCsv },
  },
  "the same headers from a CSV on DuckDB": {
    args: () => [
      at("headers.csv"),
      "--engine",
      "duckdb",
      "--table",
      "sales=headers",
      "--column",
      'sales.customer=Cliente "VIP"; select',
      "--column",
      "sales.date=from",
      "--column",
      'sales.amount=x"; DROP TABLE spec_days;--',
    ],
    expected: { same: plainCsv },
  },
  "a file name with quotes, spaces and unicode, in such a folder": {
    args: () => [at("names ' \" ñ 日本", 'it\'s "sales" ñ.parquet')],
    expected: { same: plainCsv },
  },
  "that folder": {
    args: () => [at("names ' \" ñ 日本")],
    expected: { same: plainCsv },
  },
  "a folder with sales.csv and sales.parquet": {
    args: () => [at("two")],
    expected:
      "sales.csv and sales.parquet would both be the table sales: keep one of them in the folder and run again",
  },
  "the same, in Spanish": {
    args: () => [at("two"), "--lang", "es"],
    expected:
      "sales.csv y sales.parquet serían ambos la tabla sales: deje solo uno de ellos en la carpeta y vuelva a ejecutar",
  },
  "a folder holding a FIFO named .parquet": {
    args: () => [at("pipe")],
    expected:
      /^.*pipe\/leads\.parquet is not a regular file \(a pipe, a device or a socket, which is never read\): remove it from the folder$/,
    within: 10,
  },
  "a folder holding a link to itself named .parquet": {
    args: () => [at("loop")],
    expected:
      /^.*loop\/self\.parquet does not exist \(or is a link to nothing\): remove it from the folder$/,
  },
  "a folder holding a folder named .parquet": {
    args: () => [at("named-folder")],
    expected: /^.*named-folder\/old\.parquet is a folder, not a file: remove it from the folder$/,
  },
  "a folder holding a link to its parent (a loop, not followed)": {
    args: () => [at("folder-loop")],
    expected: { same: plainCsv },
  },
  "a FIFO named .parquet as the source": {
    args: () => [at("pipe", "leads.parquet")],
    expected:
      /^.*leads\.parquet is not a regular file \(a pipe, a device or a socket, which is never read\): name an \.xlsx workbook, a \.csv or \.parquet file, a folder of them or a postgresql:\/\/ address$/,
    within: 10,
  },
  "a CSV line of 3 MiB (one quoted field)": {
    args: () => [at("huge-line.csv"), "--engine", "duckdb"],
    expected:
      "huge-line.csv (UTF-8): line 3 is 3,145,743 bytes long, more than the 2,000,000 a line may hold; shorten it or split it into rows and run again",
  },
  "a CSV of one 3 MiB line without a line end": {
    args: () => [at("no-line-end.csv"), "--engine", "duckdb"],
    expected:
      "no-line-end.csv (UTF-8): line 1 is 3,145,748 bytes long, more than the 2,000,000 a line may hold; shorten it or split it into rows and run again",
  },
  "a CSV quote never closed past 1,048,576 rows (DuckDB chosen by size)": {
    args: () => [at("unclosed-past-excel.csv")],
    expected:
      "unclosed-past-excel.csv (UTF-8): the quote on line 1100002 opens a field that never closes; close it or remove it and run again",
    within: 30,
  },
  "the same, --engine duckdb": {
    args: () => [at("unclosed-past-excel.csv"), "--engine", "duckdb"],
    expected:
      "unclosed-past-excel.csv (UTF-8): the quote on line 1100002 opens a field that never closes; close it or remove it and run again",
    within: 30,
  },
  "a stray quote swallowing lines": {
    args: () => [at("stray-quote.csv"), "--engine", "duckdb"],
    expected:
      "stray-quote.csv (UTF-8): the quote on line 123 opens a field that never closes; close it or remove it and run again",
  },
  "bytes that are not UTF-8 past the first megabyte (read as Windows-1252, as in memory)": {
    args: () => [at("latin-late.csv"), "--engine", "duckdb"],
    expected: { same: () => [at("latin-late.csv")], models: 1e-3 },
  },
  "ids that are numbers in one file and text in the other": {
    args: () => [at("ids-parquet")],
    expected: { same: () => [at("ids-csv")], models: 1e-3 },
  },
  "clean ids (keyed without the id map) among a total, blank ids and the id 0": {
    args: () => [at("ids-without-key.parquet")],
    expected: { same: () => [at("ids-without-key.csv")] },
  },
  "ids differing only by case and spaces": {
    args: () => [at("case-and-spaces.parquet")],
    expected: { same: () => [at("case-and-spaces.csv")] },
  },
};

/** The memory engine's figures, by its arguments (each computed once). */
const memory = new Map<string, Promise<Record<string, unknown>>>();
const memoryJson = (args: string[]): Promise<Record<string, unknown>> => {
  const key = args.join("\u0000");
  if (!memory.has(key)) memory.set(key, jsonOf(args));
  return memory.get(key) as Promise<Record<string, unknown>>;
};

async function check(c: Case): Promise<void> {
  const expected = c.expected;
  if (typeof expected === "string" || expected instanceof RegExp) {
    const { value, seconds } = await timed(() => refusal(c.args()));
    expectRefused(value, expected);
    expect(value.line).not.toMatch(/right-pw|wrong-pw|se:cret|password=|:secret@/);
    expect(seconds).toBeLessThan(c.within ?? 20);
    return;
  }
  const { value: got, seconds } = await timed(() => jsonOf(c.args()));
  const want = await memoryJson(expected.same());
  expect(differences(figures(want), figures(got), "", expected.models)).toEqual([]);
  expect(seconds).toBeLessThan(c.within ?? 20);
}

describe("hostile files on DuckDB", () => {
  test.each(Object.keys(fileCases))("%s", (name) => check(fileCases[name]), 60000);

  test("a NUL in a CSV field: the memory engine's refusal, word for word", async () => {
    const duckdb = await refusal([at("nul.csv"), "--engine", "duckdb"]);
    const memoryRun = await refusal([at("nul.csv"), "--engine", "memory"]);
    expectRefused(
      duckdb,
      /^row 122 of nul\.csv \(UTF-8, separator ,\), column Amount is the text '5.', which is not a number; correct it$/
    );
    expect(duckdb.line).toBe(memoryRun.line);
  });

  test("the cases that compare figures compare something: the base differs from the Spanish file", async () => {
    const spanish = await jsonOf([at("spanish.parquet")]);
    expect(differences(figures(await memoryJson(plainCsv())), figures(spanish))).not.toEqual([]);
  });
});

/** The address of the hostile database (user spec, trusted), with `extra` query parameters. */
const db = (extra = ""): string => (pg as PostgresServer).url("hostile") + extra;
/** The same server for another user: its host and port, `user:password@` given. */
const as = (userinfo: string, database = "hostile"): string =>
  db()
    .replace("spec@", userinfo)
    .replace(/\/hostile$/, `/${database}`);

const databaseCases: Record<string, Case> = {
  "a table whose name needs quoting (mixed case, spaces, unicode)": {
    args: () => [db(), "--table", "sales=Ventas 2025 ñ"],
    expected: { same: plainCsv },
  },
  "a table whose name holds a dot": {
    args: () => [db(), "--table", "sales=sales.2025"],
    expected: { same: plainCsv },
  },
  "a table whose name tries SQL injection": {
    args: () => [db(), "--table", 'sales=x"; DROP TABLE base;--'],
    expected: { same: plainCsv },
  },
  "a schema whose name holds a dot, named schema.table": {
    args: () => [db(), "--table", "sales=fin.ance.lines"],
    expected: { same: plainCsv },
  },
  "a view": {
    args: () => [db(), "--table", "sales=sales_view"],
    expected: { same: plainCsv },
  },
  "a text that is no number, in a table: its row": {
    args: () => [db(), "--table", "sales=text_sales"],
    expected:
      "row 120 of table public.text_sales, column Amount is the text 'abc', which is not a number; correct it",
  },
  "the same in a view: no row number (a view has no order)": {
    args: () => [db(), "--table", "sales=text_view"],
    expected:
      "a row of view public.text_view, column Amount is the text 'abc', which is not a number; correct it",
  },
  "the same in Spanish": {
    args: () => [db(), "--table", "sales=text_view", "--lang", "es"],
    expected:
      "una fila de la vista public.text_view, columna Amount es el texto 'abc', que no es un número; corríjalo",
  },
  "numeric amounts": {
    args: () => [db(), "--table", "sales=s_numeric"],
    expected: { same: plainCsv },
  },
  "money amounts": {
    args: () => [db(), "--table", "sales=s_money"],
    expected: { same: plainCsv },
  },
  "interval amounts": {
    args: () => [db(), "--table", "sales=s_interval"],
    expected:
      "column Amount of table public.s_interval holds interval values, which are not numbers: convert it, or choose another column with --column sales.amount=<header>",
  },
  "json amounts": {
    args: () => [db(), "--table", "sales=s_json"],
    expected:
      "column Amount of table public.s_json holds json values, which are not numbers: convert it, or choose another column with --column sales.amount=<header>",
  },
  "jsonb customers": {
    args: () => [db(), "--table", "sales=s_jsonb_id"],
    expected:
      "column Customer of table public.s_jsonb_id holds jsonb values, which are not customer ids (text or numbers): convert it, or choose another column with --column sales.customer=<header>",
  },
  "uuid customers": {
    args: () => [db(), "--table", "sales=s_uuid"],
    expected: { same: () => [at("uuid-customer.csv")] },
  },
  "citext customers and an enum product line": {
    args: () => [db(), "--table", "sales=s_citext_enum"],
    expected: { same: () => [at("with-lines.csv")] },
  },
  "a NaN double precision amount": {
    args: () => [db(), "--table", "sales=s_nan"],
    expected:
      "row 6 of table public.s_nan, column Amount is NaN, which is not a number; correct it or clear it",
  },
  "a NaN numeric amount": {
    args: () => [db(), "--table", "sales=s_numeric_nan"],
    expected:
      "row 6 of table public.s_numeric_nan, column Amount is NaN, which is not a number; correct it or clear it",
  },
  "an infinite date": {
    args: () => [db(), "--table", "sales=s_infinite_date"],
    expected:
      "row 6 of table public.s_infinite_date, column Date is infinity, outside the days Excel holds (1900-01-01 to 9999-12-31); correct it",
  },
  "a date before Christ": {
    args: () => [db(), "--table", "sales=s_bc_date"],
    expected:
      "row 6 of table public.s_bc_date, column Date is 0044-03-15 BC, outside the days Excel holds (1900-01-01 to 9999-12-31); correct it",
  },
  "timestamptz at 23:30 UTC in a database whose time zone is Tokyo's": {
    args: () => [db(), "--table", "sales=s_zoned"],
    expected: { same: plainCsv },
  },
  "a table the user may not read": {
    args: () => [as("analyst:right-pw@"), "--table", "sales=s_secret"],
    expected:
      "the database refused to read a table (permission denied for table s_secret): grant the user SELECT on it, or choose another with --table",
  },
  "a server that stops a long query (statement_timeout)": {
    args: () => [db("?options=-c%20statement_timeout%3D100"), "--table", "sales=s_slow"],
    expected:
      "the database broke off the run (canceling statement due to statement timeout): run again once the server is available (a statement_timeout set on the server may need raising)",
  },
  "a wrong password (not printed)": {
    args: () => [as("analyst:wrong-pw@")],
    expected:
      /^cannot connect to postgresql:\/\/analyst@127\.0\.0\.1:\d+\/hostile \(password authentication failed for user "analyst"\): check the address, the user and that the server runs$/,
    within: 5,
  },
  "a password with a colon (not printed, not even in part)": {
    args: () => [as("analyst:se:cret@")],
    expected:
      /^cannot connect to postgresql:\/\/analyst@127\.0\.0\.1:\d+\/hostile \(password authentication failed for user "analyst"\): check the address, the user and that the server runs$/,
    within: 5,
  },
  "a password given as a parameter (not printed)": {
    args: () => [as("analyst@") + "?password=secret&application_name=x"],
    expected:
      /^cannot connect to postgresql:\/\/analyst@127\.0\.0\.1:\d+\/hostile\?application_name=x \(password authentication failed for user "analyst"\): check the address, the user and that the server runs$/,
    within: 5,
  },
  "no password where the server asks for one": {
    args: () => [as("analyst@")],
    expected:
      /^postgresql:\/\/analyst@127\.0\.0\.1:\d+\/hostile asks for a password: give it in the address \(postgresql:\/\/user:password@host\/database\) or in PGPASSWORD$/,
    within: 5,
  },
  "a database that does not exist": {
    args: () => [as("spec@", "nope")],
    expected:
      /^cannot connect to postgresql:\/\/spec@127\.0\.0\.1:\d+\/nope \(database "nope" does not exist\): check the address, the user and that the server runs$/,
    within: 5,
  },
};

const connectionCases: Record<string, Case> = {
  "a port nothing listens on": {
    args: () => ["postgresql://spec:secret@127.0.0.1:1/sales"],
    expected:
      "cannot connect to postgresql://spec@127.0.0.1:1/sales (connect ECONNREFUSED 127.0.0.1:1): check the address, the user and that the server runs",
    within: 5,
  },
  "a server that accepts and never answers (connect_timeout=1)": {
    args: () => [`postgresql://spec:secret@127.0.0.1:${silentPort}/sales?connect_timeout=1`],
    expected:
      /^cannot connect to postgresql:\/\/spec@127\.0\.0\.1:\d+\/sales\?connect_timeout=1 \(timeout expired\): check the address, the user and that the server runs$/,
    within: 5,
  },
};

describe("hostile connections", () => {
  test.each(Object.keys(connectionCases))("%s", (name) => check(connectionCases[name]));
});

describe("hostile databases on PostgreSQL 15", () => {
  test.each(Object.keys(databaseCases))("%s", async (name) => {
    if (pg === null) {
      expect(ON_CI).toBe(false);
      return;
    }
    await check(databaseCases[name]);
  });
});

describe("the parts", () => {
  test("a connection string shown without its password, wherever it is", () => {
    expect(
      [
        "postgresql://spec:se:cret@db:5432/erp",
        "postgresql://spec:p@ss/w?rd@db/erp",
        "postgresql://spec@db/erp?password=secret&sslmode=disable",
        "postgresql://spec@db/erp?sslmode=disable&password=secret",
        "postgresql://db:5432/erp",
      ].map(addressOf)
    ).toEqual([
      "postgresql://spec@db:5432/erp",
      "postgresql://spec@db/erp",
      "postgresql://spec@db/erp?sslmode=disable",
      "postgresql://spec@db/erp?sslmode=disable",
      "postgresql://db:5432/erp",
    ]);
  });

  test("DuckDB's types read by whole name: a list of doubles is no number", () => {
    expect(
      [
        "DOUBLE",
        "DOUBLE[]",
        "DECIMAL(18,2)",
        "UBIGINT",
        "TIMESTAMP WITH TIME ZONE",
        "TIMESTAMP[]",
      ].map(duckdbType)
    ).toEqual(["number", "other", "number", "number", "date", "other"]);
  });

  test("a quote left open found on its line, through chunks, CRLF and a byte-order mark", () => {
    const file = at("quotes.csv");
    const cases: [string, number | null][] = [
      ['a,b\r\n1,"x\r\n2,3\r\n', 2],
      ['\uFEFF"a,b\n1,2\n', 1],
      ['a,b\n1,"x ""y"" z"\n2,3\n', null],
      ['a,b\n1 "x,2\n3,4\n', null], // a quote inside a field is a character
      ['a,b\n"1\n2",3\n', null], // a quoted field may span lines
      ['a,b\n"1\n2"x,3\n', 2], // …but text after it makes its quote a stray one
      [`a,b\n${"1,2\n".repeat(400000)}"3,4\n`, 400002],
    ];
    for (const [text, line] of cases) {
      writeFileSync(file, text);
      expect([text.slice(0, 20), openQuoteLine(file, ",")]).toEqual([text.slice(0, 20), line]);
    }
    truncateSync(file, 0);
    expect(openQuoteLine(file, ",")).toBeNull();
  });

  test("Excel's day numbers, on both engines, from 1900-01-01 (1) across the phantom leap day", async () => {
    const days = ["1900-01-01", "1900-02-28", "1900-03-01", "2025-03-20"];
    const want = [1, 59, 61, 45736];
    const query = (d: typeof DUCKDB): string =>
      `SELECT ${days.map((day, k) => `${d.daySerial(`DATE '${day}'`)} AS d${k}`).join(", ")}`;
    const fromDuck = await duck.columns(query(DUCKDB));
    expect(days.map((_, k) => Number(fromDuck[`d${k}`][0]))).toEqual(want);
    if (pg === null) return;
    const c = await PostgresConnection.open(pg.url());
    try {
      const fromPg = await c.columns(query(POSTGRES));
      expect(days.map((_, k) => Number(fromPg[`d${k}`][0]))).toEqual(want);
    } finally {
      await c.close();
    }
  });
});
