/**
 * The span totals in SQL: the twin of engine/indicatorTotals.ts. Each customer's facts for every
 * span asked (and for every day the models are fitted at) in one pass over `spec_days`, as the
 * table `spec_cust`; then, per span, one query adds them up with every definition's `sql` (its
 * totals, engine/stages/), over the span's `customers` relation (spanSql.ts lists its columns),
 * the leads and the market. N spans cost one pass and N small queries over the customers.
 */
import { INDICATORS } from "../engine/indicatorCatalog";
import { IndicatorSpan, SpanTotals } from "../engine/indicatorTotals";
import { DaySpan } from "../engine/period";
import { LAPSE_HORIZON_DAYS } from "../engine/lapsingCustomers";
import { SqlDialect } from "./dialect";
import { SqlData } from "./sqlData";
import { SqlConnection, firstRow, numberOf } from "./sqlConnection";
import { SQL_TOTALS, SqlRelation, SqlSpan, SqlTotal } from "./spanSql";

/** When a customer counts as active (SPEC.md §2.2), as core/activation.ts's countActive. */
export interface SqlActivation {
  readonly windowDays: number;
  readonly minPurchases: number;
  readonly minAmount: number;
}

/** What `spec_cust` holds facts for. */
export interface FactsRequest {
  readonly spans: readonly IndicatorSpan[];
  /** Days the customer models are fitted at: each customer's purchase history up to each. */
  readonly modelDays: readonly number[];
  /** Windows (start, as of) whose revenue from customers first buying in them is asked. */
  readonly newCustomerWindows: readonly DaySpan[];
  /** The day of the value attributes (as of). */
  readonly valueDay: number;
  readonly activation: SqlActivation;
}

/** SPEC.md §2.2's volume threshold with its tolerance, as countActive compares it. */
export const amountFloor = (a: SqlActivation): number =>
  a.minAmount - 1e-9 * Math.max(1, a.minAmount);

/** Active in the window (from, to]: enough purchase days, net at least the floor. */
export function activeSql(d: SqlDialect, days: string, net: string, a: SqlActivation): string {
  return `(${days} >= ${a.minPurchases} AND ${net} >= ${d.number(amountFloor(a))})`;
}

/** Facts over the days of one range: each is an aggregate, with the lowest and highest day it reads. */
interface RangeFacts {
  readonly facts: string[];
  lo: number;
  hi: number;
}

/** A condition on `d` within [from, to] that widens the range its facts read. */
function within(r: RangeFacts, from: number, to: number): string {
  r.lo = Math.min(r.lo, from);
  r.hi = Math.max(r.hi, to);
  return `d >= ${from} AND d <= ${to}`;
}

/** The margin over the days where `condition` holds; 0 without a margin column (not a sum of zeros: each aggregate costs a pass). */
const marginSum = (mapped: boolean, condition: string): string =>
  mapped ? `SUM(CASE WHEN ${condition} THEN mg ELSE 0 END)` : "CAST(0 AS DOUBLE PRECISION)";

/** A span's facts per customer, from its days (`spec_days`) in the range they read. */
function spanFacts(k: number, s: IndicatorSpan, a: SqlActivation, margin: boolean): RangeFacts {
  const { start, end } = s.span;
  const w = a.windowDays;
  const later = end + LAPSE_HORIZON_DAYS - w;
  const r: RangeFacts = { facts: [], lo: Infinity, hi: -Infinity };
  const span = within(r, start, end);
  r.facts.push(
    `SUM(CASE WHEN ${span} THEN net ELSE 0 END) AS revenue_${k}`,
    `${marginSum(margin, span)} AS margin_${k}`,
    `MAX(CASE WHEN pos > 0 AND ${span} THEN 1 ELSE 0 END) AS buying_${k}`,
    `SUM(CASE WHEN ${within(r, s.comparison.start, s.comparison.end)} THEN net ELSE 0 END) AS comparison_revenue_${k}`,
    `MAX(CASE WHEN pos > 0 AND ${within(r, start - 365, start - 1)} THEN 1 ELSE 0 END) AS bought_year_before_${k}`,
    `MAX(CASE WHEN pos > 0 AND ${within(r, end - 364, end)} THEN 1 ELSE 0 END) AS bought_year_to_end_${k}`,
    `COUNT(*) FILTER (WHERE pos > 0 AND ${within(r, end - w + 1, end)}) AS window_days_${k}`,
    `SUM(CASE WHEN ${within(r, end - w + 1, end)} THEN net ELSE 0 END) AS window_net_${k}`,
    // Still active LAPSE_HORIZON_DAYS on if it buys nothing more: the rows up to the span's end.
    `COUNT(*) FILTER (WHERE pos > 0 AND ${within(r, later + 1, end)}) AS later_days_${k}`,
    `SUM(CASE WHEN ${within(r, later + 1, end)} THEN net ELSE 0 END) AS later_net_${k}`
  );
  return r;
}

