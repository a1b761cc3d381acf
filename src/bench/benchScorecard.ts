/**
 * The scorecard engine on 1,000,000 sales rows and 50,000 customers (all indicators, both
 * periods, tiers).
 */
import { buildScorecard, DEFAULT_SETTINGS } from "../engine/scorecard";
import { readScorecardData } from "../engine/scorecardData";
import { SourceTable } from "../engine/sourceTable";
import { guessMapping } from "../engine/tableMapping";
import { Figure, mib, notePeakMemory, show, time } from "./measure";

function randomGenerator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function tableOf(name: string, headers: string[], columns: unknown[][]): SourceTable {
  return {
    name,
    sheet: name,
    isExcelTable: true,
    headers,
    columns,
    rowCount: columns[0].length,
    headerRow: 1,
    firstColumn: 1,
  };
}

/** A million sales rows over two years, 50,000 customers with segments and terms, leads and market. */
export function bigTables(rows = 1000000, customers = 50000): SourceTable[] {
  const rnd = randomGenerator(3);
  const id = (c: number): unknown => (c % 2 === 0 ? 200000 + c : `K-${c}`);
  const cust = new Array<unknown>(rows);
  const date = new Array<unknown>(rows);
  const amount = new Array<unknown>(rows);
  const margin = new Array<unknown>(rows);
  const line = new Array<unknown>(rows);
  const lines = [
    "Beverages",
    "Snacks",
    "Dairy",
    "Cleaning",
    "Personal Care",
    "Frozen",
    "Bakery",
    "Pet",
  ];
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(rnd() * rnd() * customers);
    cust[i] = id(c);
    date[i] = 45292 + Math.floor(rnd() * 730);
    const a = rnd() < 0.03 ? -Math.round(rnd() * 50000) / 100 : Math.round(rnd() * 300000) / 100;
    amount[i] = a;
    margin[i] = Math.round(a * 25) / 100;
    line[i] = lines[(c + Math.floor(rnd() * 3)) % lines.length];
  }
  const segments = ["Retail", "Wholesale", "Horeca", "Institutional"];
  const ids = Array.from({ length: customers }, (_, c) => id(c));
  const leadsCount = 100000;
  return [
    tableOf(
      "Sales",
      ["Customer", "Date", "Amount", "Margin", "Product Line"],
      [cust, date, amount, margin, line]
    ),
    tableOf(
      "Customers",
      ["Customer ID", "Segment", "Credit Days", "Days Late", "Service Cost"],
      [
        ids,
        ids.map((_, c) => segments[c % 4]),
        ids.map((_, c) => [0, 15, 30, 60][c % 4]),
        ids.map((_, c) => c % 37),
        ids.map((_, c) => 50 + (c % 500)),
      ]
    ),
    tableOf(
      "Leads",
      ["Created", "Source", "Status", "Customer"],
      [
        Array.from({ length: leadsCount }, (_, i) => 45292 + (i % 730)),
        Array.from({ length: leadsCount }, (_, i) => ["Website", "Referral", "Trade show"][i % 3]),
        Array.from({ length: leadsCount }, (_, i) => (i % 7 === 0 ? "Won" : "Open")),
        Array.from({ length: leadsCount }, () => null),
      ]
    ),
    tableOf("Market", ["Segment", "Potential Accounts"], [segments, [40000, 8000, 20000, 5000]]),
  ];
}

export async function benchScorecard(runs: number): Promise<Figure[]> {
  const tables = bigTables();
  const mapping = guessMapping(tables);
  notePeakMemory();
  console.log("Scorecard engine on 1,000,000 sales rows, 50,000 customers, 100,000 leads:");
  const timed = time(
    "read tables + all indicators, both periods, tiers",
    runs,
    () => mapping,
    (m) => {
      const data = readScorecardData(m);
      if (!data.ok) throw new Error(data.error.message);
      const card = buildScorecard(data.value, DEFAULT_SETTINGS);
      if (!card.ok) throw new Error(card.error.message);
      return card.value;
    }
  );
  // Half a second of work collects its own garbage: an allocation figure would mean nothing; the peak does.
  const engine: Figure = { ...timed, allocatedBytes: undefined };
  console.log("  " + show(engine, 2000));
  console.log(
    `  Peak resident memory so far, the tables included (target ≤ 1024 MiB): ${mib(notePeakMemory())}`
  );

  return [engine];
}
