/**
 * The whole scorecard of SPEC.md §3 from the mapped data: every indicator now and in the
 * previous comparable period, change, forecast, status against targets, and the breakdowns.
 */
import { ActivationDefinition } from "../core/activation";
import { Result, ok, valueError } from "../core/result";
import { serialToIso } from "../core/cells";
import { INDICATORS, IndicatorId } from "./indicatorCatalog";
import { IndicatorDefinition } from "./indicatorDefinition";
import { CallList, CustomerModelsByDay, customersToCall } from "./customerOutlook";
import { HoldoutCheck, holdoutCheck } from "./holdoutCheck";
import { IndicatorHistory, indicatorHistory } from "./history";
import { ModelCheckJson, modelCheckJson } from "./modelCheckJson";
import { IndicatorCalculator, SpanFigures, currentSpan, previousSpan } from "./indicators";
import { SpanTotals } from "./indicatorTotals";
import { Reason } from "./indicatorValue";
import { MARGIN, REVENUE } from "./stages/overview";
import { Period, PeriodKind, periodOf } from "./period";
import { ScorecardData } from "./scorecardData";
import {
  DailyTotals,
  FORECAST_METHODS,
  ForecastMethod,
  MethodForecast,
  RevenueForecasts,
  newCustomerRevenueOf,
  periodPace,
  revenueForecasts,
} from "./revenueForecast";
import { Status, forecastOf, statusOf } from "./status";
import {
  DEFAULT_VALUE_SETTINGS,
  TIERS,
  Tier,
  ValueSettings,
  ValueTable,
  valueTable,
} from "./valueTiers";

export interface ScorecardSettings {
  /** Last day counted; null means the latest sales date. */
  readonly asOf: number | null;
  readonly period: PeriodKind;
  readonly activation: Omit<ActivationDefinition, "asOf">;
  readonly value: ValueSettings;
  readonly targets: Partial<Record<IndicatorId, number>>;
}

export const DEFAULT_SETTINGS: ScorecardSettings = {
  asOf: null,
  period: "quarter",
  activation: { windowDays: 90, minPurchases: 1, minAmount: 0 },
  value: DEFAULT_VALUE_SETTINGS,
  targets: {},
};

export interface IndicatorResult {
  readonly info: IndicatorDefinition<IndicatorId>;
  readonly value: number | null;
  readonly previous: number | null;
  readonly change: number | null;
  readonly forecast: number | null;
  readonly target: number | null;
  readonly status: Status | null;
  readonly reason: Reason | null;
  /** Revenue and margin: each method's forecast (SPEC.md §3.4) and the one `forecast` is. */
  readonly forecasts: {
    readonly methods: Partial<Record<ForecastMethod, MethodForecast>>;
    readonly chosen: ForecastMethod;
  } | null;
}

export interface SegmentRow {
  readonly segment: string | null;
  readonly revenue: number;
  readonly customers: number;
}

export interface LeadSourceRow {
  readonly source: string | null;
  readonly leads: number;
  readonly converted: number;
}

/** The service channel SPEC.md §3.3 suggests for each tier. */
export type Channel = "key_account_manager" | "inside_sales" | "digital_self_service";
export const CHANNEL_OF_TIER: Record<Tier, Channel> = {
  A: "key_account_manager",
  B: "inside_sales",
  C: "digital_self_service",
};

export interface TierRow {
  readonly tier: Tier;
  readonly customers: number;
  readonly revenueShare: number | null;
  readonly activation: number | null;
  readonly channel: Channel;
}

export interface Scorecard {
  readonly period: Period;
  /** True when the caller fixed as_of; false when it is the latest sales date. */
  readonly asOfGiven: boolean;
  /** Each customer code's id as first seen. */
  readonly customerLabels: readonly string[];
  readonly settings: ScorecardSettings;
  readonly indicators: readonly IndicatorResult[];
  readonly bySegment: readonly SegmentRow[] | null;
  readonly byLeadSource: readonly LeadSourceRow[] | null;
  readonly tiers: readonly TierRow[];
  readonly value: ValueTable;
  /** Each customer's revenue in the current period, by customer code. */
  readonly revenueByCustomer: Float64Array;
  /** Revenue to the period end by each method, backtested. */
  readonly revenueForecasts: RevenueForecasts;
  /** Margin at the prior-year pace (null when not mapped or not available). */
  readonly marginPriorYear: number | null;
  /** The lapsing customers with the most revenue at stake. */
  readonly customersToCall: CallList;
  /** The customer models checked on the last 90 days (SPEC.md §2.6). */
  readonly modelCheck: HoldoutCheck;
  /** Every indicator over the 8 whole periods before the current one. */
  readonly history: IndicatorHistory;
}