/**
 * Each customer's purchase history up to every model day: purchase days, the last, their value.
 * The days up to the first model day count for all of them, so they are added up once (`old`);
 * only the days after it are told apart by model day (`recent`).
 */
function historyFacts(days: readonly number[]): { old: string[]; recent: RangeFacts } {
  const first = Math.min(...days);
  const old = [
    `COUNT(*) FILTER (WHERE pos > 0 AND d <= ${first}) AS old_days`,
    `MAX(CASE WHEN pos > 0 AND d <= ${first} THEN d END) AS old_last`,
    `SUM(CASE WHEN pos > 0 AND d <= ${first} THEN pos ELSE 0 END) AS old_value`,
  ];
  const recent: RangeFacts = { facts: [], lo: first + 1, hi: Math.max(...days) };
  days.forEach((day, f) => {
    const upTo = `pos > 0 AND d <= ${day}`;
    recent.facts.push(
      `COUNT(*) FILTER (WHERE ${upTo}) AS days_${f}`,
      `MAX(CASE WHEN ${upTo} THEN d END) AS last_${f}`,
      `SUM(CASE WHEN ${upTo} THEN pos ELSE 0 END) AS value_${f}`
    );
  });
  return { old, recent };
}

/** Per customer and span: bought a product line new to it (cross-sell); and its lines bought in the 365 days to `day`. */
function lineFacts(r: FactsRequest): string {
  const cross = r.spans.map(
    (s, k) =>
      `MAX(CASE WHEN first_day >= ${s.span.start} AND first_day <= ${s.span.end} THEN 1 ELSE 0 END) AS cross_${k}`
  );
  return `SELECT c, ${cross.join(", ")}, SUM(recent) AS breadth FROM (SELECT c, pl, MIN(d) AS first_day, MAX(CASE WHEN d > ${r.valueDay - 365} AND d <= ${r.valueDay} THEN 1 ELSE 0 END) AS recent FROM spec_line_days GROUP BY c, pl) q GROUP BY c`;
}

/** The name a column of a SELECT list is given (`… AS name`, or `alias.name`). */
const columnName = (column: string): string =>
  column.includes(" AS ")
    ? column.slice(column.lastIndexOf(" AS ") + 4)
    : column.slice(column.indexOf(".") + 1);

/** A temporary table of each customer's facts over the days of a range. */
function rangeTable(d: SqlDialect, name: string, r: RangeFacts): string {
  return d.createTemp(
    name,
    `SELECT c, ${r.facts.join(", ")} FROM spec_days WHERE d >= ${r.lo} AND d <= ${r.hi} GROUP BY c`
  );
}

/** The table of span k's facts (spanFacts), joined to spec_cust by the span's `customers` relation. */
const spanTable = (k: number): string => `spec_span_${k}`;

/** Every customer's facts that the spans' `customers` relations read (spec_cust's first columns). */
const CORE = "spec_cust_core";

/** The table of span k's customers with revenue, ranked by it. */
const rankTable = (k: number): string => `spec_rank_${k}`;

/**
 * Each customer's facts, in tables of their own (days counted with FILTER: a count's state is
 * narrower than an integer sum's): a query with many aggregates costs each of them
 * a pass over the groups' states, so each set of facts is added up over the days it reads only
 * (a span's: about a year and a quarter), and no table is wider than its facts.
 * `spec_cust`: one row per customer with a sales row or in the Customers table: its first
 * purchase, every model day's history, the windows' revenue, the value facts, lines, listing;
 * `spec_span_k`: span k's facts (spanFacts) for the customers with a row in their range.
 */
