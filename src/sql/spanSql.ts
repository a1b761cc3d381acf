/**
 * What an indicator's definition writes in SQL (its `sql` field, engine/indicatorDefinition.ts):
 * the span totals its `value` reads, as aggregates over one relation of the span that the SQL
 * engines (DuckDB, PostgreSQL) build — so the arithmetic from totals to value is written once, in
 * `value`, for every engine. Only the portable subset: SUM, COUNT, MAX, CASE, arithmetic.
 *
 * The relations (src/sql/sqlTotals.ts builds them; every column is per customer, or per lead):
 *
 * `customers`, one row per customer with a sales row or in the Customers table:
 * | column | what (for the span's days, `start` to `end`) |
 * |---|---|
 * | `revenue`, `margin` | net revenue and margin of its rows in the span |
 * | `buying` | 1 when it has a purchase (a row with amount > 0) in the span |
 * | `first_purchase` | the day of its first purchase ever (NULL without one) |
 * | `comparison_revenue` | its revenue in the comparison span (upsell) |
 * | `bought_year_before` | 1 with a purchase in the 365 days before the span |
 * | `bought_year_to_end` | 1 with a purchase in the 365 days ending at the span's end |
 * | `cross_sell` | 1 when it bought in the span a product line it never bought before (0 without lines) |
 * | `in_base` | 1 when in the activation base at the span's end (SPEC.md §2.2) |
 * | `active`, `lapsing` | 1 when active at the span's end; 1 when active and lapsing within 30 days |
 * | `revenue_rank` | its place by revenue, highest first, among customers with revenue > 0 (else NULL) |
 * | `revenue_before` | the revenue of the customers ranked above it |
 * | `positive_customers`, `positive_revenue` | how many customers have revenue > 0, and their revenue (same on every row) |
 *
 * `leads`: `day` (created) and `converted` (1 or 0). `market`: `potential` (potential accounts).
 */
import type { SqlDialect } from "./dialect";

/** The totals the SQL engines compute, named as the span totals (engine/indicatorTotals.ts). */
export const SQL_TOTALS = [
  "revenue",
  "margin",
  "customersBuying",
  "newCustomers",
  "repeatCustomers",
  "buyersYearBefore",
  "buyersYearBeforeBuyingNow",
  "buyersYearToEnd",
  "potentialAccounts",
  "upsellCustomers",
  "upsellRevenue",
  "crossSellCustomers",
  "leadsCreated",
  "leadsConverted",
  "customerBase",
  "activeCustomers",
  "lapsingCustomers",
  "topShare",
  "hhi",
  "paretoCustomers",
] as const;
export type SqlTotal = (typeof SQL_TOTALS)[number];

export type SqlRelation = "customers" | "leads" | "market";

/** A span as SQL sees it: its days as whole-day serials, and which data are mapped. */
export interface SqlSpan {
  readonly start: number;
  readonly end: number;
  readonly dialect: SqlDialect;
  readonly mapped: {
    readonly margin: boolean;
    readonly productLine: boolean;
    readonly leads: boolean;
    readonly market: boolean;
  };
}

/** Each total as an aggregate over the relation; null when its data are not mapped. */
export type SqlTotals = Partial<Record<SqlTotal, string | null>>;

/** The totals a definition owns, by the relation whose rows they add up. */
export type TotalsSql = Partial<Record<SqlRelation, (span: SqlSpan) => SqlTotals>>;

/** How many rows of the relation satisfy `condition`. */
export const countWhere = (condition: string): string =>
  `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** The sum of a column over the relation. */
export const sumOf = (column: string): string => `SUM(${column})`;

/** The sum of `expression` over the rows that satisfy `condition`. */
export const sumWhere = (condition: string, expression: string): string =>
  `SUM(CASE WHEN ${condition} THEN ${expression} ELSE 0 END)`;

/**
 * CONCENTRATION (SPEC.md §2.3) of the span's revenue by customer, as the core computes it
 * (core/concentration.ts), over the ranked `customers` relation: the share of the top
 * max(1, ⌈m·n/100 − 1e-9⌉) customers; the HHI Σ(100·x/S)²; the fewest customers whose running sum
 * reaches (n/100)·S − 1e-9·S (a customer counts while the revenue ranked above it is still short).
 */
export function concentrationSql(
  measure: "TOP_PCT" | "HHI" | "PARETO",
  n: number,
  d: SqlDialect
): string {
  const m = "MAX(positive_customers)";
  const s = "MAX(positive_revenue)";
  switch (measure) {
    case "TOP_PCT": {
      const k = `CASE WHEN CEIL(${d.double(`positive_customers * ${n}`)} / 100 - ${d.number(1e-9)}) > 1 THEN CEIL(${d.double(`positive_customers * ${n}`)} / 100 - ${d.number(1e-9)}) ELSE 1 END`;
      // No positive revenue in the span (a past period of returns only): NULL, as DuckDB divides.
      return `${sumWhere(`revenue_rank <= ${k}`, "revenue")} / NULLIF(${s}, 0)`;
    }
    case "HHI":
      return `SUM(CASE WHEN revenue_rank IS NOT NULL THEN (100 * revenue / positive_revenue) * (100 * revenue / positive_revenue) ELSE 0 END)`;
    case "PARETO": {
      const goal = `${d.number(n / 100)} * positive_revenue - ${d.number(1e-9)} * positive_revenue`;
      const reached = countWhere(`revenue_rank IS NOT NULL AND revenue_before < ${goal}`);
      return `CASE WHEN ${reached} < ${m} THEN ${reached} ELSE ${m} END`;
    }
  }
}
