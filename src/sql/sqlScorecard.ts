/**
 * The whole scorecard of SPEC.md §3 on a SQL engine: the twin of engine/scorecard.ts's
 * buildScorecard, with the same results (the JSON agrees with the memory engine's: counts exactly,
 * money and ratios to rounding, model figures to the optimiser's tolerance). Every total, list and
 * summary is computed in the database; Node fits the models on summaries, chooses the forecasts
 * and assembles the same Scorecard the plan, the JSON and the summary read.
 */

import { Result, ok, valueError } from "../core/result";
import { hasDaysToCome, rankToCall } from "../engine/customerOutlook";
import { HOLDOUT_DAYS, HoldoutCheck } from "../engine/holdoutCheck";
import { IndicatorSpan, SpanTotals } from "../engine/indicatorTotals";
import { IndicatorHistory, beforeData, historyOf, pastPeriods } from "../engine/history";
import { IndicatorValues } from "../engine/indicatorCatalog";
import { SpanFigures, currentSpan, valuesOf } from "../engine/indicators";
import { IndicatorValue } from "../engine/indicatorValue";
import { Period, periodOf } from "../engine/period";
import {
  DailyTotals,
  RevenueForecasts,
  backtestSpans,
  periodPace,
  revenueForecasts,
} from "../engine/revenueForecast";
import { Scorecard, ScorecardSettings, indicatorResults, tierRows } from "../engine/scorecard";
import { MARGIN, REVENUE } from "../engine/stages/overview";
import { scoredValueTable } from "../engine/valueTiers";
import {
  ReturnedCustomers,
  allLabels,
  callCandidates,
  leadSourceRows,
  segmentRows,
  topCustomers,
  valueAttributesOf,
} from "./sqlBreakdowns";
import { valueAttributes } from "./sqlBreakdowns";
import { SqlConnection, doublesOf, integersOf } from "./sqlConnection";
import { SqlData } from "./sqlData";
import { SqlModelsByDay } from "./sqlModels";
import { FactsRequest, customerFacts, spanCustomers, sqlSpanTotals } from "./sqlTotals";

export interface SqlScorecardRequest {
  readonly data: SqlData;
  readonly settings: ScorecardSettings;
  /** Gather what a sheet shows of every customer (the value table): for --out. */
  readonly sheet: boolean;
  /** The Leads table has a source column. */
  readonly leadSources: boolean;
}

const sameSpan = (a: IndicatorSpan, b: IndicatorSpan): boolean =>
  a.span.start === b.span.start &&
  a.span.end === b.span.end &&
  a.comparison.start === b.comparison.start &&
  a.comparison.end === b.comparison.end &&
  a.periodEnd === b.periodEnd;

/** The days and spans the queries are asked for. */
interface Plan {
  readonly period: Period;
  readonly now: IndicatorSpan;
  readonly before: IndicatorSpan;
  readonly facts: FactsRequest;
  readonly backtests: ReturnType<typeof backtestSpans>;
  /** The whole periods before the current one with data, each as of its last day (history.ts). */
  readonly history: readonly { readonly period: Period; readonly k: number | null }[];
}