export async function customerFacts(
  c: SqlConnection,
  data: SqlData,
  r: FactsRequest
): Promise<void> {
  const d = c.dialect;
  const history = historyFacts(r.modelDays);
  const windows: RangeFacts = { facts: [], lo: Infinity, hi: -Infinity };
  r.newCustomerWindows.forEach((w, k) =>
    windows.facts.push(
      `SUM(CASE WHEN ${within(windows, w.start, w.end)} THEN net ELSE 0 END) AS window_revenue_${k}`
    )
  );
  const year = within(windows, r.valueDay - 364, r.valueDay);
  windows.facts.push(
    `SUM(CASE WHEN ${year} THEN net ELSE 0 END) AS volume`,
    `SUM(CASE WHEN ${year} THEN prows ELSE 0 END) AS frequency`,
    `${marginSum(data.mapped.margin, year)} AS value_margin`
  );
  const first = [
    "MIN(d) AS first_day",
    "MIN(CASE WHEN pos > 0 THEN d END) AS first_purchase",
    `${d.valueAtLeast("pos", "CASE WHEN pos > 0 THEN d END")} AS first_value`,
    ...history.old,
  ];
  await c.run(
    d.createTemp("spec_cust_first", `SELECT c, ${first.join(", ")} FROM spec_days GROUP BY c`)
  );
  await c.run(rangeTable(d, "spec_cust_history", history.recent));
  await c.run(rangeTable(d, "spec_cust_windows", windows));
  for (const [k, s] of r.spans.entries()) {
    await c.run(rangeTable(d, spanTable(k), spanFacts(k, s, r.activation, data.mapped.margin)));
    // Concentration's ranking (spanSql.ts), of the customers with revenue > 0 only.
    const order = `ORDER BY revenue_${k} DESC, c`;
    await c.run(
      d.createTemp(
        rankTable(k),
        `SELECT c, ROW_NUMBER() OVER (${order}) AS revenue_rank, COALESCE(SUM(revenue_${k}) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS revenue_before FROM ${spanTable(k)} WHERE revenue_${k} > 0`
      )
    );
  }
  const z = (col: string): string => `COALESCE(${col}, 0)`;
  const sales = [
    "f.c",
    "f.first_purchase",
    "f.first_value",
    ...r.newCustomerWindows.map((_, k) => z(`w.window_revenue_${k}`) + ` AS window_revenue_${k}`),
    ...["volume", "frequency", "value_margin"].map((name) => `${z(`w.${name}`)} AS ${name}`),
    ...r.modelDays.flatMap((_, f) => [
      `f.old_days + ${z(`h.days_${f}`)} AS days_${f}`,
      `COALESCE(h.last_${f}, f.old_last) AS last_${f}`,
      `f.old_value + ${z(`h.value_${f}`)} AS value_${f}`,
    ]),
    ...r.spans.map(
      (s, k) => `CASE WHEN f.first_day <= ${s.span.end} THEN 1 ELSE 0 END AS has_row_${k}`
    ),
  ];
  const customers = data.mapped.customers;
  const lines = data.mapped.productLine;
  const columns = [
    `${customers ? "COALESCE(s.c, b.c)" : "s.c"} AS c`,
    ...sales.slice(1).map((col) => `s.${columnName(col)}`),
    ...(lines ? r.spans.map((_, k) => `COALESCE(l.cross_${k}, 0) AS cross_${k}`) : []),
    `${lines ? "COALESCE(l.breadth, 0)" : "0"} AS breadth`,
    `${customers ? "CASE WHEN b.c IS NULL THEN 0 ELSE 1 END" : "0"} AS listed`,
  ];
  const from = [
    `(SELECT ${sales.join(", ")} FROM spec_cust_first f LEFT JOIN spec_cust_history h ON h.c = f.c LEFT JOIN spec_cust_windows w ON w.c = f.c) s`,
    customers ? "FULL OUTER JOIN spec_base b ON b.c = s.c" : "",
    lines ? `LEFT JOIN (${lineFacts(r)}) l ON l.c = s.c` : "",
  ];
  await c.run(d.createTemp("spec_cust", `SELECT ${columns.join(", ")} FROM ${from.join(" ")}`));
  // What the spans' relations read of every customer, narrow: each span's query scans all of it.
  const core = [
    "c",
    "first_purchase",
    "listed",
    ...r.spans.map((_, k) => `has_row_${k}`),
    ...(lines ? r.spans.map((_, k) => `cross_${k}`) : []),
  ];
  await c.run(d.createTemp(CORE, `SELECT ${core.join(", ")} FROM spec_cust`));
}

/**
 * The span's `customers` relation (spanSql.ts): span k's facts under their plain names, ranked by
 * revenue; the totals add it up, and the lists (tiers, top customers, to call) read it.
 */
export function spanCustomers(
  d: SqlDialect,
  data: SqlData,
  k: number,
  s: IndicatorSpan,
  a: SqlActivation
): string {
  const z = (col: string): string => `COALESCE(${col}, 0)`;
  const inBase = data.mapped.customers ? "listed" : z(`has_row_${k}`);
  const activeNow = activeSql(d, z(`window_days_${k}`), z(`window_net_${k}`), a);
  const active = `CASE WHEN ${inBase} = 1 AND ${activeNow} THEN 1 ELSE 0 END`;
  const lapsing = `CASE WHEN ${inBase} = 1 AND ${activeNow} AND NOT ${activeSql(d, z(`later_days_${k}`), z(`later_net_${k}`), a)} THEN 1 ELSE 0 END`;
  const facts = `SELECT f.c AS c, ${z(`revenue_${k}`)} AS revenue, ${z(`margin_${k}`)} AS margin, ${z(`buying_${k}`)} AS buying, first_purchase, ${z(`comparison_revenue_${k}`)} AS comparison_revenue, ${z(`bought_year_before_${k}`)} AS bought_year_before, ${z(`bought_year_to_end_${k}`)} AS bought_year_to_end, ${data.mapped.productLine ? `CASE WHEN cross_${k} = 1 AND first_purchase < ${s.span.start} THEN 1 ELSE 0 END` : "0"} AS cross_sell, ${inBase} AS in_base, ${active} AS active, ${lapsing} AS lapsing, rk.revenue_rank, COALESCE(rk.revenue_before, 0) AS revenue_before FROM ${CORE} f LEFT JOIN ${spanTable(k)} sk ON sk.c = f.c LEFT JOIN ${rankTable(k)} rk ON rk.c = f.c`;
  const positive = `FROM ${spanTable(k)} WHERE revenue_${k} > 0`;
  return `SELECT f.*, (SELECT COUNT(*) ${positive}) AS positive_customers, COALESCE((SELECT SUM(revenue_${k}) ${positive}), 0) AS positive_revenue FROM (${facts}) f`;
}

