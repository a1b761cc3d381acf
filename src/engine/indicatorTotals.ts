/**
 * A span's totals: everything the indicators of SPEC.md §3.3 are computed from, in one pass over
 * the sales rows plus per-customer typed arrays. Each indicator's definition (engine/stages/)
 * turns them into its value; the Service totals call the same core as the custom functions. The
 * SQL engines (src/sql) compute the same totals in the database, from each definition's `sql`.
 */
import { ActivationDefinition, countActive } from "../core/activation";
import { concentration } from "../core/concentration";
import { NumberCodes } from "../core/numberCodes";
import { CustomerModelsByDay } from "./customerOutlook";
import { IndicatorValue } from "./indicatorValue";
import { Lapsing, lapsingCustomers } from "./lapsingCustomers";
import { DaySpan } from "./period";
import { ScorecardData } from "./scorecardData";

/** Facts about the whole sales table that every span shares. */
export interface SalesFacts {
  /** Day of each customer's first purchase (amount > 0), 0 for none. */
  readonly firstPurchase: Int32Array;
  /** The first day of a sales row with a customer (where the data begin), 0 without rows. */
  readonly firstDay: number;
}

export function salesFacts(data: ScorecardData): SalesFacts {
  const { customer, day, amount } = data.sales;
  const firstPurchase = new Int32Array(data.index.count);
  let firstDay = 0;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c < 0) continue;
    if (firstDay === 0 || day[i] < firstDay) firstDay = day[i];
    if (!(amount[i] > 0)) continue;
    if (firstPurchase[c] === 0 || day[i] < firstPurchase[c]) firstPurchase[c] = day[i];
  }
  return { firstPurchase, firstDay };
}

/** A span of days the indicators are computed over. */
export interface IndicatorSpan {
  /** The days counted; the last one is the span's as of (D). */
  readonly span: DaySpan;
  /** The span before it, that upsell compares each customer's revenue with. */
  readonly comparison: DaySpan;
  /** The last day of the span's period: the horizon of the revenue the customer models expect. */
  readonly periodEnd: number;
}

/** Leads created in a span, and how many of them converted. */
export interface LeadCounts {
  readonly created: number;
  readonly converted: number;
}

/**
 * How concentrated a span's revenue is among its customers (SPEC.md §2.3, customers with revenue
 * above 0): the share of the top TOP_SHARE_PERCENT%, the HHI, and how many customers make
 * PARETO_PERCENT% of it.
 */
export interface RevenueConcentration {
  readonly topShare: number;
  readonly hhi: number;
  readonly paretoCustomers: number;
}

/** The `n` of the concentration measures the scorecard shows (svc.top20_share, svc.pareto_customers). */
export const TOP_SHARE_PERCENT = 20;
export const PARETO_PERCENT = 80;

/** The concentration of revenue by customer; null when no customer's revenue is above 0. */
export function revenueConcentration(revenueByCustomer: Float64Array): RevenueConcentration | null {
  const top = concentration(revenueByCustomer, "TOP_PCT", TOP_SHARE_PERCENT);
  const hhi = concentration(revenueByCustomer, "HHI", 0);
  const pareto = concentration(revenueByCustomer, "PARETO", PARETO_PERCENT);
  return top.ok && hhi.ok && pareto.ok
    ? { topShare: top.value, hhi: hhi.value, paretoCustomers: pareto.value }
    : null;
}

