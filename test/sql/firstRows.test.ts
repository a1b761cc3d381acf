/**
 * The first rows of a table in its order (src/sql/firstRows.ts), window after window, on DuckDB
 * (a table's rowid, as a CSV is loaded) and on a real PostgreSQL 15 server (ctid; a throwaway
 * cluster started here): 5,000 rows whose k is their place, searched from a first window of a few
 * rows (PostgreSQL: one block) so that the rows wanted lie many windows apart, the last ones at
 * the very end of the table.
 */
import { DuckDbConnection } from "../../src/sql/duckdbConnection";
import { FoundRow, RowSearch, firstRows } from "../../src/sql/firstRows";
import { PostgresConnection } from "../../src/sql/postgresConnection";
import { SqlConnection } from "../../src/sql/sqlConnection";
import { SqlTable, describedTable } from "../../src/sql/sqlTables";
import { PostgresServer, postgresAvailable, startPostgres } from "../../src/bench/postgresServer";

const ON_CI = process.env.CI === "true";
const ROWS = 5000;

/** k: the row's place; tag: "a" at 3, 2500 and 4990, "b" at 10 to 40, none at 4999. */
const TAG = `CASE WHEN k IN (3, 2500, 4990) THEN 'a' WHEN k BETWEEN 10 AND 40 THEN 'b' WHEN k = ${ROWS - 1} THEN NULL ELSE 'c' END`;

const tableOf = (from: string, rowOrder: string | null, rows = ROWS): SqlTable => ({
  source: describedTable({
    name: from,
    sheet: from,
    headers: ["k", "tag"],
    rowCount: rows,
    headerRow: 0,
  }),
  from,
  types: ["number", "text"],
  typeNames: ["INTEGER", "VARCHAR"],
  rowOrder,
});

let pg: PostgresServer | null = null;
let duck: DuckDbConnection;
let db: PostgresConnection | null = null;

beforeAll(async () => {
  duck = await DuckDbConnection.open();
  await duck.run(`CREATE TABLE t AS SELECT k, ${TAG} AS tag FROM range(${ROWS}) r(k)`);
  if (postgresAvailable()) pg = await startPostgres();
  else if (ON_CI) throw new Error("PostgreSQL 15 is missing on CI: .ci/run installs postgresql");
  if (pg === null) return;
  db = await PostgresConnection.open(pg.url());
  await db.run(
    `CREATE TABLE t AS SELECT k, ${TAG} AS tag FROM generate_series(0, ${ROWS - 1}) r(k); CREATE TABLE gone AS SELECT * FROM t; DELETE FROM gone WHERE k < 100; CREATE VIEW v AS SELECT * FROM t`
  );
}, 120000);

afterAll(async () => {
  await duck.close();
  await db?.close();
  pg?.stop();
});

/** What a search found: each row's group, place and k. */
const found = (rows: readonly FoundRow[]): string[] =>
  rows.map(
    (r) =>
      `${r.group} ${r.place} k=${r.values.k}${"twice" in r.values ? ` twice=${r.values.twice}` : ""}`
  );

type Case = [string, Omit<RowSearch, "table" | "places">, string[]];

const CASES: Case[] = [
  [
    "one condition met far apart, to the end: every row, in order",
    { select: { k: "t.k" }, branches: ["t.tag = 'a'"], group: null, wanted: { "": 10 } },
    [" 3 k=3", " 2500 k=2500", " 4990 k=4990"],
  ],
  [
    "the first three of a run, and a value computed on those rows alone",
    {
      select: { k: "t.k" },
      branches: ["t.tag = 'b'"],
      group: null,
      wanted: { "": 3 },
      after: { twice: "q.k * 2" },
    },
    [" 10 k=10 twice=20", " 11 k=11 twice=22", " 12 k=12 twice=24"],
  ],
  [
    "groups: two of one, four of another, in the table's order",
    {
      select: { k: "t.k" },
      branches: ["t.tag IN ('a', 'b')"],
      group: "t.tag",
      wanted: { a: 2, b: 4 },
    },
    ["a 3 k=3", "b 10 k=10", "b 11 k=11", "b 12 k=12", "b 13 k=13", "a 2500 k=2500"],
  ],
  [
    "branches searched apart (an IN list, IS NULL), found together; a group not wanted is left",
    {
      select: { k: "t.k" },
      branches: ["t.tag IN ('a', 'c')", "t.tag IS NULL"],
      group: "CASE WHEN t.tag IS NULL THEN 'none' ELSE t.tag END",
      wanted: { a: 10, none: 1, c: 0 },
    },
    ["a 3 k=3", "a 2500 k=2500", "a 4990 k=4990", `none ${ROWS - 1} k=${ROWS - 1}`],
  ],
  [
    "nothing wanted: no query",
    { select: { k: "t.k" }, branches: ["t.tag = 'a'"], group: null, wanted: { "": 0 } },
    [],
  ],
  [
    "a condition met nowhere: every window read, nothing found",
    { select: { k: "t.k" }, branches: ["t.tag = 'zz'"], group: null, wanted: { "": 10 } },
    [],
  ],
];

describe.each<[string, () => SqlConnection | null, number]>([
  ["DuckDB (rowid), a first window of 16 rows", () => duck, 16],
  ["PostgreSQL 15 (ctid), a first window of one block", () => db, 1],
])("%s", (_, connection, firstWindow) => {
  test.each(CASES)("%s", async (__, search, want) => {
    const c = connection();
    if (c === null) return expect(ON_CI).toBe(false);
    const rowOrder = c.dialect.name === "duckdb" ? "rowid" : "ctid";
    const got = await firstRows(c, {
      ...search,
      table: tableOf("t", rowOrder),
      places: true,
      firstWindow,
    });
    expect(found(got)).toEqual(want);
  });
});

test("PostgreSQL: a row's place counts the rows before it, not its block (rows deleted)", async () => {
  if (db === null) return expect(ON_CI).toBe(false);
  const search = {
    select: { k: "t.k" },
    branches: ["t.tag = 'a'"],
    group: null,
    wanted: { "": 10 },
  };
  const got = await firstRows(db, {
    ...search,
    table: tableOf("gone", "ctid", ROWS - 100),
    places: true,
    firstWindow: 1,
  });
  expect(found(got)).toEqual([" 2400 k=2500", " 4890 k=4990"]);
});

test("PostgreSQL: a view has no order: the rows the server returns, without places", async () => {
  if (db === null) return expect(ON_CI).toBe(false);
  const search = {
    select: { k: "t.k" },
    branches: ["t.tag = 'b'"],
    group: null,
    wanted: { "": 3 },
  };
  const got = await firstRows(db, { ...search, table: tableOf("v", null), places: true });
  expect(got.map((r) => r.place)).toEqual([null, null, null]);
  expect(got.map((r) => Number(r.values.k)).every((k) => k >= 10 && k <= 40)).toBe(true);
});
