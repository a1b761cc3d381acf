/**
 * The indicators of SPEC.md §3.3 over one span of days, in one pass over the sales rows plus
 * per-customer typed arrays. The Service indicators call the same core as the custom functions.
 */
import { ActivationDefinition, countActive } from "../core/activation";
import { concentration } from "../core/concentration";
import { NumberCodes } from "../core/numberCodes";
import { CustomerModelsByDay } from "./customerOutlook";
import { IndicatorId } from "./indicatorCatalog";
import { Lapsing, lapsingCustomers } from "./lapsingCustomers";
import { DaySpan } from "./period";
import { ScorecardData } from "./scorecardData";

/** Why an indicator has no value; the labels module words it in each language. */
export type Reason =
  | "no_margin_column"
  | "no_market_table"
  | "market_potential_zero"
  | "no_leads_table"
  | "no_leads_in_period"
  | "no_product_line_column"
  | "no_buying_customers"
  | "no_customers_before_period"
  | "no_customer_base"
  | "no_revenue_in_period"
  | "model_not_fitted"
  | "no_days_left_in_period"
  | "spend_model_undefined";

export interface IndicatorValue {
  readonly value: number | null;
  readonly reason: Reason | null;
}

export type IndicatorValues = Record<IndicatorId, IndicatorValue>;

const some = (value: number): IndicatorValue => ({ value, reason: null });
const none = (reason: Reason): IndicatorValue => ({ value: null, reason });

/** Facts about the whole sales table that every span shares. */
export interface SalesFacts {
  /** Day of each customer's first purchase (amount > 0), 0 for none. */
  readonly firstPurchase: Int32Array;
}

export function salesFacts(data: ScorecardData): SalesFacts {
  const { customer, day, amount } = data.sales;
  const firstPurchase = new Int32Array(data.index.count);
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c < 0 || !(amount[i] > 0)) continue;
    if (firstPurchase[c] === 0 || day[i] < firstPurchase[c]) firstPurchase[c] = day[i];
  }
  return { firstPurchase };
}

export interface SpanFigures {
  readonly values: IndicatorValues;
  /** Each customer's revenue in the span, for concentration and tiers. */
  readonly revenueByCustomer: Float64Array;
  /** 1 for customers with a purchase in the span. */
  readonly buying: Uint8Array;
  /** 1 for customers active at the span's end. */
  readonly active: Uint8Array;
  /** The customers active at the span's end who lapse in the 30 days after it. */
  readonly lapsing: Lapsing;
}

/**
 * Every indicator over `span` (its end is as_of), with `comparison` the span before it for
 * upsell. `activation` gives the definition; its as_of is the span's end. `periodEnd` is the last
 * day of the span's period, the horizon of the revenue the customer models expect.
 */