/** A span's totals, whichever engine computes them: what every definition's `value` reads. */
export interface SpanTotals {
  /** Net revenue of the rows with a customer. */
  readonly revenue: number;
  /** Their margin; null without a margin column. */
  readonly margin: number | null;
  /** Customers with a purchase (amount > 0) in the span. */
  readonly customersBuying: number;
  /** Of them, those whose first purchase ever is in the span, and the others. */
  readonly newCustomers: number;
  readonly repeatCustomers: number;
  /** Customers with a purchase in the 365 days before the span, and of them those buying in it. */
  readonly buyersYearBefore: number;
  readonly buyersYearBeforeBuyingNow: number;
  /** Customers with a purchase in the 365 days ending at the span's end. */
  readonly buyersYearToEnd: number;
  /** The Market table's potential accounts in all; null without a Market table. */
  readonly potentialAccounts: number | null;
  /** Customers whose revenue grew from the comparison span (where it was > 0), and by how much in all. */
  readonly upsellCustomers: number;
  readonly upsellRevenue: number;
  /** Existing customers who bought a product line new to them; null without a product line column. */
  readonly crossSellCustomers: number | null;
  /** Null without a Leads table. */
  readonly leads: LeadCounts | null;
  /** The activation base (SPEC.md §2.2) at the span's end, and its active customers. */
  readonly customerBase: number;
  readonly activeCustomers: number;
  /** How many customers active at the span's end lapse in the 30 days after it. */
  readonly lapsingCustomers: number;
  /** The span's revenue by customer, concentrated; null when no customer's revenue is above 0. */
  readonly concentration: RevenueConcentration | null;
  /** Σ expected revenue to the period end by the customer models fitted at the span's end. */
  readonly expectedRevenue: IndicatorValue;
}

/** The memory engine's totals, with the per-customer arrays the scorecard's breakdowns read. */
export interface CustomerTotals extends SpanTotals {
  /** The customers active at the span's end who lapse in the 30 days after it. */
  readonly lapsing: Lapsing;
  /** Each customer's revenue in the span, for concentration and tiers. */
  readonly revenueByCustomer: Float64Array;
  /** 1 for customers with a purchase in the span. */
  readonly buying: Uint8Array;
  /** 1 for customers active at the span's end. */
  readonly active: Uint8Array;
}

/** What a span's totals are computed from. */
export interface TotalsSource {
  readonly data: ScorecardData;
  readonly facts: SalesFacts;
  /** The activation definition; its as of is each span's end. */
  readonly activation: ActivationDefinition;
  readonly models: CustomerModelsByDay;
}

export function spanTotals(source: TotalsSource, s: IndicatorSpan): CustomerTotals {
  const { data, facts, activation, models } = source;
  const m = data.index.count;
  const sales = salesTotals(data, facts, s);
  const activationCount = countActive(
    data.sales,
    m,
    { ...activation, asOf: s.span.end },
    data.customerBase
  );
  const lapsing = lapsingCustomers(
    data.sales,
    m,
    activation,
    data.customerBase,
    s.span.end,
    activationCount.isActive
  );
  return {
    ...sales,
    potentialAccounts: data.market === null ? null : data.market.total,
    crossSellCustomers: crossSellCustomers(data, facts, s.span),
    leads: leadsIn(data, s.span),
    customerBase: activationCount.base,
    activeCustomers: activationCount.active,
    lapsing,
    lapsingCustomers: lapsing.count,
    concentration: revenueConcentration(sales.revenueByCustomer),
    expectedRevenue: models.expectedRevenue(s.span.end, s.periodEnd - s.span.end),
    active: activationCount.isActive,
  };
}

type SalesTotals = Pick<
  CustomerTotals,
  | "revenue"
  | "margin"
  | "customersBuying"
  | "newCustomers"
  | "repeatCustomers"
  | "buyersYearBefore"
  | "buyersYearBeforeBuyingNow"
  | "buyersYearToEnd"
  | "upsellCustomers"
  | "upsellRevenue"
  | "revenueByCustomer"
  | "buying"
>;