function planOf(asOf: number, settings: ScorecardSettings, firstDay: number): Plan {
  const period = periodOf(settings.period, asOf);
  const now = { span: period.current, comparison: period.previous, periodEnd: period.full.end };
  const before = {
    span: period.previous,
    comparison: period.beforePrevious,
    periodEnd: period.current.start - 1,
  };
  const backtests = backtestSpans(period);
  // Past periods are spans 2, 3, … of the one pass over the customers; none before the data begin.
  // The last one, as of its end, is often the span before (when as of ends its period): span 1.
  let k = 2;
  const pastSpans: IndicatorSpan[] = [];
  const history = pastPeriods(period).map((p) => {
    if (beforeData(p.current, firstDay)) return { period: p, k: null };
    const s = currentSpan(p);
    if (sameSpan(s, before)) return { period: p, k: 1 };
    pastSpans.push(s);
    return { period: p, k: k++ };
  });
  // The models are fitted at as of, at the holdout's start, and wherever revenue is expected over
  // days still to come: a span that ends its period expects none (spanFigures, forecasts).
  const expecting = (day: number, horizon: number): number[] =>
    hasDaysToCome(horizon) ? [day] : [];
  const modelDays = [
    ...new Set([
      asOf,
      asOf - HOLDOUT_DAYS,
      ...expecting(before.span.end, before.periodEnd - before.span.end),
      ...backtests.flatMap((b) => expecting(b.asOf, b.end - b.asOf)),
      ...pastSpans.flatMap((s) => expecting(s.span.end, s.periodEnd - s.span.end)),
    ]),
  ];
  return {
    period,
    now,
    before,
    backtests,
    history,
    facts: {
      spans: [now, before, ...pastSpans],
      modelDays,
      newCustomerWindows: [
        { start: period.current.start, end: asOf },
        ...backtests.map((b) => ({ start: b.start, end: b.asOf })),
      ],
      valueDay: asOf,
      activation: settings.activation,
    },
  };
}

/** Each day's revenue and margin, for the run rate, the prior-year pace and the backtests. */
async function dailyTotals(
  c: SqlConnection
): Promise<{ revenue: DailyTotals; margin: DailyTotals }> {
  const r = await c.columns(
    "SELECT d, SUM(net) AS net, SUM(mg) AS mg FROM spec_days GROUP BY d ORDER BY d"
  );
  const days = integersOf(r.d);
  return {
    revenue: DailyTotals.ofDays(days, doublesOf(r.net)),
    margin: DailyTotals.ofDays(days, doublesOf(r.mg)),
  };
}

/** Revenue of each window from the customers whose first purchase is in it. */
async function newCustomerRevenue(
  c: SqlConnection,
  windows: FactsRequest["newCustomerWindows"]
): Promise<(start: number, asOf: number) => number> {
  const r = await c.columns(
    `SELECT ${windows.map((w, k) => `SUM(CASE WHEN first_purchase >= ${w.start} AND first_purchase <= ${w.end} THEN window_revenue_${k} ELSE 0 END) AS w${k}`).join(", ")} FROM spec_cust`
  );
  const values = windows.map((_, k) => doublesOf(r[`w${k}`])[0] || 0);
  return (start, asOf) => {
    const k = windows.findIndex((w) => w.start === start && w.end === asOf);
    if (k < 0) throw new Error(`no new customers' revenue gathered for ${start}..${asOf}`);
    return values[k];
  };
}

/** A span's figures: its totals from SQL and the customer models' expected revenue. */
/** Each indicator over the past periods (history.ts), from the spans the plan asked for. */
async function pastFigures(
  c: SqlConnection,
  request: SqlScorecardRequest,
  models: SqlModelsByDay,
  plan: Plan,
  before: SpanFigures<SpanTotals>
): Promise<IndicatorHistory> {
  const figures: (IndicatorValues | null)[] = [];
  for (const h of plan.history)
    figures.push(
      h.k === null
        ? null
        : h.k === 1
          ? before.values
          : (await spanFigures(c, request, models, h.k, currentSpan(h.period))).values
    );
  return historyOf(
    plan.history.map((h) => h.period),
    figures,
    request.data.firstDay
  );
}

async function spanFigures(
  c: SqlConnection,
  request: SqlScorecardRequest,
  models: SqlModelsByDay,
  k: number,
  s: IndicatorSpan
): Promise<SpanFigures<SpanTotals>> {
  const totals: SpanTotals = {
    ...(await sqlSpanTotals(c, request.data, k, s, request.settings.activation)),
    expectedRevenue: await models.expectedRevenue(s.span.end, s.periodEnd - s.span.end),
  };
  return { values: valuesOf(totals), totals };
}