export function indicatorsFor(
  data: ScorecardData,
  facts: SalesFacts,
  span: DaySpan,
  comparison: DaySpan,
  activation: ActivationDefinition,
  models: CustomerModelsByDay,
  periodEnd: number
): SpanFigures {
  const m = data.index.count;
  const { customer, day, amount } = data.sales;
  const margin = data.margin;
  const { start, end } = span;
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
  let yearBefore = 0;
  let yearBeforeBuyingNow = 0;
  let yearToEnd = 0;
  let upsellCustomers = 0;
  let upsellRevenue = 0;
  for (let c = 0; c < m; c++) {
    if (buying[c]) {
      customersBuying++;
      if (facts.firstPurchase[c] >= start) newCustomers++;
      else repeatCustomers++;
    }
    if (boughtYearBefore[c]) {
      yearBefore++;
      if (buying[c]) yearBeforeBuyingNow++;
    }
    if (boughtYearToEnd[c]) yearToEnd++;
    const before = comparisonRevenue[c];
    if (before > 0 && revenueByCustomer[c] > before) {
      upsellCustomers++;
      upsellRevenue += revenueByCustomer[c] - before;
    }
  }

  const leads = leadsIn(data, span);
  const activationCount = countActive(
    data.sales,
    m,
    { ...activation, asOf: end },
    data.customerBase
  );
  const lapsing = lapsingCustomers(
    data.sales,
    m,
    activation,
    data.customerBase,
    end,
    activationCount.isActive
  );
  const values: IndicatorValues = {
    revenue: some(revenue),
    margin: margin === null ? none("no_margin_column") : some(marginSum),
    "info.customers_buying": some(customersBuying),
    "info.revenue_per_customer":
      customersBuying === 0 ? none("no_buying_customers") : some(revenue / customersBuying),
    "info.penetration": penetration(data, yearToEnd),
    "mkt.leads": leadsCount(leads),
    "mkt.lead_conversion": leadConversion(leads),
    "sales.new_customers": some(newCustomers),
    "sales.repeat_customers": some(repeatCustomers),
    "sales.repeat_rate":
      yearBefore === 0
        ? none("no_customers_before_period")
        : some(yearBeforeBuyingNow / yearBefore),
    "sales.upsell_customers": some(upsellCustomers),
    "sales.upsell_revenue": some(upsellRevenue),
    "sales.cross_sell_customers": crossSell(data, facts, span),
    "svc.activation_rate":
      activationCount.base === 0
        ? none("no_customer_base")
        : some(activationCount.active / activationCount.base),
    "svc.top20_share": concentrationValue(revenueByCustomer, "TOP_PCT", 20),
    "svc.hhi": concentrationValue(revenueByCustomer, "HHI", 0),
    "svc.pareto_customers": concentrationValue(revenueByCustomer, "PARETO", 80),
    "svc.lapsing_customers":
      activationCount.base === 0 ? none("no_customer_base") : some(lapsing.count),
    "svc.expected_revenue": models.expectedRevenue(end, periodEnd - end),
  };
  return { values, revenueByCustomer, buying, active: activationCount.isActive, lapsing };
}

function concentrationValue(
  totals: Float64Array,
  measure: "TOP_PCT" | "HHI" | "PARETO",
  n: number
): IndicatorValue {
  const r = concentration(totals, measure, n);
  return r.ok ? some(r.value) : none("no_revenue_in_period");
}

function penetration(data: ScorecardData, customersInYear: number): IndicatorValue {
  if (data.market === null) return none("no_market_table");
  if (!(data.market.total > 0)) return none("market_potential_zero");
  return some(customersInYear / data.market.total);
}

interface LeadCounts {
  readonly leads: number;
  readonly converted: number;
}

/** Leads created in the span and how many converted; null without a Leads table. */
function leadsIn(data: ScorecardData, span: DaySpan): LeadCounts | null {
  if (data.leads === null) return null;
  let leads = 0;
  let converted = 0;
  const { day, converted: won } = data.leads;
  for (let i = 0; i < day.length; i++) {
    if (day[i] >= span.start && day[i] <= span.end) {
      leads++;
      converted += won[i];
    }
  }
  return { leads, converted };
}

function leadsCount(counts: LeadCounts | null): IndicatorValue {
  return counts === null ? none("no_leads_table") : some(counts.leads);
}

function leadConversion(counts: LeadCounts | null): IndicatorValue {
  if (counts === null) return none("no_leads_table");
  return counts.leads === 0 ? none("no_leads_in_period") : some(counts.converted / counts.leads);
}

/** Existing customers who bought in the span a product line they never bought before it. */
function crossSell(data: ScorecardData, facts: SalesFacts, span: DaySpan): IndicatorValue {
  if (data.productLine === null) return none("no_product_line_column");
  const { customer, day, amount } = data.sales;
  const line = data.productLine.codes;
  const lines = Math.max(1, data.productLine.names.length);
  const boughtBefore = new NumberCodes();
  for (let i = 0; i < customer.length; i++) {
    if (customer[i] >= 0 && line[i] >= 0 && amount[i] > 0 && day[i] < span.start)
      boughtBefore.set(customer[i] * lines + line[i], 1);
  }
  const crossSold = new Uint8Array(data.index.count);
  let count = 0;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c < 0 || line[i] < 0 || !(amount[i] > 0) || day[i] < span.start || day[i] > span.end)
      continue;
    const existing = facts.firstPurchase[c] > 0 && facts.firstPurchase[c] < span.start;
    if (existing && crossSold[c] === 0 && boughtBefore.get(c * lines + line[i]) < 0) {
      crossSold[c] = 1;
      count++;
    }
  }
  return some(count);
}
