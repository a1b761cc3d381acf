/**
 * The customers to call on the sample workbook (SPEC.md §3.3): every listed customer checked
 * against a literal reading of the definitions (maps and sets) and against CUSTOMER_FORECAST called
 * as a user would call it on the sales columns.
 */
import { sampleSourceTables } from "../support/sampleSources";
import { customerForecastOfCells } from "../../src/core/sheetFunctions";
import { CUSTOMERS_TO_CALL } from "../../src/engine/customerOutlook";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { SourceTable } from "../../src/engine/sourceTable";
import { guessMapping } from "../../src/engine/tableMapping";

const tables: SourceTable[] = sampleSourceTables();
const data = readScorecardData(guessMapping(tables));
if (!data.ok) throw new Error(data.error.message);
const built = buildScorecard(data.value, DEFAULT_SETTINGS);
if (!built.ok) throw new Error(built.error.message);
const card = built.value;
const D = card.period.asOf;
const WINDOW = DEFAULT_SETTINGS.activation.windowDays;

const sales = tables[0];
const column = (header: string): readonly unknown[] => sales.columns[sales.headers.indexOf(header)];
const ids = column("Customer");
const days = column("Date") as number[];
const amounts = column("Amount") as number[];
const key = (id: unknown): string => String(id).trim().toLowerCase();

/** Literally: purchase days and net in the window (as_of − 90, as_of], the rows up to D only. */
function activeAt(customer: string, asOf: number): boolean {
  let net = 0;
  let purchases = 0;
  ids.forEach((id, i) => {
    if (key(id) !== customer || days[i] > D || days[i] <= asOf - WINDOW || days[i] > asOf) return;
    net += amounts[i];
    if (amounts[i] > 0) purchases++;
  });
  return purchases >= 1 && net >= -1e-9;
}

const base = new Set(tables[1].columns[0].map(key));
const lapsing = [...base].filter((c) => activeAt(c, D) && !activeAt(c, D + 30));
const forecast = customerForecastOfCells(
  ids.map((v) => [v]),
  days.map((v) => [v]),
  amounts.map((v) => [v]),
  D,
  90
);
if (!forecast.ok) throw new Error(forecast.error.message);
const predicted = new Map(
  forecast.value
    .slice(1)
    .map((row) => [key(row[0]), { pAlive: row[4] as number, revenue: row[7] as number }])
);
const listed = card.customersToCall.customers;

test("svc.lapsing_customers counts the Customers table's ids active at as of and not 30 days on", () => {
  expect(lapsing.length).toBeGreaterThan(CUSTOMERS_TO_CALL / 2);
  expect(card.indicators.find((i) => i.info.id === "svc.lapsing_customers")?.value).toBe(
    lapsing.length
  );
});

test("the list: lapsing customers only, at most 20, with the most revenue expected in 90 days first", () => {
  expect(card.customersToCall.reason).toBeNull();
  expect(listed.length).toBe(Math.min(CUSTOMERS_TO_CALL, lapsing.length));
  const names = listed.map((c) => key(card.customerLabels[c.customer]));
  for (const n of names) expect(lapsing).toContain(n);
  const revenues = listed.map((c) => c.expectedRevenue as number);
  expect([...revenues].sort((a, b) => b - a)).toEqual(revenues);
  // No lapsing customer left off the list is expected to spend more than the last one listed.
  const left = lapsing
    .filter((c) => !names.includes(c))
    .map((c) => predicted.get(c)?.revenue as number);
  expect(Math.max(...left)).toBeLessThanOrEqual(revenues[revenues.length - 1]);
});

test("each one's figures are CUSTOMER_FORECAST's at horizon 90; its last purchase and lapse day are its rows'", () => {
  for (const c of listed) {
    const name = key(card.customerLabels[c.customer]);
    const p = predicted.get(name);
    expect([name, c.pAlive]).toEqual([name, expect.closeTo(p?.pAlive as number, 12)]);
    expect([name, c.expectedRevenue]).toEqual([name, expect.closeTo(p?.revenue as number, 9)]);
    const own = days.filter((d, i) => key(ids[i]) === name && d <= D && amounts[i] > 0);
    expect(c.lastPurchase).toBe(Math.max(...own));
    // The first day from which no purchase day is left in the window… unless a return in it keeps the net below 0 sooner.
    const lapse = Array.from({ length: 30 }, (_, k) => D + k + 1).find((d) => !activeAt(name, d));
    expect([name, c.lapseDay]).toEqual([name, lapse]);
  }
});
