/**
 * Each indicator over the 8 whole periods before the current one (SPEC.md §3.3, History): the
 * hand-worked fixture's months and quarters, periods before the data begin, and every point
 * against the scorecard computed separately as of that period's last day.
 */
import { isoDateToSerial, serialToIso } from "../../src/core/cells";
import { sampleSourceTables } from "../support/sampleSources";
import { HISTORY_PERIODS, beforeData, pastPeriods } from "../../src/engine/history";
import { INDICATORS, IndicatorId } from "../../src/engine/indicatorCatalog";
import { periodOf } from "../../src/engine/period";
import {
  DEFAULT_SETTINGS,
  Scorecard,
  ScorecardSettings,
  buildScorecard,
  scorecardJson,
} from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { SourceTable } from "../../src/engine/sourceTable";
import { guessMapping } from "../../src/engine/tableMapping";
import { LABELS } from "../../src/plan/labels";
import { AS_OF_ISO, CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

function card(tables: SourceTable[], settings: Partial<ScorecardSettings>): Scorecard {
  const data = readScorecardData(guessMapping(tables));
  if (!data.ok) throw new Error(data.error.message);
  const built = buildScorecard(data.value, { ...DEFAULT_SETTINGS, ...settings });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const asOf = isoDateToSerial(AS_OF_ISO);
const FIXTURE = [SALES, CUSTOMERS, LEADS, MARKET];
const monthly = card(FIXTURE, { asOf, period: "month" });
const values = (c: Scorecard, id: IndicatorId): (number | null)[] =>
  c.history.points[id].map((p) => p.value);

test("the past periods: whole periods before the current one, oldest first, each as of its last day", () => {
  const periods = pastPeriods(periodOf("month", asOf));
  expect(periods).toHaveLength(HISTORY_PERIODS);
  expect(periods.map((p) => [serialToIso(p.current.start), serialToIso(p.current.end)])).toEqual([
    ["2024-07-01", "2024-07-31"],
    ["2024-08-01", "2024-08-31"],
    ["2024-09-01", "2024-09-30"],
    ["2024-10-01", "2024-10-31"],
    ["2024-11-01", "2024-11-30"],
    ["2024-12-01", "2024-12-31"],
    ["2025-01-01", "2025-01-31"],
    ["2025-02-01", "2025-02-28"],
  ]);
  // February as of its last day: compared (upsell) with January's first 28 days, as the scorecard does.
  const february = periods[7];
  expect([february.asOf, february.previous]).toEqual([
    isoDateToSerial("2025-02-28"),
    { start: isoDateToSerial("2025-01-01"), end: isoDateToSerial("2025-01-28") },
  ]);
  expect(
    pastPeriods(periodOf("year", isoDateToSerial("2025-03-20")), 2).map((p) => [
      serialToIso(p.current.start),
      serialToIso(p.current.end),
    ])
  ).toEqual([
    ["2023-01-01", "2023-12-31"],
    ["2024-01-01", "2024-12-31"],
  ]);
  expect(beforeData({ start: 10, end: 20 }, 21)).toBe(true);
  expect(beforeData({ start: 10, end: 20 }, 20)).toBe(false);
  expect(beforeData({ start: 10, end: 20 }, 0)).toBe(true); // no rows at all
});

test.each<[IndicatorId, (number | null)[]]>([
  // Jul 2024 … Feb 2025. Sales: A 100 on 2024-06-10; B 400 on 2025-01-10; A 200, B 500, E 80 in February.
  ["revenue", [0, 0, 0, 0, 0, 0, 400, 780]],
  ["margin", [0, 0, 0, 0, 0, 0, 80, 160]],
  ["info.customers_buying", [0, 0, 0, 0, 0, 0, 1, 3]],
  ["info.revenue_per_customer", [null, null, null, null, null, null, 400, 260]],
  // Buyers in the 365 days to each month's end, of 50 accounts: A F from June; F leaves the window after 2025-02-28.
  ["info.penetration", [0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.06, 0.08]],
  ["mkt.leads", [0, 0, 0, 0, 0, 0, 0, 1]],
  ["mkt.lead_conversion", [null, null, null, null, null, null, null, 1]],
  ["sales.new_customers", [0, 0, 0, 0, 0, 0, 1, 1]], // B in January, E in February
  ["sales.repeat_customers", [0, 0, 0, 0, 0, 0, 0, 2]], // A and B in February
  // Of the buyers of the 365 days before each month (A, F; then B too), the share buying in it.
  ["sales.repeat_rate", [0, 0, 0, 0, 0, 0, 0, 2 / 3]],
  ["sales.upsell_customers", [0, 0, 0, 0, 0, 0, 0, 1]], // B: 500 in February > 400 in January 1–28
  ["sales.upsell_revenue", [0, 0, 0, 0, 0, 0, 0, 100]],
  ["sales.cross_sell_customers", [0, 0, 0, 0, 0, 0, 0, 0]], // A and B buy line X again
  // The 90 days to each month's end, of the 7 listed customers: A (June 10) to August; B; A B E.
  ["svc.activation_rate", [1 / 7, 1 / 7, 0, 0, 0, 0, 1 / 7, 3 / 7]],
  ["svc.top20_share", [null, null, null, null, null, null, 1, 500 / 780]],
  [
    "svc.hhi",
    [
      null,
      null,
      null,
      null,
      null,
      null,
      10000,
      (10000 * (500 ** 2 + 200 ** 2 + 80 ** 2)) / 780 ** 2,
    ],
  ],
  ["svc.pareto_customers", [null, null, null, null, null, null, 1, 2]], // 500 + 200 of 780 ≥ 80%
  // A, active on August 31 by its June 10 purchase, is no longer on September 30.
  ["svc.lapsing_customers", [0, 1, 0, 0, 0, 0, 0, 0]],
  // On a period's last day nothing is left of it to expect.
  ["svc.expected_revenue", [null, null, null, null, null, null, null, null]],
])("%s, month by month", (id, expected) => {
  const got = values(monthly, id);
  got.forEach((v, i) =>
    expected[i] === null
      ? expect([i, v]).toEqual([i, null])
      : expect([i, v]).toEqual([i, expect.closeTo(expected[i] as number, 12)])
  );
});

test("a value missing in a past period says why, as the current one does", () => {
  const reasons = (id: IndicatorId) => monthly.history.points[id].map((p) => p.reason);
  expect(reasons("info.revenue_per_customer").slice(0, 6)).toEqual(
    Array(6).fill("no_buying_customers")
  );
  expect(reasons("mkt.lead_conversion")[6]).toBe("no_leads_in_period");
  expect(reasons("svc.expected_revenue")).toEqual(Array(8).fill("no_days_left_in_period"));
  expect(reasons("revenue")).toEqual(Array(8).fill(null));
  // Not mapped: never available, in the past either.
  const bare = card([SALES], { asOf, period: "month" });
  expect(bare.history.points["mkt.leads"].map((p) => p.reason)).toEqual(
    Array(8).fill("no_leads_table")
  );
});

test("quarters: those that end before the first sale (2024-03-01) are null with that reason", () => {
  const quarterly = card(FIXTURE, { asOf, period: "quarter" });
  const revenue = quarterly.history.points.revenue;
  expect(revenue.map((p) => [serialToIso(p.start), p.value, p.reason])).toEqual([
    ["2023-01-01", null, "period_before_data"],
    ["2023-04-01", null, "period_before_data"],
    ["2023-07-01", null, "period_before_data"],
    ["2023-10-01", null, "period_before_data"],
    ["2024-01-01", 60, null], // the data begin inside it: F's 60 on 2024-03-01
    ["2024-04-01", 100, null],
    ["2024-07-01", 0, null],
    ["2024-10-01", 0, null],
  ]);
  for (const d of INDICATORS)
    expect(quarterly.history.points[d.id].slice(0, 4).map((p) => p.reason)).toEqual(
      Array(4).fill("period_before_data")
    );
});

test("JSON: a history per indicator, oldest first, ISO days, the reason in words", () => {
  const json = scorecardJson(monthly, (r) => LABELS.en.reasons[r]);
  for (const d of INDICATORS) expect(json.indicators[d.id].history).toHaveLength(8);
  expect(json.indicators.revenue.history?.[7]).toEqual({
    start: "2025-02-01",
    end: "2025-02-28",
    value: 780,
    reason: null,
  });
  expect(json.indicators["info.revenue_per_customer"].history?.[0]).toEqual({
    start: "2024-07-01",
    end: "2024-07-31",
    value: null,
    reason: LABELS.en.reasons.no_buying_customers,
  });
  // The key comes last in each indicator, after the forecasts.
  expect(Object.keys(json.indicators.revenue)).toEqual([
    "value",
    "previous",
    "forecast",
    "status",
    "reason",
    "forecasts",
    "chosen",
    "history",
  ]);
});

describe("on the sample workbook: each point is the scorecard's value as of that period's last day", () => {
  const tables: SourceTable[] = sampleSourceTables({ customers: 60 });
  test.each(["month", "quarter"] as const)("by %s", (period) => {
    const c = card(tables, { period });
    c.history.periods.forEach((p, i) => {
      const separately = card(tables, { period, asOf: p.current.end });
      expect(separately.period.current).toEqual(p.current);
      for (const r of separately.indicators) {
        const point = c.history.points[r.info.id][i];
        expect([r.info.id, i, point.value, point.reason]).toEqual([
          r.info.id,
          i,
          r.value,
          r.reason,
        ]);
      }
    });
    // The sample's two and a half years cover every past quarter; some values are there.
    expect(c.history.points.revenue.every((p) => p.value !== null && p.value > 0)).toBe(true);
  });
});
