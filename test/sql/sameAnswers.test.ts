/**
 * Same answers from every engine (issue 18, point 4): the sample workbook, the messy workbook
 * (stray spaces, ids as number and text, returns, blank rows) and CDNOW's 69,659 purchases, read
 * by the memory engine from a workbook, and by SQL from the same tables as Parquet and CSV on
 * DuckDB embedded and as tables in a real PostgreSQL 15 server (a throwaway cluster started here
 * and stopped at the end). Their `--json` must agree: counts exactly, money and ratios to 1e-9
 * relative, the customer model's figures to 1e-6, the data check's rows read and left out exactly.
 *
 * Without PostgreSQL's binaries the PostgreSQL cases are skipped with a warning, except on CI
 * (CI=true), where that is a failure: .ci/run installs Debian's postgresql.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { sampleTables } from "../../src/cli/sampleWorkbook";
import { isoDateToSerial } from "../../src/core/cells";
import { PostgresConnection } from "../../src/sql/postgresConnection";
import { NewTable, writeNewWorkbook } from "../../src/xlsx/newWorkbook";
import { MESSY_TABLES } from "../fixtures/messyWorkbook";
import { runCli } from "../support/commandLine";
import { differences, figures } from "../support/jsonFigures";
import { PostgresServer, postgresAvailable, startPostgres } from "../../src/bench/postgresServer";
import { loadPostgres, writeCsv, writeParquet } from "../support/sqlExports";

const ON_CI = process.env.CI === "true";
const dir = mkdtempSync(join(tmpdir(), "spec-same-"));
let pg: PostgresServer | null = null;

/** CDNOW's master file (id, date, CDs, dollars) as a Sales table. */
function cdnowTable(): NewTable {
  const file = join(__dirname, "..", "fixtures", "cdnow", "CDNOW_master.txt");
  const ids: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of readFileSync(file, "utf8").trim().split("\n")) {
    const f = line.trim().split(/\s+/);
    if (!/^\d{8}$/.test(f[1])) continue; // the header
    ids.push(f[0]);
    dates.push(isoDateToSerial(`${f[1].slice(0, 4)}-${f[1].slice(4, 6)}-${f[1].slice(6, 8)}`));
    amounts.push(Number(f[3]));
  }
  return {
    sheet: "Sales",
    name: "Sales",
    headers: ["Customer", "Date", "Amount"],
    columns: [ids, dates, amounts],
    rowCount: ids.length,
    formats: [undefined, "yyyy-mm-dd", "#,##0.00"],
  };
}

/**
 * Rows the engine leaves out before any it reads, so that samples must pass over them: total rows
 * ("Grand Total:", "Suma", "Total"), ids blank or 0 with an amount, blank rows (a blank id may be
 * spaces); a sale with no amount, whose amount is no sample.
 */
function leadingTables(): NewTable[] {
  const d = (iso: string): number => isoDateToSerial(iso);
  const sales = [
    ["Grand Total:", d("2025-01-31"), 355],
    ["", d("2025-01-02"), 99],
    [null, null, null],
    ["   ", null, null],
    [0, d("2025-01-03"), 5],
    ["A1", d("2025-01-05"), 100],
    [" a1 ", d("2025-01-06"), null],
    ["Suma", d("2025-01-31"), 300],
    ["B2", d("2025-02-01"), 200],
    ["C3", d("2025-02-10"), 50],
  ];
  const customers = [
    ["Total", null],
    [null, null],
    ["A1", "Retail"],
    ["B2", "Wholesale"],
    ["C3", " retail"],
  ];
  const columns = (rows: unknown[][]): unknown[][] => rows[0].map((_, j) => rows.map((r) => r[j]));
  return [
    {
      sheet: "Sales",
      name: "Sales",
      headers: ["Customer", "Date", "Amount"],
      columns: columns(sales),
      rowCount: sales.length,
      formats: [undefined, "yyyy-mm-dd", "#,##0.00"],
    },
    {
      sheet: "Customers",
      name: "Customers",
      headers: ["Customer ID", "Segment"],
      columns: columns(customers),
      rowCount: customers.length,
    },
  ];
}

