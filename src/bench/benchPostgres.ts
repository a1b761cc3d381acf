/**
 * The PostgreSQL engine at scale (issue 18, point 5): a throwaway PostgreSQL cluster, a `sales`
 * table of BENCH_PG_ROWS rows (10,000,000 unless set; one customer per ten rows unless
 * BENCH_PG_CUSTOMERS) of the same shape as the Parquet part's (salesQuery: DuckDB writes the rows
 * as CSV, the server COPYs them in), analyzed; then `spec-scorecard postgresql://… --json` in a
 * process of its own, timed against the floor query run in the same database in the same run:
 * `SELECT customer, count(*), sum(amount), min(date), max(date) FROM sales GROUP BY customer`.
 * The server logs every statement's duration, so the bench also prints spec-scorecard's slowest.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import { DuckDbConnection } from "../sql/duckdbConnection";
import { PostgresConnection } from "../sql/postgresConnection";
import { againstFloor, salesQuery, seconds } from "./benchSql";
import { mib } from "./measure";
import { PostgresServer, postgresAvailable, startPostgres } from "./postgresServer";
import { loggedStatements, slowestStatements } from "./statementLog";

const DATABASE = "bench";

/** What the server runs with, as a session opened by the product sees it (its work_mem included). */
const SETTINGS = [
  "server_version",
  "work_mem",
  "shared_buffers",
  "effective_cache_size",
  "maintenance_work_mem",
  "max_parallel_workers_per_gather",
  "max_parallel_workers",
  "jit",
  "random_page_cost",
  "fsync",
  "synchronous_commit",
  "log_min_duration_statement",
];

/** The bench's rows as CSV (written by DuckDB), loaded into `sales` by COPY; seconds of each step. */
async function loadSales(
  server: PostgresServer,
  dir: string,
  rows: number,
  customers: number
): Promise<void> {
  const csv = join(dir, "sales.csv");
  let started = process.hrtime.bigint();
  const duck = await DuckDbConnection.open({ tempDirectory: join(dir, "spill") });
  try {
    await duck.run(`COPY (${salesQuery(rows, customers)}) TO '${csv}' (FORMAT csv, HEADER false)`);
  } finally {
    await duck.close();
  }
  chmodSync(csv, 0o644); // the server reads it as its own user (postgres, when the bench runs as root)
  const written = seconds(started);
  const admin = await PostgresConnection.open(server.url());
  try {
    await admin.run(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.close();
  }
  const c = await PostgresConnection.open(server.url(DATABASE));
  try {
    started = process.hrtime.bigint();
    // FREEZE (the table created in the same transaction): rows written as already visible to all,
    // so the first query to read them does not pay for setting their hint bits.
    await c.run(
      `BEGIN; CREATE TABLE sales (customer text, date date, amount double precision); ` +
        `COPY sales FROM '${csv}' (FORMAT csv, FREEZE); COMMIT`
    );
    const copied = seconds(started);
    started = process.hrtime.bigint();
    await c.run("ANALYZE sales");
    const analyzed = seconds(started);
    const [size] = (await c.columns("SELECT pg_total_relation_size('sales') AS size")).size;
    console.log(
      `PostgreSQL: ${rows.toLocaleString("en")} sales rows, up to ${customers.toLocaleString("en")} customers ` +
        `(the Parquet part's shape), written as CSV by DuckDB in ${written.toFixed(1)} s (${mib(statSync(csv).size)}), ` +
        `COPY in ${copied.toFixed(1)} s, ANALYZE in ${analyzed.toFixed(1)} s: a ${mib(Number(size))} table`
    );
  } finally {
    await c.close();
  }
  rmSync(csv);
}

/** The settings the product's session runs with, one line. */
async function showSettings(url: string): Promise<void> {
  const c = await PostgresConnection.open(url);
  try {
    const list = SETTINGS.map((s) => `current_setting('${s}') AS ${s}`).join(", ");
    const values = await c.columns(`SELECT ${list}`);
    console.log(
      `  settings (a session opened as spec-scorecard opens its own): ${SETTINGS.map((s) => `${s} ${values[s][0]}`).join(", ")}`
    );
  } finally {
    await c.close();
  }
}

/** Seconds the floor query takes, its result kept (as the scorecard keeps its own), in a session like the product's. */
async function floorSeconds(url: string): Promise<number> {
  const c = await PostgresConnection.open(url);
  try {
    const started = process.hrtime.bigint();
    await c.run(
      "CREATE TEMP TABLE floor AS SELECT customer, count(*) AS n, sum(amount) AS amount, min(date) AS first, max(date) AS last FROM sales GROUP BY customer"
    );
    return seconds(started);
  } finally {
    await c.close();
  }
}

/** The log's text from byte `from` on. */
const logSince = (file: string, from: number): string =>
  readFileSync(file).subarray(from).toString("utf8");

async function measure(server: PostgresServer, runs: number): Promise<void> {
  const url = server.url(DATABASE);
  await showSettings(url);
  let logFrom = 0;
  const json = await againstFloor(
    runs,
    () => floorSeconds(url),
    [url, "--json"],
    () => "spec-scorecard's process; the server's memory is its own",
    () => {
      logFrom = statSync(server.log).size;
    }
  );
  const logged = loggedStatements(logSince(server.log, logFrom));
  const inServer = logged.reduce((sum, st) => sum + st.ms, 0) / 1000;
  const slowest = slowestStatements(logged, 10);
  console.log(
    `  spec-scorecard's last run: ${logged.length} statements, ${inServer.toFixed(1)} s in the server of its ${json[json.length - 1].seconds.toFixed(1)} s; the slowest (server log):`
  );
  for (const st of slowest)
    console.log(
      `    ${(st.ms / 1000).toFixed(2).padStart(7)} s  ${st.text.length > 150 ? `${st.text.slice(0, 150)}…` : st.text}`
    );
}

export async function benchPostgres(): Promise<void> {
  if (!postgresAvailable()) {
    console.log("PostgreSQL: skipped, no initdb (Debian's postgresql, or POSTGRES_BIN)");
    return;
  }
  const rows = Number(process.env.BENCH_PG_ROWS ?? 10_000_000);
  const customers = Number(process.env.BENCH_PG_CUSTOMERS ?? Math.round(rows / 10));
  const runs = Number(process.env.BENCH_PG_RUNS ?? 1);
  const dir = mkdtempSync(join(tmpdir(), "spec-bench-pg-"));
  chmodSync(dir, 0o755); // the server reads the CSV from here
  const server = await startPostgres({ log_min_duration_statement: "0" });
  const interrupted = (signal: NodeJS.Signals): void => {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    const load = loadavg().map((l) => l.toFixed(1));
    await loadSales(server, dir, rows, customers);
    await measure(server, runs);
    console.log(
      `  load average ${load.join(" ")} before, ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} after (1, 5, 15 min)`
    );
  } finally {
    process.removeListener("SIGINT", interrupted).removeListener("SIGTERM", interrupted);
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
