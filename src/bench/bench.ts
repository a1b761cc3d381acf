/**
 * `npm run bench`: figures, not a pass/fail test. The functions on Excel's largest table
 * (1,048,575 rows, 50,000 distinct customers with mixed number and text ids), CUSTOMER_VALUE on
 * 50,000 customers × 8 attributes, and the peak memory of the process. Arguments are parsed
 * from JSON before each call, as Excel's runtime hands them over: fresh arrays and strings.
 */
import {
  activationRateOfCells,
  concentrationOfCells,
  customerValueOfCells,
} from "../core/sheetFunctions";
import { Figure, mib, notePeakMemory, show, time } from "./measure";
import { benchScorecard } from "./benchScorecard";
import { benchFiles } from "./benchFiles";
import { benchLive } from "./benchLive";
import { benchSql } from "./benchSql";
import { benchPostgres } from "./benchPostgres";
import { benchSqlSamples } from "./benchSqlSamples";
import { benchModels } from "./benchModels";
import { benchHostile } from "./benchHostile";
import { benchModelCheck } from "./benchModelCheck";

const ROWS = 1048575;
const CUSTOMERS = 50000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The last day of salesColumns' dates (2024-01-01 + 729 days, 2025-12-30). */
const LATEST_DAY = 45292 + 729;

function randomGenerator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A sales table as Excel hands it to a function: one 2-D column per list. */
function salesColumns(idKind: "mixed" | "numbers" = "mixed"): {
  ids: unknown[][];
  dates: unknown[][];
  amounts: unknown[][];
} {
  const rnd = randomGenerator(7);
  const ids: unknown[][] = new Array(ROWS);
  const dates: unknown[][] = new Array(ROWS);
  const amounts: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(rnd() * rnd() * CUSTOMERS); // skewed: a few customers buy a lot
    // Half the ids are numbers, half text; text ids arrive as fresh strings, as from Excel.
    ids[i] = [idKind === "numbers" || c % 2 === 0 ? 100000 + c : `CL-${c}`];
    dates[i] = [45292 + Math.floor(rnd() * 730)];
    amounts[i] = [rnd() < 0.03 ? -Math.round(rnd() * 500) : Math.round(rnd() * 200000) / 100];
  }
  return { ids, dates, amounts };
}

function attributes(): unknown[][] {
  const rnd = randomGenerator(11);
  const rows: unknown[][] = new Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) {
    const row: unknown[] = new Array(8);
    for (let j = 0; j < 8; j++)
      row[j] = rnd() < 0.02 ? null : Math.round(rnd() * 1000 * (j + 1)) / 10;
    rows[i] = row;
  }
  return rows;
}

function mustBeOk<T>(r: { ok: boolean; value?: T; error?: { message: string } }): T {
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

export function benchFunctions(): Figure[] {
  const report = (f: Figure, target: number): Figure => {
    console.log("  " + show(f, target));
    return f;
  };
  // CUSTOMER_VALUE first, while the heap is small: the sales arguments below leave hundreds of
  // MiB of garbage, whose collection would otherwise land in whichever call comes next.
  console.log(
    `Custom functions; CUSTOMER_VALUE on ${CUSTOMERS.toLocaleString("en")} customers × 8 attributes:`
  );
  const attributesJson = JSON.stringify(attributes());
  const attrs = (): unknown[][] => JSON.parse(attributesJson);
  const value = [
    report(
      time("CUSTOMER_VALUE RANK, 50,000 × 8 attributes", RUNS, attrs, (a) =>
        mustBeOk(customerValueOfCells(a, [[3, 2, 2, 1, 1, 1, 1, 1]], [[1, 1, 1, 1, -1, -1, 1, 1]]))
      ),
      50
    ),
    report(
      time("CUSTOMER_VALUE MINMAX, 50,000 × 8 attributes", RUNS, attrs, (a) =>
        mustBeOk(customerValueOfCells(a, null, null, "MINMAX"))
      ),
      50
    ),
  ];
  console.log(
    `ACTIVATION_RATE and CONCENTRATION on ${ROWS.toLocaleString("en")} rows, ${CUSTOMERS.toLocaleString("en")} customers (mixed number and text ids):`
  );
  const salesJson = JSON.stringify(salesColumns());
  const sales = (): ReturnType<typeof salesColumns> => JSON.parse(salesJson);
  const numericJson = JSON.stringify(salesColumns("numbers"));
  const numericSales = (): ReturnType<typeof salesColumns> => JSON.parse(numericJson);
  notePeakMemory();
  return [
    ...value,
    report(
      time("ACTIVATION_RATE (defaults)", RUNS, sales, (s) =>
        mustBeOk(activationRateOfCells(s.ids, s.dates, s.amounts))
      ),
      100
    ),
    report(
      time("ACTIVATION_RATE (window 90, 2 purchase days, min 100)", RUNS, sales, (s) =>
        mustBeOk(activationRateOfCells(s.ids, s.dates, s.amounts, null, 90, 2, 100))
      ),
      100
    ),
    report(
      time("ACTIVATION_RATE (defaults), every id a number", RUNS, numericSales, (s) =>
        mustBeOk(activationRateOfCells(s.ids, s.dates, s.amounts))
      ),
      100
    ),
    report(
      time("CONCENTRATION TOP_PCT by customer", RUNS, sales, (s) =>
        mustBeOk(concentrationOfCells(s.amounts, s.ids))
      ),
      100
    ),
    report(
      time("CONCENTRATION GINI by customer", RUNS, sales, (s) =>
        mustBeOk(concentrationOfCells(s.amounts, s.ids, "GINI"))
      ),
      100
    ),
    ...benchModels(Math.min(RUNS, 5), sales),
    ...benchModelCheck(Math.min(RUNS, 5), sales, LATEST_DAY),
  ];
}

/** `--functions`, `--scorecard`, `--files`, `--live`, `--sql`, `--sql-postgres` or `--hostile`: each part runs in its own process, so each peak memory is its own. */
async function main(): Promise<void> {
  if (process.argv.includes("--functions")) {
    benchFunctions();
    console.log(
      `  Peak resident memory of this process (it also holds the arguments, parsed anew per call): ${mib(notePeakMemory())}`
    );
  }
  if (process.argv.includes("--scorecard")) {
    await benchScorecard(Number(process.env.BENCH_ENGINE_RUNS ?? 3));
    console.log(`  Peak resident memory of this process: ${mib(notePeakMemory())}`);
  }
  if (process.argv.includes("--files")) await benchFiles(Number(process.env.BENCH_FILE_RUNS ?? 3));
  if (process.argv.includes("--live")) await benchLive(Number(process.env.BENCH_LIVE_RUNS ?? 3));
  if (process.argv.includes("--sql")) await benchSql();
  if (process.argv.includes("--sql-postgres")) await benchPostgres();
  if (process.argv.includes("--sql")) await benchSqlSamples();
  if (process.argv.includes("--hostile")) await benchHostile();
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
