/**
 * The whole scorecard of SPEC.md §3 from the mapped data: every indicator now and in the
 * previous comparable period, change, forecast, status against targets, and the breakdowns.
 */
import { ActivationDefinition } from "../core/activation";
import { Result, ok, valueError } from "../core/result";
import { serialToIso } from "../core/cells";
import { INDICATORS, IndicatorId, IndicatorInfo } from "./indicatorCatalog";
import { Reason, indicatorsFor, salesFacts } from "./indicators";
import { Period, PeriodKind, periodOf } from "./period";
import { ScorecardData } from "./scorecardData";
import { Status, forecastOf, statusOf } from "./status";
import { DEFAULT_VALUE_SETTINGS, TIERS, Tier, ValueSettings, ValueTable, valueTable } from "./valueTiers";

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
  readonly info: IndicatorInfo;
  readonly value: number | null;
  readonly previous: number | null;
  readonly change: number | null;
  readonly forecast: number | null;
  readonly target: number | null;
  readonly status: Status | null;
  readonly reason: Reason | null;
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
export const CHANNEL_OF_TIER: Record<Tier, Channel> = { A: "key_account_manager", B: "inside_sales", C: "digital_self_service" };

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
}

export function buildScorecard(data: ScorecardData, settings: ScorecardSettings = DEFAULT_SETTINGS): Result<Scorecard> {
  const asOf = settings.asOf ?? data.sales.latestDay;
  if (asOf < 1) return valueError("the sales table has no rows with a customer: add sales rows with a customer, a date and an amount");
  const period = periodOf(settings.period, asOf);
  const facts = salesFacts(data);
  const activation = { asOf: null, ...settings.activation };
  const now = indicatorsFor(data, facts, period.current, period.previous, activation);
  const before = indicatorsFor(data, facts, period.previous, period.beforePrevious, activation);

  const indicators = INDICATORS.map((info): IndicatorResult => {
    const { value, reason } = now.values[info.id];
    const previous = before.values[info.id].value;
    const forecast = forecastOf(info, value, period.daysInPeriod, period.elapsedDays);
    const target = settings.targets[info.id] ?? null;
    return {
      info,
      value,
      previous,
      change: value !== null && previous !== null ? value - previous : null,
      forecast,
      target,
      status: statusOf(info, value, forecast, target),
      reason,
    };
  });

  const value = valueTable(data, facts, asOf, settings.value);
  const revenueNow = now.values.revenue.value ?? 0;
  const tiers = TIERS.map((tier): TierRow => {
    let customers = 0;
    let revenue = 0;
    let active = 0;
    value.customers.forEach((c, r) => {
      if (value.tiers[r] !== tier) return;
      customers++;
      revenue += now.revenueByCustomer[c];
      active += now.active[c];
    });
    return {
      tier,
      customers,
      revenueShare: revenueNow !== 0 ? revenue / revenueNow : null,
      activation: customers > 0 ? active / customers : null,
      channel: CHANNEL_OF_TIER[tier],
    };
  });

  return ok({
    period,
    asOfGiven: settings.asOf !== null,
    customerLabels: Array.from({ length: data.index.count }, (_, c) => data.index.label(c)),
    settings: { ...settings, asOf },
    indicators,
    bySegment: segmentRows(data, now.revenueByCustomer, now.buying),
    byLeadSource: leadSourceRows(data, period.current.start, period.current.end),
    tiers,
    value,
    revenueByCustomer: now.revenueByCustomer,
  });
}

function segmentRows(data: ScorecardData, revenue: Float64Array, buying: Uint8Array): SegmentRow[] | null {
  const segmentOf = data.segmentOfCustomer;
  if (segmentOf === null) return null;
  const rows = data.segments.map((segment) => ({ segment: segment as string | null, revenue: 0, customers: 0 }));
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
  const rows = source.names.map((name) => ({ source: name as string | null, leads: 0, converted: 0 }));
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
  readonly period: { readonly start: string; readonly end: string; readonly previousStart: string; readonly previousEnd: string };
  readonly indicators: Record<string, { value: number | null; previous: number | null; forecast: number | null; status: Status | null; reason: string | null }>;
}

export function scorecardJson(card: Scorecard, reasonText: (r: Reason) => string): ScorecardJson {
  const indicators: ScorecardJson["indicators"] = {};
  for (const r of card.indicators) {
    indicators[r.info.id] = { value: r.value, previous: r.previous, forecast: r.forecast, status: r.status, reason: r.reason === null ? null : reasonText(r.reason) };
  }
  const p = card.period;
  return {
    asOf: serialToIso(p.asOf),
    period: { start: serialToIso(p.current.start), end: serialToIso(p.current.end), previousStart: serialToIso(p.previous.start), previousEnd: serialToIso(p.previous.end) },
    indicators,
  };
}