/** The totals of the sales rows: one pass over the rows, one over the customers. */
function salesTotals(data: ScorecardData, facts: SalesFacts, s: IndicatorSpan): SalesTotals {
  const m = data.index.count;
  const { customer, day, amount } = data.sales;
  const margin = data.margin;
  const { start, end } = s.span;
  const { comparison } = s;
  const revenueByCustomer = new Float64Array(m);
  const comparisonRevenue = new Float64Array(m);
  const buying = new Uint8Array(m);
  const boughtYearBefore = new Uint8Array(m);
  const boughtYearToEnd = new Uint8Array(m);
  let revenue = 0;
  let marginSum = 0;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c < 0) continue;
    const d = day[i];
    const a = amount[i];
    if (d >= start && d <= end) {
      revenue += a;
      revenueByCustomer[c] += a;
      if (margin !== null) marginSum += margin[i];
      if (a > 0) buying[c] = 1;
    } else if (d >= comparison.start && d <= comparison.end) {
      comparisonRevenue[c] += a;
    }
    if (a > 0) {
      if (d >= start - 365 && d < start) boughtYearBefore[c] = 1;
      if (d > end - 365 && d <= end) boughtYearToEnd[c] = 1;
    }
  }

  let customersBuying = 0;
  let newCustomers = 0;
  let repeatCustomers = 0;
  let buyersYearBefore = 0;
  let buyersYearBeforeBuyingNow = 0;
  let buyersYearToEnd = 0;
  let upsellCustomers = 0;
  let upsellRevenue = 0;
  for (let c = 0; c < m; c++) {
    if (buying[c]) {
      customersBuying++;
      if (facts.firstPurchase[c] >= start) newCustomers++;
      else repeatCustomers++;
    }
    if (boughtYearBefore[c]) {
      buyersYearBefore++;
      if (buying[c]) buyersYearBeforeBuyingNow++;
    }
    if (boughtYearToEnd[c]) buyersYearToEnd++;
    const before = comparisonRevenue[c];
    if (before > 0 && revenueByCustomer[c] > before) {
      upsellCustomers++;
      upsellRevenue += revenueByCustomer[c] - before;
    }
  }
  return {
    revenue,
    margin: margin === null ? null : marginSum,
    customersBuying,
    newCustomers,
    repeatCustomers,
    buyersYearBefore,
    buyersYearBeforeBuyingNow,
    buyersYearToEnd,
    upsellCustomers,
    upsellRevenue,
    revenueByCustomer,
    buying,
  };
}

/** Leads created in the span and how many converted; null without a Leads table. */
function leadsIn(data: ScorecardData, span: DaySpan): LeadCounts | null {
  if (data.leads === null) return null;
  let created = 0;
  let converted = 0;
  const { day, converted: won } = data.leads;
  for (let i = 0; i < day.length; i++) {
    if (day[i] >= span.start && day[i] <= span.end) {
      created++;
      converted += won[i];
    }
  }
  return { created, converted };
}

/** Up to this many (customer, line) pairs, those bought are flagged in an array; past it, kept in a hash table. */
const FLAGGED_PAIRS = 1 << 24;

/** Existing customers who bought in the span a product line they never bought before it. */
function crossSellCustomers(data: ScorecardData, facts: SalesFacts, span: DaySpan): number | null {
  if (data.productLine === null) return null;
  const { customer, day, amount } = data.sales;
  const line = data.productLine.codes;
  const lines = Math.max(1, data.productLine.names.length);
  const pairs = data.index.count * lines;
  const flagged = pairs <= FLAGGED_PAIRS ? new Uint8Array(pairs) : null;
  const hashed = flagged === null ? new NumberCodes() : null;
  for (let i = 0; i < customer.length; i++) {
    if (customer[i] >= 0 && line[i] >= 0 && amount[i] > 0 && day[i] < span.start) {
      const pair = customer[i] * lines + line[i];
      if (flagged !== null) flagged[pair] = 1;
      else (hashed as NumberCodes).set(pair, 1);
    }
  }
  const boughtBefore = (pair: number): boolean =>
    flagged !== null ? flagged[pair] === 1 : (hashed as NumberCodes).get(pair) >= 0;
  const crossSold = new Uint8Array(data.index.count);
  let count = 0;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c < 0 || line[i] < 0 || !(amount[i] > 0) || day[i] < span.start || day[i] > span.end)
      continue;
    const existing = facts.firstPurchase[c] > 0 && facts.firstPurchase[c] < span.start;
    if (existing && crossSold[c] === 0 && !boughtBefore(c * lines + line[i])) {
      crossSold[c] = 1;
      count++;
    }
  }
  return count;
}
