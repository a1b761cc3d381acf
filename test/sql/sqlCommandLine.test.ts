/**
 * `spec-scorecard` on SQL sources from the command line: every refusal is one line with exit
 * status 2, and `--out` from Parquet writes a new workbook whose Scorecard holds the engine's
 * values (no formula: its data are not in the workbook) with the sheet saying so, laid out as
 * the live Scorecard the memory engine writes from the same tables.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { sampleTables } from "../../src/cli/sampleWorkbook";
import { writeNewWorkbook } from "../../src/xlsx/newWorkbook";
import { runCli } from "../support/commandLine";
import { differences } from "../support/jsonFigures";
import { writeParquet } from "../support/sqlExports";
import { packageParts, sheetCells, sheetXml } from "../support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "spec-sqlcli-"));
const parquet = join(dir, "parquet");
const noSales = join(dir, "no-sales");
const book = join(dir, "book.xlsx");

beforeAll(async () => {
  const tables = sampleTables({ customers: 60 });
  mkdirSync(parquet);
  mkdirSync(noSales);
  await writeParquet(parquet, tables);
  await writeParquet(
    noSales,
    tables.filter((t) => t.name !== "Sales")
  );
  writeFileSync(
    join(dir, "unclosed.csv"),
    'Customer,Date,Amount\nA,2025-01-01,5\n"B,2025-01-02,6\n'
  );
  const blob = (await writeNewWorkbook(tables, {})) as Blob;
  writeFileSync(book, new Uint8Array(await blob.arrayBuffer()));
}, 120000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusals: [what: string, args: () => string[], message: RegExp][] = [
  [
    "Parquet forced into memory",
    () => [parquet, "--engine", "memory"],
    /^Parquet files are read by DuckDB: leave --engine out or use --engine duckdb$/,
  ],
  [
    "a database with --engine",
    () => ["postgresql://spec@127.0.0.1:1/sales", "--engine", "duckdb"],
    /^a database runs its own SQL: leave --engine out$/,
  ],
  [
    "a workbook on DuckDB",
    () => [book, "--engine", "duckdb"],
    /^--engine duckdb reads \.parquet and \.csv files; a workbook is read in memory$/,
  ],
  [
    "a database nobody serves",
    () => ["postgresql://spec:secret@127.0.0.1:1/sales"],
    /^cannot connect to postgresql:\/\/spec@127\.0\.0\.1:1\/sales \(.*ECONNREFUSED.*\): check the address, the user and that the server runs$/,
  ],
  [
    "a CSV quote never closed",
    () => [join(dir, "unclosed.csv"), "--engine", "duckdb"],
    /^unclosed\.csv \(UTF-8\): the quote on line 3 opens a field that never closes; close it or remove it and run again$/,
  ],
  [
    "a folder without sales",
    () => [noSales],
    /^no sales table: give a table with customer, date and amount columns \(found Customers \(Customers\.parquet: Customer ID, .*\); Leads \(Leads\.parquet: .*\); Market \(Market\.parquet: Segment, Potential Accounts\)\)$/,
  ],
  [
    "--out not .xlsx",
    () => [parquet, "--out", join(dir, "out.txt")],
    /^--out .*out\.txt must end in \.xlsx: a new Excel workbook is written, and Excel opens it only under that ending$/,
  ],
  [
    "--table naming no table",
    () => [parquet, "--table", "sales=Nope"],
    /^--table: no table 'Nope'; tables, closest first: Sales, /,
  ],
];

test.each(refusals)("%s: one line, exit 2", async (_what, args, message) => {
  const r = await runCli(...args());
  expect(r.status).toBe(2);
  expect(r.err).toHaveLength(1);
  expect(r.err[0].replace(/^spec-scorecard: /, "")).toMatch(message);
  // A password never shows.
  expect(r.err[0]).not.toMatch(/secret/);
});

/** Column A's texts from the top, the note under the title left out. */
const labelsOf = (cells: Map<string, unknown>, note: string | null): unknown[] =>
  [...cells.entries()]
    // A live formula showing "" (the ranking's warning, when the model did not miss) is no label.
    .filter(([address, v]) => /^A\d+$/.test(address) && v !== note && v !== "")
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
    .map(([, v]) => v);

