/**
 * Forecasts to the period end that prove themselves (SPEC.md §3.4): revenue by run rate,
 * prior-year pace and the customer model, each made again as of the same point of the 4 periods
 * before this one, with only the rows up to then, and compared with what those periods turned out
 * to be. The method with the lowest mean absolute percentage error is the headline forecast.
 * Margin gets the run rate and the prior-year pace, without a backtest.
 */
import { IndicatorValue } from "./indicatorValue";
import { MONTHS, Period, shiftMonths } from "./period";
import { ScorecardData } from "./scorecardData";

export const FORECAST_METHODS = ["run_rate", "prior_year", "customer_model"] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Periods before the current one that the forecasts are tested on. */
export const BACKTEST_PERIODS = 4;
/** A backtest period starts at least this many days after the first sale (a year of history to pace by). */
export const BACKTEST_HISTORY_DAYS = 365;

export interface MethodForecast {
  readonly value: number | null;
  /** Mean absolute percentage error over the backtest periods; null when not tested on all of them. */
  readonly backtestError: number | null;
}

export interface BacktestPeriod {
  readonly start: number;
  /** The day the forecasts were made as of: the same number of days into the period as now. */
  readonly asOf: number;
  readonly end: number;
  readonly actual: number;
  readonly forecasts: Readonly<Record<ForecastMethod, number | null>>;
}

export interface RevenueForecasts {
  readonly methods: Readonly<Record<ForecastMethod, MethodForecast>>;
  /** The headline: the lowest backtest error; run rate on ties or without a backtest. */
  readonly chosen: ForecastMethod;
  /** The periods tested, the latest first. */
  readonly backtest: readonly BacktestPeriod[];
}

/** A measure's totals over runs of days: prefix sums over the days of the sales rows with a customer. */
export class DailyTotals {
  private readonly firstDay: number;
  private readonly prefix: Float64Array;

  /** From rows: each row's customer code (negative: no customer, left out), day and value. */
  constructor(customer: Int32Array, day: Int32Array, values: Float64Array) {
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < day.length; i++) {
      if (customer[i] < 0) continue;
      if (day[i] < first) first = day[i];
      if (day[i] > last) last = day[i];
    }
    this.firstDay = first === Infinity ? 0 : first;
    const span = first === Infinity ? 0 : last - first + 1;
    this.prefix = new Float64Array(span + 1);
    for (let i = 0; i < day.length; i++)
      if (customer[i] >= 0) this.prefix[day[i] - this.firstDay + 1] += values[i];
    for (let d = 0; d < span; d++) this.prefix[d + 1] += this.prefix[d];
  }

  /** From each day's total, as a SQL engine adds them up: one row per day. */
  static ofDays(days: Int32Array, totals: Float64Array): DailyTotals {
    return new DailyTotals(new Int32Array(days.length), days, totals);
  }

  /** The first day with a row, 0 without rows. */
  get first(): number {
    return this.firstDay;
  }

  /** The total from `from` to `to`, both included. */
  between(from: number, to: number): number {
    const at = (d: number): number =>
      this.prefix[Math.max(0, Math.min(this.prefix.length - 1, d - this.firstDay))];
    return to < from ? 0 : at(to + 1) - at(from);
  }
}

/** Run rate and prior-year pace of a flow `soFar` from `start` to `asOf`, in a period ending at `end`. */
export function paceForecasts(
  totals: DailyTotals,
  soFar: number,
  start: number,
  asOf: number,
  end: number,
  months: number
): { runRate: number; priorYear: number | null } {
  const elapsed = asOf - start + 1;
  const runRate = (soFar * (end - start + 1)) / elapsed;
  // The same period a year earlier: F over all of it, P over its first `elapsed` days.
  const yearAgo = shiftMonths(start, -12);
  const yearAgoEnd = shiftMonths(yearAgo, months) - 1;
  const whole = totals.between(yearAgo, yearAgoEnd);
  const part = totals.between(yearAgo, Math.min(yearAgo + elapsed - 1, yearAgoEnd));
  const priorYear = totals.first > yearAgo || !(part > 0) ? null : (soFar * whole) / part;
  return { runRate, priorYear };
}

/** What the revenue forecasts need from the rest of the engine. */
export interface RevenueSources {
  readonly revenue: DailyTotals;
  /** Revenue from `start` to `asOf` of the customers whose first purchase is in those days. */
  readonly newCustomerRevenue: (start: number, asOf: number) => number;
  /** Σ expected revenue, fitted at a day, over the next `horizon` days (svc.expected_revenue's rule). */
  readonly expectedRevenue: (day: number, horizon: number) => IndicatorValue;
}

