/**
 * One hostile function call at Excel's size, in a process of its own: builds the arguments as
 * Excel hands them over (one 2-D column per list), calls, and prints the call's seconds, its
 * answer in brief and the process's peak resident memory as one JSON line.
 */
import {
  activationRateOfCells,
  concentrationOfCells,
  customerForecastOfCells,
  forecastModelOfCells,
} from "../core/sheetFunctions";

const ROWS = 1048576;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Sales rows: `customers` distinct ids, dates in [from, to], amounts of `scale`. */
function sales(customers: number, from: number, to: number, scale = 1): unknown[][][] {
  const rnd = random(11);
  const ids: unknown[][] = new Array(ROWS);
  const dates: unknown[][] = new Array(ROWS);
  const amounts: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    // Every customer at least once, then at random: as many customers as asked.
    ids[i] = [i < customers ? i : Math.floor(rnd() * customers)];
    dates[i] = [from + Math.floor(rnd() * (to - from + 1))];
    amounts[i] = [(1 + Math.round(rnd() * 1000)) * scale];
  }
  return [ids, dates, amounts];
}

const TODAY = 46000; // 2025-12-09
/** Each case builds its arguments, and returns the call to time. */
const CASES: Record<string, () => () => unknown> = {
  "forecast-500k": () => {
    const [c, d, a] = sales(500000, TODAY - 1100, TODAY);
    return () => customerForecastOfCells(c, d, a);
  },
  "model-500k": () => {
    const [c, d, a] = sales(500000, TODAY - 1100, TODAY);
    return () => forecastModelOfCells(c, d, a);
  },
  "forecast-900k": () => {
    const [c, d, a] = sales(900000, TODAY - 1100, TODAY);
    return () => customerForecastOfCells(c, d, a);
  },
  "forecast-as-of-9999": () => {
    const [c, d, a] = sales(50000, TODAY - 1100, TODAY);
    return () => customerForecastOfCells(c, d, a, 2958465);
  },
  "model-whole-calendar": () => {
    const [c, d, a] = sales(50000, 1, 2958465);
    return () => forecastModelOfCells(c, d, a);
  },
  "forecast-1e300": () => {
    const [c, d, a] = sales(50000, TODAY - 1100, TODAY, 1e300);
    return () => customerForecastOfCells(c, d, a);
  },
  "activation-whole-calendar": () => {
    const [c, d, a] = sales(50000, 1, 2958465);
    return () => activationRateOfCells(c, d, a, 2958465, 2958465, 20, 1e300);
  },
  "concentration-1e308": () => {
    const [c, , a] = sales(50000, TODAY - 10, TODAY, 1e305);
    return () => concentrationOfCells(a, c, "GINI");
  },
};

function brief(result: unknown): string {
  const r = result as { ok: boolean; value?: unknown; error?: { kind: string } };
  if (!r.ok) return r.error?.kind ?? "error";
  return Array.isArray(r.value) ? `${r.value.length} rows` : String(r.value);
}

export const FUNCTION_CASES = Object.keys(CASES);

if (require.main === module) {
  const run = CASES[process.argv[2]];
  if (run === undefined) {
    console.error(`cases: ${FUNCTION_CASES.join(", ")}`);
    process.exitCode = 2;
  } else {
    const call = run();
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = call();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    // CPU seconds too: on a machine shared with other work, the wall clock says little.
    const cpuSeconds = (used.user + used.system) / 1e6;
    process.stdout.write(
      `${JSON.stringify({ seconds, cpuSeconds, answer: brief(result), peakMiB: process.resourceUsage().maxRSS / 1024 })}\n`
    );
  }
}
