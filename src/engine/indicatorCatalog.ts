/** The indicators of SPEC.md §3.3: ids are stable (the CLI's JSON uses them). */
export const INDICATOR_IDS = [
  "revenue",
  "margin",
  "info.customers_buying",
  "info.revenue_per_customer",
  "info.penetration",
  "mkt.leads",
  "mkt.lead_conversion",
  "sales.new_customers",
  "sales.repeat_customers",
  "sales.repeat_rate",
  "sales.upsell_customers",
  "sales.upsell_revenue",
  "sales.cross_sell_customers",
  "svc.activation_rate",
  "svc.top20_share",
  "svc.hhi",
  "svc.pareto_customers",
  "svc.lapsing_customers",
  "svc.expected_revenue",
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];
export type Stage = "overview" | "information" | "marketing" | "sales" | "service";
export type IndicatorFormat = "money" | "count" | "percent" | "index";

export interface IndicatorInfo {
  readonly id: IndicatorId;
  readonly stage: Stage;
  readonly format: IndicatorFormat;
  /**
   * A flow that accumulates over the period's days (revenue, margin, leads, new customers, upsell
   * revenue): forecast to the period end (SPEC.md §3.4). Counts of distinct customers and ratios
   * are not: they do not grow with the days.
   */
  readonly flow: boolean;
  /** Concentration: less is better. */
  readonly lowerIsBetter: boolean;
}

const info = (
  id: IndicatorId,
  stage: Stage,
  format: IndicatorFormat,
  flow = false,
  lowerIsBetter = false
): IndicatorInfo => ({ id, stage, format, flow, lowerIsBetter });

export const INDICATORS: readonly IndicatorInfo[] = [
  info("revenue", "overview", "money", true),
  info("margin", "overview", "money", true),
  info("info.customers_buying", "information", "count"),
  info("info.revenue_per_customer", "information", "money"),
  info("info.penetration", "information", "percent"),
  info("mkt.leads", "marketing", "count", true),
  info("mkt.lead_conversion", "marketing", "percent"),
  info("sales.new_customers", "sales", "count", true),
  info("sales.repeat_customers", "sales", "count"),
  info("sales.repeat_rate", "sales", "percent"),
  info("sales.upsell_customers", "sales", "count"),
  info("sales.upsell_revenue", "sales", "money", true),
  info("sales.cross_sell_customers", "sales", "count"),
  info("svc.activation_rate", "service", "percent"),
  info("svc.top20_share", "service", "percent", false, true),
  info("svc.hhi", "service", "index", false, true),
  // More customers needed for 80% of sales means sales are less concentrated: more is better.
  info("svc.pareto_customers", "service", "count"),
  // Fewer customers about to lapse is better.
  info("svc.lapsing_customers", "service", "count", false, true),
  info("svc.expected_revenue", "service", "money"),
];

export const STAGES: readonly Stage[] = [
  "overview",
  "information",
  "marketing",
  "sales",
  "service",
];