export function buildScorecard(
  data: ScorecardData,
  settings: ScorecardSettings = DEFAULT_SETTINGS
): Result<Scorecard> {
  const asOf = settings.asOf ?? data.sales.latestDay;
  if (asOf < 1)
    return valueError(
      "the sales table has no rows with a customer: add sales rows with a customer, a date and an amount"
    );
  const period = periodOf(settings.period, asOf);
  // One fit at as of, searched from several starts; the earlier days' fits start from it.
  const models = new CustomerModelsByDay(data, asOf);
  models.at(asOf);
  const indicators = new IndicatorCalculator(data, { asOf: null, ...settings.activation }, models);
  const facts = indicators.facts;
  const now = indicators.over(currentSpan(period));
  const before = indicators.over(previousSpan(period));

  const { customer, day, amount } = data.sales;
  const revenueTotals = new DailyTotals(customer, day, amount);
  const forecasts = revenueForecasts(
    {
      newCustomerRevenue: newCustomerRevenueOf(data, facts.firstPurchase),
      revenue: revenueTotals,
      expectedRevenue: (d, h) => models.expectedRevenue(d, h),
    },
    period,
    now.values[REVENUE.id].value ?? 0
  );
  const marginNow = now.values[MARGIN.id].value;
  const marginPriorYear =
    data.margin === null || marginNow === null
      ? null
      : periodPace(new DailyTotals(customer, day, data.margin), marginNow, period).priorYear;

  const results = indicatorResults(
    { now, before },
    period,
    { revenue: forecasts, marginPriorYear },
    settings.targets
  );
  const value = valueTable(data, facts, asOf, settings.value);
  const tiers = tierRows(
    value,
    now.totals.revenueByCustomer,
    now.totals.active,
    now.values[REVENUE.id].value ?? 0
  );

  return ok({
    period,
    asOfGiven: settings.asOf !== null,
    customerLabels: Array.from({ length: data.index.count }, (_, c) => data.index.label(c)),
    settings: { ...settings, asOf },
    indicators: results,
    bySegment: segmentRows(data, now.totals.revenueByCustomer, now.totals.buying),
    byLeadSource: leadSourceRows(data, period.current.start, period.current.end),
    tiers,
    value,
    revenueByCustomer: now.totals.revenueByCustomer,
    revenueForecasts: forecasts,
    marginPriorYear,
    customersToCall: customersToCall(models, asOf, now.totals.lapsing),
    modelCheck: holdoutCheck(models, asOf),
    history: indicatorHistory(indicators, period, facts.firstDay),
  });
}

/** Each indicator now and before, its change, forecast to the period end, target and status. */
export function indicatorResults(
  spans: { readonly now: SpanFigures<SpanTotals>; readonly before: SpanFigures<SpanTotals> },
  period: Period,
  forecasts: { readonly revenue: RevenueForecasts; readonly marginPriorYear: number | null },
  targets: ScorecardSettings["targets"]
): IndicatorResult[] {
  return INDICATORS.map((info): IndicatorResult => {
    const { value, reason } = spans.now.values[info.id];
    const previous = spans.before.values[info.id].value;
    const runRate = forecastOf(info, value, period.daysInPeriod, period.elapsedDays);
    let methods: NonNullable<IndicatorResult["forecasts"]> | null = null;
    // SPEC.md §3.4: every method for revenue, the prior-year pace beside margin's run rate.
    if (info === REVENUE)
      methods = { methods: forecasts.revenue.methods, chosen: forecasts.revenue.chosen };
    else if (info === MARGIN && value !== null)
      methods = {
        methods: {
          run_rate: { value: runRate, backtestError: null },
          prior_year: { value: forecasts.marginPriorYear, backtestError: null },
        },
        chosen: "run_rate",
      };
    const forecast = methods === null ? runRate : (methods.methods[methods.chosen]?.value ?? null);
    const target = targets[info.id] ?? null;
    return {
      info,
      value,
      previous,
      change: value !== null && previous !== null ? value - previous : null,
      forecast,
      target,
      status: statusOf(info, value, forecast, target),
      reason,
      forecasts: methods,
    };
  });
}

/**
 * Each value tier's customers, share of the period's revenue and activation, from each scored
 * customer's revenue in the period and activity at its end (by customer code).
 */