const DATASETS: Record<string, () => readonly NewTable[]> = {
  sample: () => sampleTables(),
  messy: () => MESSY_TABLES,
  cdnow: () => [cdnowTable()],
  leftout: leadingTables,
};

/** The memory engine's `--json` on each dataset's workbook, parsed once. */
const reference = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  if (postgresAvailable()) pg = await startPostgres();
  else if (ON_CI) throw new Error("PostgreSQL 15 is missing on CI: .ci/run installs postgresql");
  else console.warn("PostgreSQL 15 not found: the PostgreSQL cases are skipped (not on CI)");
  for (const [name, tablesOf] of Object.entries(DATASETS)) {
    const tables = tablesOf();
    for (const kind of ["parquet", "csv"]) mkdirSync(join(dir, name, kind), { recursive: true });
    const blob = (await writeNewWorkbook(tables, {})) as Blob;
    writeFileSync(join(dir, name, "book.xlsx"), new Uint8Array(await blob.arrayBuffer()));
    await writeParquet(join(dir, name, "parquet"), tables);
    writeCsv(join(dir, name, "csv"), tables);
    if (pg !== null) {
      const admin = await PostgresConnection.open(pg.url());
      try {
        await admin.run(`CREATE DATABASE ${name}`);
      } finally {
        await admin.close();
      }
      await loadPostgres(pg.url(name), tables);
      // The sales table again, in a schema off the search path, named with --table.
      const db = await PostgresConnection.open(pg.url(name));
      try {
        await db.run(
          'CREATE SCHEMA finance; CREATE TABLE finance.invoice_lines AS SELECT * FROM "Sales"; CREATE VIEW sales_view AS SELECT * FROM "Sales"'
        );
      } finally {
        await db.close();
      }
    }
    const r = await runCli(join(dir, name, "book.xlsx"), "--json");
    if (r.status !== 0) throw new Error(`memory engine on ${name}: ${r.err.join("\n")}`);
    reference.set(name, JSON.parse(r.out));
  }
}, 600000);

afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface TableRead {
  table: string;
  rows: number;
  leftOut: { reason: string; count: number }[];
  duplicateCount: number;
}

/** What the data check says of each table that counts: rows read, left out and why, duplicates. */
const tablesRead = (json: Record<string, unknown>): unknown =>
  (json.data as { tables: TableRead[] }).tables.map((t) => ({
    table: t.table === "finance.invoice_lines" ? "Sales" : t.table,
    rows: t.rows,
    leftOut: t.leftOut.map((l) => `${l.reason}: ${l.count}`),
    duplicateCount: t.duplicateCount,
  }));

interface TableExamples {
  table: string;
  leftOut: { reason: string; rows: number[] }[];
  columns: { column: string; samples: { text: string | null; read: string | number }[] }[];
}

/**
 * The data check's samples (what each was read as) and first rows left out (as data rows, the
 * first 0) of each table. The text as written differs where the source holds another type: a
 * Parquet or database column of text holds the number 7004 as "7004"; a CSV's date is text.
 */
const examples = (json: Record<string, unknown>, firstRow: number): unknown =>
  (json.data as { tables: TableExamples[] }).tables.map((t) => ({
    leftOut: t.leftOut.map((l) => `${l.reason}: ${l.rows.map((r) => r - firstRow).join(" ")}`),
    samples: t.columns.map(
      (c) => `${c.column}: ${c.samples.map((x) => String(x.read)).join(" | ")}`
    ),
  }));

/** The worksheet row of the first data row: a CSV's line 2, a Parquet file's or a table's row 1. */
const firstDataRow = (source: string): number => (source.includes("CSV") ? 2 : 1);

type Source = (dataset: string) => string[] | null;

const SOURCES: Record<string, Source> = {
  "Parquet folder, DuckDB": (name) => [join(dir, name, "parquet")],
  "CSV folder, DuckDB": (name) => [join(dir, name, "csv"), "--engine", "duckdb"],
  "one Parquet file, DuckDB": (name) =>
    name === "cdnow" ? [join(dir, name, "parquet", "Sales.parquet")] : null,
  "one CSV file, DuckDB": (name) =>
    name === "cdnow" ? [join(dir, name, "csv", "Sales.csv"), "--engine", "duckdb"] : null,
  "one CSV file, memory": (name) =>
    name === "cdnow" ? [join(dir, name, "csv", "Sales.csv")] : null,
  "PostgreSQL 15": (name) => (pg === null ? null : [pg.url(name)]),
  "PostgreSQL 15, --table sales=schema.table": (name) =>
    pg === null ? null : [pg.url(name), "--table", "sales=finance.invoice_lines"],
};

