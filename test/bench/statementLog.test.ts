/**
 * The bench's reading of PostgreSQL's statement log (log_min_duration_statement=0, the default
 * prefix '%m [%p] '): lines as PostgreSQL 15 writes them, a statement over several lines, entries
 * that are not durations (checkpoints, notices), and the extended protocol's "execute".
 */
import { loggedStatements, slowestStatements } from "../../src/bench/statementLog";

const LOG = [
  "2026-12-02 10:47:15.112 UTC [17378] LOG:  duration: 0.665 ms  statement: SET work_mem = '256MB'",
  '2026-12-02 10:47:15.150 UTC [17378] NOTICE:  table "spec_raw" does not exist, skipping',
  '2026-12-02 10:47:22.961 UTC [17378] LOG:  duration: 7810.004 ms  statement: DROP TABLE IF EXISTS "spec_raw"; CREATE TEMP TABLE "spec_raw" AS SELECT customer',
  "\t  FROM sales",
  "\t GROUP BY 1",
  "2026-12-02 10:47:23.000 UTC [17001] LOG:  checkpoint starting: time",
  "2026-12-02 10:47:30.131 UTC [17378] LOG:  duration: 7130.5 ms  execute <unnamed>: SELECT $1::int",
  "2026-12-02 10:47:30.131 UTC [17378] DETAIL:  parameters: $1 = '1'",
  "2026-12-02 10:47:39.451 UTC [17378] LOG:  duration: 9320.25 ms  statement: SELECT SUM(n)   AS rows FROM spec_raw",
  "",
].join("\n");

describe("the statement log", () => {
  test.each([
    [0, 0.665, "SET work_mem = '256MB'"],
    [
      1,
      7810.004,
      'DROP TABLE IF EXISTS "spec_raw"; CREATE TEMP TABLE "spec_raw" AS SELECT customer FROM sales GROUP BY 1',
    ],
    [2, 7130.5, "SELECT $1::int"],
    [3, 9320.25, "SELECT SUM(n) AS rows FROM spec_raw"],
  ])("entry %i: %f ms, %s", (i, ms, text) => {
    const statements = loggedStatements(LOG);
    expect(statements).toHaveLength(4);
    expect(statements[i]).toEqual({ ms, text });
  });

  test("the slowest first, as many as asked", () => {
    const slowest = slowestStatements(loggedStatements(LOG), 2);
    expect(slowest.map((s) => s.ms)).toEqual([9320.25, 7810.004]);
    expect(slowestStatements(loggedStatements(LOG), 10)).toHaveLength(4);
  });

  test("a log without durations (a server not logging statements) has none", () => {
    expect(
      loggedStatements("2026-12-02 10:47:23.000 UTC [17001] LOG:  database system is ready\n")
    ).toEqual([]);
    expect(loggedStatements("")).toEqual([]);
  });
});