export function tierRows(
  value: ValueTable,
  revenueByCustomer: Float64Array,
  active: Uint8Array,
  revenueNow: number
): TierRow[] {
  return TIERS.map((tier): TierRow => {
    let customers = 0;
    let revenue = 0;
    let activeCount = 0;
    value.customers.forEach((c, r) => {
      if (value.tiers[r] !== tier) return;
      customers++;
      revenue += revenueByCustomer[c];
      activeCount += active[c];
    });
    return {
      tier,
      customers,
      revenueShare: revenueNow !== 0 ? revenue / revenueNow : null,
      activation: customers > 0 ? activeCount / customers : null,
      channel: CHANNEL_OF_TIER[tier],
    };
  });
}

function segmentRows(
  data: ScorecardData,
  revenue: Float64Array,
  buying: Uint8Array
): SegmentRow[] | null {
  const segmentOf = data.segmentOfCustomer;
  if (segmentOf === null) return null;
  const rows = data.segments.map((segment) => ({
    segment: segment as string | null,
    revenue: 0,
    customers: 0,
  }));
  const unknown = { segment: null as string | null, revenue: 0, customers: 0 };
  for (let c = 0; c < revenue.length; c++) {
    const s = c < segmentOf.length ? segmentOf[c] : -1;
    const row = s >= 0 ? rows[s] : unknown;
    row.revenue += revenue[c];
    row.customers += buying[c];
  }
  return unknown.revenue !== 0 || unknown.customers !== 0 ? [...rows, unknown] : rows;
}

function leadSourceRows(data: ScorecardData, start: number, end: number): LeadSourceRow[] | null {
  if (data.leads === null) return null;
  const { day, source, converted } = data.leads;
  const rows = source.names.map((name) => ({
    source: name as string | null,
    leads: 0,
    converted: 0,
  }));
  const unknown = { source: null as string | null, leads: 0, converted: 0 };
  for (let i = 0; i < day.length; i++) {
    if (day[i] < start || day[i] > end) continue;
    const row = source.codes[i] >= 0 ? rows[source.codes[i]] : unknown;
    row.leads++;
    row.converted += converted[i];
  }
  return unknown.leads > 0 ? [...rows, unknown] : rows;
}

/** The scorecard as the CLI's --json prints it (SPEC.md §4). */
export interface ScorecardJson {
  readonly asOf: string;
  readonly period: {
    readonly start: string;
    readonly end: string;
    readonly previousStart: string;
    readonly previousEnd: string;
  };
  readonly indicators: Record<string, IndicatorJson>;
  readonly model_check: ModelCheckJson;
}

export interface IndicatorJson {
  value: number | null;
  previous: number | null;
  forecast: number | null;
  status: Status | null;
  reason: string | null;
  /** Revenue and margin (SPEC.md §3.4). */
  forecasts?: Partial<
    Record<ForecastMethod, { value: number | null; backtest_error: number | null }>
  >;
  chosen?: ForecastMethod;
  /** The 8 whole periods before the current one, oldest first (SPEC.md §3.3). */
  history?: HistoryPointJson[];
}

export interface HistoryPointJson {
  start: string;
  end: string;
  value: number | null;
  reason: string | null;
}

export function scorecardJson(card: Scorecard, reasonText: (r: Reason) => string): ScorecardJson {
  const indicators: ScorecardJson["indicators"] = {};
  for (const r of card.indicators) {
    const json: IndicatorJson = {
      value: r.value,
      previous: r.previous,
      forecast: r.forecast,
      status: r.status,
      reason: r.reason === null ? null : reasonText(r.reason),
    };
    if (r.forecasts !== null) {
      const forecasts: NonNullable<IndicatorJson["forecasts"]> = {};
      for (const method of FORECAST_METHODS) {
        const m = r.forecasts.methods[method];
        if (m !== undefined)
          forecasts[method] = { value: m.value, backtest_error: m.backtestError };
      }
      json.forecasts = forecasts;
      json.chosen = r.forecasts.chosen;
    }
    json.history = card.history.points[r.info.id].map((h) => ({
      start: serialToIso(h.start),
      end: serialToIso(h.end),
      value: h.value,
      reason: h.reason === null ? null : reasonText(h.reason),
    }));
    indicators[r.info.id] = json;
  }
  const p = card.period;
  return {
    asOf: serialToIso(p.asOf),
    period: {
      start: serialToIso(p.current.start),
      end: serialToIso(p.current.end),
      previousStart: serialToIso(p.previous.start),
      previousEnd: serialToIso(p.previous.end),
    },
    indicators,
    model_check: modelCheckJson(card.modelCheck, reasonText),
  };
}
