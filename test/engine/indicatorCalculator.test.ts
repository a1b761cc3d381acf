/**
 * Every indicator over any span of days, through one call (what a history of past periods asks
 * for): the scorecard's current and previous values are that call on its two spans, and a whole
 * past month gives the hand-worked fixture's figures.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { CustomerModelsByDay } from "../../src/engine/customerOutlook";
import { INDICATORS } from "../../src/engine/indicatorCatalog";
import { IndicatorCalculator } from "../../src/engine/indicators";
import { periodOf } from "../../src/engine/period";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { REVENUE } from "../../src/engine/stages/overview";
import { guessMapping } from "../../src/engine/tableMapping";
import { AS_OF_ISO, CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

const read = readScorecardData(guessMapping([SALES, CUSTOMERS, LEADS, MARKET]));
if (!read.ok) throw new Error(read.error.message);
const data = read.value;
const asOf = isoDateToSerial(AS_OF_ISO);
const period = periodOf("month", asOf);
const calculator = new IndicatorCalculator(
  data,
  { asOf: null, ...DEFAULT_SETTINGS.activation },
  new CustomerModelsByDay(data, asOf)
);
const built = buildScorecard(data, { ...DEFAULT_SETTINGS, asOf, period: "month" });
if (!built.ok) throw new Error(built.error.message);
const card = built.value;

test("the scorecard's values and previous values are the calculator's on the current and previous spans", () => {
  const now = calculator.over({
    span: period.current,
    comparison: period.previous,
    periodEnd: period.full.end,
  });
  const before = calculator.over({
    span: period.previous,
    comparison: period.beforePrevious,
    periodEnd: period.current.start - 1,
  });
  for (const r of card.indicators) {
    expect([r.info.id, now.values[r.info.id]]).toEqual([
      r.info.id,
      { value: r.value, reason: r.reason },
    ]);
    expect([r.info.id, before.values[r.info.id].value]).toEqual([r.info.id, r.previous]);
  }
  expect(Object.keys(now.values)).toEqual(INDICATORS.map((d) => d.id));
});

test("a whole past month, January 2025: its figures, each definition from the span's totals", () => {
  const january = { start: isoDateToSerial("2025-01-01"), end: isoDateToSerial("2025-01-31") };
  const december = { start: isoDateToSerial("2024-12-01"), end: isoDateToSerial("2024-12-31") };
  const figures = calculator.over({ span: january, comparison: december, periodEnd: january.end });
  // January: B's 400 only. B first bought then: a new customer; nobody bought in December.
  expect(figures.values.revenue).toEqual({ value: 400, reason: null });
  expect(figures.values.margin).toEqual({ value: 80, reason: null });
  expect(figures.values["info.customers_buying"].value).toBe(1);
  expect(figures.values["sales.new_customers"].value).toBe(1);
  expect(figures.values["sales.repeat_customers"].value).toBe(0);
  expect(figures.values["sales.upsell_customers"].value).toBe(0);
  // Of A and F (bought in the 365 days before January), neither buys in it.
  expect(figures.values["sales.repeat_rate"].value).toBe(0);
  // On its last day nothing is left of the period to expect.
  expect(figures.values["svc.expected_revenue"]).toEqual({
    value: null,
    reason: "no_days_left_in_period",
  });
  expect(REVENUE.value(figures.totals)).toEqual(figures.values.revenue);
});