/** Every definition's totals over one relation of the span. */
function totalsOf(relation: SqlRelation, span: SqlSpan): [SqlTotal, string | null][] {
  const out: [SqlTotal, string | null][] = [];
  for (const definition of INDICATORS) {
    const totals = definition.sql?.[relation];
    if (totals === undefined) continue;
    for (const [name, sql] of Object.entries(totals(span))) out.push([name as SqlTotal, sql]);
  }
  return out;
}

/** The totals of one relation, by name (null where its data are not mapped). */
async function relationTotals(
  c: SqlConnection,
  relation: SqlRelation,
  span: SqlSpan,
  from: string | null,
  extra: string[] = []
): Promise<Map<SqlTotal | string, number | null>> {
  const totals = totalsOf(relation, span);
  const out = new Map<SqlTotal | string, number | null>();
  const asked = totals.filter(([, sql]) => sql !== null);
  if (from !== null && asked.length + extra.length > 0) {
    const select = [...asked.map(([name, sql]) => `${sql} AS ${c.dialect.ident(name)}`), ...extra];
    const row = await firstRow(c, `SELECT ${select.join(", ")} FROM ${from}`);
    for (const [name, v] of Object.entries(row)) out.set(name, numberOf(v) ?? 0);
  }
  for (const [name, sql] of totals) if (sql === null || from === null) out.set(name, null);
  return out;
}

/**
 * Span k's totals (`s`, as in the FactsRequest that built spec_cust): what every definition's
 * `value` reads, but the revenue the customer models expect, which the caller adds.
 */
export async function sqlSpanTotals(
  c: SqlConnection,
  data: SqlData,
  k: number,
  s: IndicatorSpan,
  activation: SqlActivation
): Promise<Omit<SpanTotals, "expectedRevenue">> {
  const span: SqlSpan = {
    start: s.span.start,
    end: s.span.end,
    dialect: c.dialect,
    mapped: data.mapped,
  };
  const relation = spanCustomers(c.dialect, data, k, s, activation);
  const customers = await relationTotals(c, "customers", span, `(${relation}) r`, [
    "MAX(positive_customers) AS spec_positive",
  ]);
  const leads = await relationTotals(c, "leads", span, data.mapped.leads ? "spec_leads" : null);
  const market = await relationTotals(c, "market", span, data.mapped.market ? "spec_market" : null);
  const all = new Map([...customers, ...leads, ...market]);
  const total = (name: SqlTotal): number => all.get(name) ?? 0;
  const orNull = (name: SqlTotal): number | null => (all.get(name) === null ? null : total(name));
  for (const name of SQL_TOTALS)
    if (!all.has(name)) throw new Error(`no definition computes the total ${name} in SQL`);
  return {
    revenue: total("revenue"),
    margin: orNull("margin"),
    customersBuying: total("customersBuying"),
    newCustomers: total("newCustomers"),
    repeatCustomers: total("repeatCustomers"),
    buyersYearBefore: total("buyersYearBefore"),
    buyersYearBeforeBuyingNow: total("buyersYearBeforeBuyingNow"),
    buyersYearToEnd: total("buyersYearToEnd"),
    potentialAccounts: orNull("potentialAccounts"),
    upsellCustomers: total("upsellCustomers"),
    upsellRevenue: total("upsellRevenue"),
    crossSellCustomers: orNull("crossSellCustomers"),
    leads:
      all.get("leadsCreated") === null
        ? null
        : { created: total("leadsCreated"), converted: total("leadsConverted") },
    customerBase: total("customerBase"),
    activeCustomers: total("activeCustomers"),
    lapsingCustomers: total("lapsingCustomers"),
    concentration:
      (all.get("spec_positive") ?? 0) > 0
        ? {
            topShare: total("topShare"),
            hhi: total("hhi"),
            paretoCustomers: total("paretoCustomers"),
          }
        : null,
  };
}
