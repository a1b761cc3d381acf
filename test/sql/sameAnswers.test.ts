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

const DATASETS: Record<string, () => readonly NewTable[]> = {
  sample: () => sampleTables(),
  messy: () => MESSY_TABLES,
  cdnow: () => [cdnowTable()],
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
          'CREATE SCHEMA finance; CREATE TABLE finance.invoice_lines AS SELECT * FROM "Sales"'
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