/** The memory engine's new customers' revenue, from the rows and each customer's first purchase day (0 for none). */
export function newCustomerRevenueOf(
  data: ScorecardData,
  firstPurchase: Int32Array
): RevenueSources["newCustomerRevenue"] {
  return (start, asOf) => {
    const { customer, day, amount } = data.sales;
    let sum = 0;
    for (let i = 0; i < customer.length; i++) {
      const c = customer[i];
      if (c < 0 || day[i] < start || day[i] > asOf) continue;
      const first = firstPurchase[c];
      if (first >= start && first <= asOf) sum += amount[i];
    }
    return sum;
  };
}

/** The pace forecasts of a flow over the current period of `period`, as of its as-of day. */
export function periodPace(
  totals: DailyTotals,
  soFar: number,
  period: Period
): { runRate: number; priorYear: number | null } {
  return paceForecasts(
    totals,
    soFar,
    period.current.start,
    period.asOf,
    period.full.end,
    MONTHS[period.kind]
  );
}

function forecastsAt(
  s: RevenueSources,
  soFar: number,
  start: number,
  asOf: number,
  end: number,
  months: number
): Record<ForecastMethod, number | null> {
  const { runRate, priorYear } = paceForecasts(s.revenue, soFar, start, asOf, end, months);
  // The customer model: revenue so far, what the customers known at as of will spend, and the
  // new customers' revenue so far at its pace for the remaining days.
  const remaining = end - asOf;
  const expected = s.expectedRevenue(asOf, remaining).value;
  const customerModel =
    expected === null
      ? null
      : soFar + expected + (s.newCustomerRevenue(start, asOf) * remaining) / (asOf - start + 1);
  return { run_rate: runRate, prior_year: priorYear, customer_model: customerModel };
}

/**
 * The periods the forecasts are tested on: each of the BACKTEST_PERIODS before the current one,
 * from its start to its end, with the day its forecasts are made as of (the same number of days in).
 */
export function backtestSpans(period: Period): { start: number; asOf: number; end: number }[] {
  const months = MONTHS[period.kind];
  const spans: { start: number; asOf: number; end: number }[] = [];
  for (let k = 1; k <= BACKTEST_PERIODS; k++) {
    const start = shiftMonths(period.current.start, -k * months);
    const end = shiftMonths(start, months) - 1;
    spans.push({ start, asOf: Math.min(start + period.elapsedDays - 1, end), end });
  }
  return spans;
}

/** Every method's forecast of the revenue `revenueNow` to the period end, backtested, and the headline chosen. */
export function revenueForecasts(
  s: RevenueSources,
  period: Period,
  revenueNow: number
): RevenueForecasts {
  const months = MONTHS[period.kind];
  const start = period.current.start;
  const now = forecastsAt(s, revenueNow, start, period.asOf, period.full.end, months);

  const backtest: BacktestPeriod[] = [];
  for (const { start: from, asOf, end: to } of backtestSpans(period)) {
    const actual = s.revenue.between(from, to);
    if (s.revenue.first === 0 || from - s.revenue.first < BACKTEST_HISTORY_DAYS || !(actual > 0))
      continue;
    backtest.push({
      start: from,
      asOf,
      end: to,
      actual,
      forecasts: forecastsAt(s, s.revenue.between(from, asOf), from, asOf, to, months),
    });
  }

  const methods = {} as Record<ForecastMethod, MethodForecast>;
  for (const method of FORECAST_METHODS) {
    const errors = backtest.map((b) => {
      const f = b.forecasts[method];
      return f === null ? null : Math.abs(f - b.actual) / b.actual;
    });
    const tested = backtest.length > 0 && errors.every((e) => e !== null);
    methods[method] = {
      value: now[method],
      backtestError: tested
        ? (errors as number[]).reduce((a, e) => a + e, 0) / errors.length
        : null,
    };
  }
  return { methods, chosen: chooseMethod(methods), backtest };
}

/**
 * The headline method: the lowest backtest error among the methods with a forecast now; on a tie
 * the first in FORECAST_METHODS (run rate first); run rate when none was backtested.
 */
export function chooseMethod(
  methods: Readonly<Record<ForecastMethod, MethodForecast>>
): ForecastMethod {
  let chosen: ForecastMethod = "run_rate";
  let best = Infinity;
  for (const method of FORECAST_METHODS) {
    const m = methods[method];
    if (m.value === null || m.backtestError === null) continue;
    if (m.backtestError < best) {
      best = m.backtestError;
      chosen = method;
    }
  }
  return chosen;
}