/** Revenue to the period end by every method, backtested; margin's prior-year pace. */
async function forecasts(
  c: SqlConnection,
  plan: Plan,
  models: SqlModelsByDay,
  revenueNow: number,
  marginNow: number | null
): Promise<{ revenue: RevenueForecasts; marginPriorYear: number | null }> {
  const { period } = plan;
  const asked: [number, number][] = [
    [period.asOf, period.full.end - period.asOf],
    ...plan.backtests.map((b): [number, number] => [b.asOf, b.end - b.asOf]),
  ];
  const expected = new Map<string, IndicatorValue>();
  for (const [day, horizon] of asked)
    expected.set(`${day}/${horizon}`, await models.expectedRevenue(day, horizon));
  const totals = await dailyTotals(c);
  const revenue = revenueForecasts(
    {
      revenue: totals.revenue,
      newCustomerRevenue: await newCustomerRevenue(c, plan.facts.newCustomerWindows),
      expectedRevenue: (day, horizon) =>
        expected.get(`${day}/${horizon}`) ?? { value: null, reason: "model_not_fitted" },
    },
    period,
    revenueNow
  );
  const marginPriorYear =
    marginNow === null ? null : periodPace(totals.margin, marginNow, period).priorYear;
  return { revenue, marginPriorYear };
}

/** The model check on the last 90 days (SPEC.md §2.6). */
async function holdout(models: SqlModelsByDay, asOf: number): Promise<HoldoutCheck> {
  const calibrationEnd = asOf - HOLDOUT_DAYS;
  const check = await models.checkOnHoldout(calibrationEnd, asOf);
  return check.ok
    ? {
        calibrationEnd,
        holdoutEnd: asOf,
        check: check.value,
        reason: null,
        readWithCare: check.value.missedBadly,
      }
    : {
        calibrationEnd,
        holdoutEnd: asOf,
        check: null,
        reason: "model_not_fitted",
        readWithCare: false,
      };
}

export async function sqlScorecard(
  c: SqlConnection,
  request: SqlScorecardRequest
): Promise<Result<Scorecard>> {
  const { data, settings } = request;
  const asOf = settings.asOf ?? data.latestDay;
  if (asOf < 1)
    return valueError(
      "the sales table has no rows with a customer: add sales rows with a customer, a date and an amount"
    );
  const plan = planOf(asOf, settings, data.firstDay);
  await customerFacts(c, data, plan.facts);
  const models = new SqlModelsByDay(c, plan.facts.modelDays);
  // The holdout's fit from several starts runs in a worker thread beside the fit at as of.
  await models.startFresh(asOf - HOLDOUT_DAYS);
  await models.at(asOf);
  const now = await spanFigures(c, request, models, 0, plan.now);
  const before = await spanFigures(c, request, models, 1, plan.before);
  const history = await pastFigures(c, request, models, plan, before);
  const revenueNow = now.values[REVENUE.id].value ?? 0;
  const f = await forecasts(c, plan, models, revenueNow, now.values[MARGIN.id].value);
  const results = indicatorResults({ now, before }, plan.period, f, settings.targets);
  const relation = spanCustomers(c.dialect, data, 0, plan.now, settings.activation);
  await allLabels(c, data);
  const returned = new ReturnedCustomers();
  await topCustomers(c, relation, returned);
  const candidates = await callCandidates(c, relation, asOf, 0, settings.activation, returned);
  const attributes = request.sheet
    ? await valueAttributes(c, data, relation, asOf, returned)
    : {
        customers: new Int32Array(0),
        columns: new Map(valueAttributesOf(data).map((a) => [a, new Float64Array(0)])),
      };
  const value = scoredValueTable(attributes, settings.value);
  const revenueByCustomer = returned.revenueByCustomer();
  return ok({
    period: plan.period,
    asOfGiven: settings.asOf !== null,
    customerLabels: returned.labels,
    settings: { ...settings, asOf },
    indicators: results,
    bySegment: await segmentRows(c, data, relation),
    byLeadSource: await leadSourceRows(c, data, plan.period.current, request.leadSources),
    tiers: tierRows(value, revenueByCustomer, returned.activeByCustomer(), revenueNow),
    value,
    revenueByCustomer,
    revenueForecasts: f.revenue,
    marginPriorYear: f.marginPriorYear,
    customersToCall: rankToCall(candidates, await models.at(asOf)),
    modelCheck: await holdout(models, asOf),
    history,
  });
}
