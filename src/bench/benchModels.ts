/**
 * The customer models through the built add-in: dist/functions.js, loaded as Excel's runtime loads
 * it (its CustomFunctions.associate calls collected), then CUSTOMER_FORECAST called with arguments
 * parsed anew from JSON each time. On the whole CDNOW cohort (target ≤ 1 s) and on 1,048,575 rows
 * of 50,000 customers (target ≤ 3 s).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { runInThisContext } from "vm";
import { isoDateToSerial } from "../core/cells";
import { Figure, show, time } from "./measure";

type Associated = Record<string, (...args: unknown[]) => unknown>;

/**
 * The functions the built bundle associates, or null when there is no build. The bundle runs in this
 * realm, as a page's script does, with CustomFunctions given as a parameter: a separate vm context
 * would send every global lookup (Math, Float64Array) through the sandbox's interceptor and measure
 * that instead of the add-in.
 */
export function builtFunctions(): Associated | null {
  const bundle = join(__dirname, "..", "..", "dist", "functions.js");
  if (!existsSync(bundle)) return null;
  const associated: Associated = {};
  const runtime = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      associated[id] = fn;
    },
    Error: class extends Error {
      constructor(
        readonly code: string,
        message?: string
      ) {
        super(message);
      }
    },
  };
  const load = runInThisContext(
    `(function (CustomFunctions) {\n${readFileSync(bundle, "utf8")}\n})`,
    { filename: bundle }
  ) as (runtime: unknown) => void;
  load(runtime);
  return associated;
}

/** The CDNOW master file's columns as Excel hands them over. */
export function cdnowMaster(): { ids: string[][]; dates: number[][]; amounts: number[][] } {
  const file = join(__dirname, "..", "..", "test", "fixtures", "cdnow", "CDNOW_master.txt");
  const ids: string[][] = [];
  const dates: number[][] = [];
  const amounts: number[][] = [];
  for (const line of readFileSync(file, "utf8").trim().split("\n")) {
    const f = line.trim().split(/\s+/);
    if (!/^\d{8}$/.test(f[1])) continue;
    ids.push([f[0]]);
    dates.push([isoDateToSerial(`${f[1].slice(0, 4)}-${f[1].slice(4, 6)}-${f[1].slice(6, 8)}`)]);
    amounts.push([Number(f[3])]);
  }
  return { ids, dates, amounts };
}

export function benchModels(
  runs: number,
  sales: () => { ids: unknown[][]; dates: unknown[][]; amounts: unknown[][] }
): Figure[] {
  const functions = builtFunctions();
  if (functions === null) {
    console.log(
      "The customer models through the built add-in: skipped (no dist/functions.js: npm run build first)"
    );
    return [];
  }
  const forecast = functions.CUSTOMER_FORECAST;
  console.log(
    "The customer models through the built add-in (dist/functions.js), BG/NBD and Gamma-Gamma fitted, every customer forecast:"
  );
  const cdnow = JSON.stringify(cdnowMaster());
  const whole = time(
    "CUSTOMER_FORECAST, CDNOW cohort, 69,659 rows, 23,570 customers",
    runs,
    () => JSON.parse(cdnow),
    (c) => forecast(c.ids, c.dates, c.amounts, null, null)
  );
  console.log("  " + show(whole, 1000));
  const big = time(
    "CUSTOMER_FORECAST, 1,048,575 rows, 50,000 customers",
    Math.max(1, Math.min(runs, 3)),
    sales,
    (s) => forecast(s.ids, s.dates, s.amounts, null, null)
  );
  console.log("  " + show(big, 3000));
  return [whole, big];
}