/** The customers to call, row by row under their "Lapses on" header: columns A to F, numbers rounded to 1e-6 relative. */
function toCall(cells: Map<string, unknown>): unknown[][] {
  const header = [...cells.entries()].find(([, v]) => v === "Lapses on");
  if (header === undefined) throw new Error("no customers to call");
  const rows: unknown[][] = [];
  // The live list's spare rows show "" (its formulas find no customer there).
  for (
    let row = Number(header[0].slice(1)) + 1;
    ![undefined, ""].includes(cells.get(`A${row}`) as string);
    row++
  )
    rows.push(
      ["A", "B", "C", "D", "E", "F"].map((col) => {
        const v = cells.get(`${col}${row}`);
        return typeof v === "number" ? Number(v.toPrecision(7)) : v;
      })
    );
  return rows;
}

test("--out from Parquet: the Scorecard as values, saying so, laid out as the live one", async () => {
  const out = join(dir, "from-parquet.xlsx");
  const live = join(dir, "live.xlsx");
  const r = await runCli(parquet, "--out", out, "--json");
  expect(r.status).toBe(0);
  expect((await runCli(book, "--out", live)).status).toBe(0);
  const json = JSON.parse(r.out) as { indicators: { revenue: { value: number } } };
  const cells = await sheetCells(out, "Scorecard");
  const note =
    "Values computed from parquet: its data are not in this workbook, so nothing on this sheet is live; run spec-scorecard again to refresh it.";
  expect(cells.get("A1")).toBe("SPEC Scorecard");
  expect(cells.get("A3")).toBe(note);
  expect(await sheetXml(out, "Scorecard")).not.toMatch(/<f[ >]/);
  expect([...cells.values()]).toContain(json.indicators.revenue.value);
  // The same blocks in the same order; the value table's customers listed by id from SQL, where
  // a table has no row order to list them in order of appearance.
  const [got, want] = [labelsOf(cells, note), labelsOf(await sheetCells(live, "Scorecard"), null)];
  const valueTable = want.findIndex((v) => String(v).startsWith("Customer value"));
  expect(valueTable).toBeGreaterThan(10);
  expect(got.slice(0, valueTable)).toEqual(want.slice(0, valueTable));
  // The customers to call, their last purchase and the day each lapses, as the memory engine finds them.
  const calls = toCall(cells);
  expect(calls.length).toBeGreaterThan(0);
  expect(calls).toEqual(toCall(await sheetCells(live, "Scorecard")));
  expect([...got].sort()).toEqual([...want].sort());
  const charts = async (path: string): Promise<string[]> =>
    [...(await packageParts(path)).keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  expect((await charts(out)).length).toBe((await charts(live)).length);
});

test("the built command line fits the holdout's models in a worker thread, with the same answers, and leaves no scratch files", async () => {
  const root = join(__dirname, "..", "..");
  const scratch = join(dir, "scratch");
  mkdirSync(scratch);
  const built = spawnSync(
    process.execPath,
    [join(root, "bin", "spec-scorecard.js"), parquet, "--json"],
    {
      encoding: "utf8",
      env: { ...process.env, SPEC_SQL_TRACE: "1", TMPDIR: scratch },
    }
  );
  expect(built.status).toBe(0);
  // The process exits without freeing DuckDB's tables one by one, but its scratch folder is gone.
  expect(readdirSync(scratch)).toEqual([]);
  // Only compiled code has a worker script: run from the sources, the fit waits for nothing.
  expect(built.stderr).toMatch(
    /^\d+\.\d\d s models fitted afresh at day \d+ \(waited for the worker thread\)$/m
  );
  const inProcess = await runCli(parquet, "--json");
  expect(inProcess.status).toBe(0);
  const json = JSON.parse(built.stdout) as { model_check: { rows: unknown[] } };
  expect(json.model_check.rows.length).toBeGreaterThan(0);
  expect(differences(json, JSON.parse(inProcess.out))).toEqual([]);
}, 60000);