const cases = Object.keys(DATASETS).flatMap((dataset) =>
  Object.keys(SOURCES).map((source) => [dataset, source] as const)
);

test.each(cases)("%s through %s agrees with the memory engine", async (dataset, source) => {
  const args = SOURCES[source](dataset);
  if (args === null) {
    // Only a one-table dataset has a one-file source; only a running server a database.
    expect(source.startsWith("PostgreSQL") ? ON_CI : dataset === "cdnow").toBe(false);
    return;
  }
  const r = await runCli(...args, "--json");
  expect(r.err.filter((line) => !/ (note|nota|data|datos):/.test(line))).toEqual([]);
  expect(r.status).toBe(0);
  const got = JSON.parse(r.out) as Record<string, unknown>;
  const want = reference.get(dataset) as Record<string, unknown>;
  expect(differences(figures(want), figures(got))).toEqual([]);
  expect(tablesRead(got)).toEqual(tablesRead(want));
  expect(examples(got, firstDataRow(source))).toEqual(examples(want, 2));
  if (args.includes("--table"))
    expect((got.data as { tables: TableRead[] }).tables[0].table).toBe("finance.invoice_lines");
});

test("the comparison sees a difference: a count off by one, a ratio off by 1e-8", () => {
  expect(differences({ n: 3, r: 0.5 }, { n: 4, r: 0.5 * (1 + 1e-8) })).toEqual([
    ".n: 3 ≠ 4",
    expect.stringMatching(/^\.r: 0\.5 ≠ 0\.500000005 \(relative/),
  ]);
  expect(differences({ model_check: { miss: 0.5 } }, { model_check: { miss: 0.5000001 } })).toEqual(
    []
  );
});

/** A sample as the data check shows it: "text → read", or the value alone. */
const shown = (x: { text: string | null; read: string | number }): string =>
  x.text === null || x.text === String(x.read) ? String(x.read) : `${x.text} → ${x.read}`;

test.each(Object.keys(DATASETS))(
  "%s: a CSV folder's samples on DuckDB are the memory engine's, text as written included",
  async (dataset) => {
    const folder = join(dir, dataset, "csv");
    const [duck, memory] = await Promise.all([
      runCli(folder, "--engine", "duckdb", "--json"),
      runCli(folder, "--engine", "memory", "--json"),
    ]);
    const samplesOf = (r: { out: string }): string[] =>
      (JSON.parse(r.out).data as { tables: TableExamples[] }).tables.flatMap((t) =>
        t.columns.map((c) => `${t.table}.${c.column}: ${c.samples.map(shown).join(" | ")}`)
      );
    expect(samplesOf(duck)).toEqual(samplesOf(memory));
  }
);

/**
 * The check from SQL worked out by hand: the messy workbook's (test/fixtures/messyWorkbook.ts) and
 * that of the tables leading with rows left out (leadingTables above).
 */
const LEADING = {
  Sales: {
    leftOut: { total_row: [1, 8], no_customer: [2, 5], blank_row: [3, 4] },
    customer: ["A1", "a1", "B2"],
    date: ["2025-01-05", "2025-01-06", "2025-02-01"],
    amount: [100, 200, 50],
  },
  Customers: {
    leftOut: { total_row: [1], blank_row: [2] },
    id: ["A1", "B2", "C3"],
    segment: ["Retail", "Wholesale", "retail"],
  },
};

/** The messy workbook's samples and rows left out where its rows keep the sheet's order, numbered from 1. */
const MESSY_IN_ORDER = {
  Sales: {
    leftOut: { no_customer: [18, 19, 20, 21, 25], blank_row: [26, 27] },
    customer: ["7004", "7004", "CL-1"],
    date: ["2024-02-10", "2024-12-05", "2024-03-01"],
    amount: [500, 300, 200],
    productLine: ["Snacks", "Dairy", "Snacks"],
  },
  Customers: { leftOut: { blank_row: [8] }, id: ["7004", "CL-1", "café ñoño"] },
  // The first lead has no customer (blank): the next three are "0", "0", "CL-1".
  Leads: { leftOut: { blank_row: [8] }, customer: ["0", "0", "CL-1"] },
  Market: { leftOut: {}, segment: ["Retail", "wholesale"], potentialAccounts: [10, 5] },
};

const EXAMPLES: Record<string, { source: () => string[] | null; want: unknown }> = {
  // Row 1 is the file's first row; the samples skip the rows left out, and the blank amount.
  "leading rows left out, as Parquet": {
    source: () => [join(dir, "leftout", "parquet")],
    want: LEADING,
  },
  "leading rows left out, as a PostgreSQL table": {
    source: () => (pg === null ? null : [pg.url("leftout")]),
    want: LEADING,
  },
  // Row 1 is the file's first row: the blank-looking ids ("", spaces, 0, "0") are its rows 18 to
  // 21, the blank id with an amount row 25, the two blank rows 26 and 27. 7004 written as a number
  // is text in a column of text: "7004".
  "the messy workbook as Parquet": {
    source: () => [join(dir, "messy", "parquet")],
    want: MESSY_IN_ORDER,
  },
  // A CSV's lines: the header is line 1, so each row is one further on; dates are text.
  "the messy workbook as CSV on DuckDB": {
    source: () => [join(dir, "messy", "csv"), "--engine", "duckdb"],
    want: {
      Sales: {
        leftOut: { no_customer: [19, 20, 21, 22, 26], blank_row: [27, 28] },
        customer: ["7004", "7004", "CL-1"],
        date: [
          "2024-02-10 00:00:00 → 2024-02-10",
          "2024-12-05 00:00:00 → 2024-12-05",
          "2024-03-01 00:00:00 → 2024-03-01",
        ],
        amount: ["500", "300", "200"],
        productLine: ["Snacks", "Dairy", "Snacks"],
      },
      Customers: { leftOut: { blank_row: [9] }, id: ["7004", "CL-1", "café ñoño"] },
      Leads: { leftOut: { blank_row: [9] }, customer: ["0", "0", "CL-1"] },
      Market: { leftOut: {}, segment: ["Retail", "wholesale"], potentialAccounts: ["10", "5"] },
    },
  },
  // A table's rows in its physical order (loaded in the sheet's order), numbered from 1.
  "the messy workbook as a PostgreSQL table": {
    source: () => (pg === null ? null : [pg.url("messy")]),
    want: MESSY_IN_ORDER,
  },
  // A view has no order: the rows left out are counted, none named; samples as the server returns them.
  "the messy workbook as a PostgreSQL view": {
    source: () => (pg === null ? null : [pg.url("messy"), "--table", "sales=sales_view"]),
    want: {
      sales_view: {
        leftOut: { no_customer: [], blank_row: [] },
        customer: ["7004", "7004", "CL-1"],
        amount: [500, 300, 200],
      },
    },
  },
};

test.each(Object.keys(EXAMPLES))("%s: samples and rows left out, by hand", async (name) => {
  const { source, want } = EXAMPLES[name];
  const args = source();
  if (args === null) {
    expect(ON_CI).toBe(false);
    return;
  }
  const r = await runCli(...args, "--json");
  expect(r.status).toBe(0);
  const tables = (JSON.parse(r.out).data as { tables: TableExamples[] }).tables;
  const got: Record<string, Record<string, unknown>> = {};
  for (const [table, expected] of Object.entries(want as Record<string, object>)) {
    const t = tables.find((x) => x.table === table) as TableExamples;
    got[table] = Object.fromEntries(
      Object.keys(expected).map((k) => [
        k,
        k === "leftOut"
          ? Object.fromEntries(t.leftOut.map((l) => [l.reason, l.rows]))
          : t.columns
              .find((c) => c.column === k)
              ?.samples.map((x) =>
                typeof x.read === "number" && x.text === null ? x.read : shown(x)
              ),
      ])
    );
  }
  expect(got).toEqual(want);
});
