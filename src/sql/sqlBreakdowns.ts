/**
 * What the scorecard lists beyond its indicators, on a SQL engine: the customers that come back
 * to Node (the period's top customers, the lapsing customers to rank for a call, and with a sheet
 * to write every scored customer's value attributes), revenue and customers by segment, leads by
 * source. Customers that come back get codes 0, 1, … in the order they come; their labels are
 * their ids as written (the least spelling when a customer is written several ways).
 */
import { CallCandidate } from "../engine/customerOutlook";
import { LeadSourceRow, SegmentRow } from "../engine/scorecard";
import { LAPSE_HORIZON_DAYS } from "../engine/lapsingCustomers";
import { TOP_CUSTOMERS } from "../plan/blocks/topCustomerBlock";
import { ValueAttribute, ValueAttributes } from "../engine/valueTiers";
import { DaySpan } from "../engine/period";
import { SqlConnection, doublesOf, integersOf } from "./sqlConnection";
import { SqlData } from "./sqlData";
import { historyColumns } from "./sqlModels";
import { SqlActivation, activeSql } from "./sqlTotals";

/** The customers that came back, by code: their keys, labels, revenue in the period, activity at its end. */
export class ReturnedCustomers {
  private readonly codes = new Map<string, number>();
  readonly labels: string[] = [];
  private readonly revenue: number[] = [];
  private readonly active: number[] = [];

  /** The code of a customer, given it when new. */
  code(key: string, label: string, revenue: number, active: number): number {
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.labels.length;
      this.codes.set(key, code);
      this.labels.push(label);
      this.revenue.push(revenue);
      this.active.push(active);
    }
    return code;
  }

  revenueByCustomer(): Float64Array {
    return Float64Array.from(this.revenue);
  }

  activeByCustomer(): Uint8Array {
    return Uint8Array.from(this.active);
  }
}

/** Labels of every customer: the sales table's spellings, else the Customers table's. */
export async function allLabels(c: SqlConnection, data: SqlData): Promise<void> {
  const customers = data.mapped.customers
    ? " UNION ALL SELECT c, label FROM spec_cust_ids WHERE c IS NOT NULL"
    : "";
  await c.run(
    c.dialect.createTemp(
      "spec_all_labels",
      `SELECT c, MIN(label) AS label FROM (SELECT c, label FROM spec_sales_ids WHERE c IS NOT NULL${customers}) q GROUP BY c`
    )
  );
}

/** The period's top customers by revenue (TOP_CUSTOMERS of them, ties by id): the Pareto block's. */
export async function topCustomers(
  c: SqlConnection,
  relation: string,
  into: ReturnedCustomers
): Promise<void> {
  const r = await c.columns(
    `SELECT r.c, lb.label, r.revenue, r.active FROM (${relation}) r LEFT JOIN spec_all_labels lb ON lb.c = r.c WHERE r.revenue > 0 ORDER BY r.revenue DESC, r.c LIMIT ${TOP_CUSTOMERS}`
  );
  const revenue = doublesOf(r.revenue);
  const active = integersOf(r.active);
  (r.c ?? []).forEach((key, i) =>
    into.code(String(key), String(r.label[i] ?? key), revenue[i], active[i])
  );
}

/**
 * The customers lapsing at `day` (the span's `lapsing`), with their histories at `day` (model day
 * index f) and the day each one lapses: the first day after `day` on which the activation
 * definition, over its rows up to `day`, no longer counts it (engine/lapsingCustomers.ts).
 */
export async function callCandidates(
  c: SqlConnection,
  relation: string,
  day: number,
  f: number,
  a: SqlActivation,
  into: ReturnedCustomers
): Promise<CallCandidate[]> {
  const d = c.dialect;
  await c.run(
    d.createTemp(
      "spec_lapsing",
      `SELECT r.c, r.revenue, r.active, lb.label, ${historyColumns(d, day, f, "s.")}, s.last_${f} AS last_purchase FROM (${relation}) r JOIN spec_cust s ON s.c = r.c LEFT JOIN spec_all_labels lb ON lb.c = r.c WHERE r.lapsing = 1`
    )
  );
  const w = a.windowDays;
  const days = `SUM(CASE WHEN dd.pos > 0 AND dd.d > ${day} + k.k - ${w} THEN 1 ELSE 0 END)`;
  const net = `SUM(CASE WHEN dd.d > ${day} + k.k - ${w} THEN dd.net ELSE 0 END)`;
  const inWindow = `dd.d > ${day - w} AND dd.d <= ${day}`;
  // The window at day + k holds the rows after day + k − w: what it counts changes only at k = 1
  // and where a row leaves it (k = d − day + w), so the first k at which the customer is no
  // longer active is one of those, and only they are tried (not every day of the horizon).
  const ahead = `SELECT c, 1 AS k FROM spec_lapsing UNION SELECT dd.c, dd.d - ${day - w} AS k FROM spec_days dd JOIN spec_lapsing l ON dd.c = l.c WHERE ${inWindow} AND dd.d - ${day - w} <= ${LAPSE_HORIZON_DAYS}`;
  const r = await c.columns(
    `SELECT l.c, l.label, l.revenue, l.active, l.x, l.tx, l.t, l.m, l.last_purchase, q.lapse FROM spec_lapsing l JOIN (SELECT c, MIN(k) AS lapse FROM (SELECT l.c, k.k, ${days} AS days, ${net} AS net FROM spec_lapsing l JOIN (${ahead}) k ON k.c = l.c JOIN spec_days dd ON dd.c = l.c AND ${inWindow} GROUP BY l.c, k.k) z WHERE NOT ${activeSql(d, "days", "net", a)} GROUP BY c) q ON q.c = l.c ORDER BY l.c`
  );
  const [x, tx, T, last, lapse, active] = [r.x, r.tx, r.t, r.last_purchase, r.lapse, r.active].map(
    integersOf
  );
  const [m, revenue] = [r.m, r.revenue].map(doublesOf);
  return (r.c ?? []).map((key, i) => ({
    customer: into.code(String(key), String(r.label[i] ?? key), revenue[i], active[i]),
    lastPurchase: last[i],
    lapseDay: day + lapse[i],
    x: x[i],
    tx: tx[i],
    T: T[i],
    m: x[i] > 0 ? m[i] : NaN,
  }));
}

/** Columns of the value attributes (engine/valueTiers.ts) in spec_cust and spec_base. */
const ATTRIBUTE_SQL: Record<ValueAttribute, (day: number) => string> = {
  volume: () => "COALESCE(s.volume, 0)",
  frequency: () => "COALESCE(s.frequency, 0)",
  margin: () => "COALESCE(s.value_margin, 0)",
  breadth: () => "COALESCE(s.breadth, 0)",
  tenure: (day) => `CASE WHEN s.first_purchase <= ${day} THEN ${day} - s.first_purchase END`,
  serviceCost: () => "b.service_cost",
  creditDays: () => "b.credit_days",
  daysLate: () => "b.days_late",
};

/** The attributes the data has, in VALUE_ATTRIBUTES order (engine/valueTiers.ts's rule). */
export function valueAttributesOf(data: SqlData): ValueAttribute[] {
  const all: ValueAttribute[] = ["volume", "frequency", "margin", "breadth", "tenure"];
  return [
    ...all.filter(
      (a) => (a !== "margin" || data.mapped.margin) && (a !== "breadth" || data.mapped.productLine)
    ),
    ...data.mapped.attributes,
  ];
}

/**
 * Every scored customer's value attributes at `day` (SPEC.md §1): the Customers table's customers,
 * else everyone with a sales row by then; with their revenue in the period and activity at its end.
 */
export async function valueAttributes(
  c: SqlConnection,
  data: SqlData,
  relation: string,
  day: number,
  into: ReturnedCustomers
): Promise<ValueAttributes> {
  const attributes = valueAttributesOf(data);
  const base = data.mapped.customers ? " LEFT JOIN spec_base b ON b.c = r.c" : "";
  const scored = data.mapped.customers ? "s.listed = 1" : "s.has_row_0 = 1";
  const r = await c.columns(
    `SELECT r.c, lb.label, r.revenue, r.active${attributes.map((a, j) => `, ${ATTRIBUTE_SQL[a](day)} AS a${j}`).join("")} FROM (${relation}) r JOIN spec_cust s ON s.c = r.c${base} LEFT JOIN spec_all_labels lb ON lb.c = r.c WHERE ${scored} ORDER BY r.c`
  );
  const revenue = doublesOf(r.revenue);
  const active = integersOf(r.active);
  const keys = r.c ?? [];
  const customers = Int32Array.from(keys, (key, i) =>
    into.code(String(key), String(r.label[i] ?? key), revenue[i], active[i])
  );
  return {
    customers,
    columns: new Map(attributes.map((a, j) => [a, doublesOf(r[`a${j}`])] as const)),
  };
}

/** Revenue and buying customers by segment over the period (null without a segment column). */
export async function segmentRows(
  c: SqlConnection,
  data: SqlData,
  relation: string
): Promise<SegmentRow[] | null> {
  if (!data.mapped.segments) return null;
  const r = await c.columns(
    `SELECT g.label, COALESCE(t.revenue, 0) AS revenue, COALESCE(t.customers, 0) AS customers, g.ord FROM spec_segments g LEFT JOIN (SELECT b.seg, SUM(r.revenue) AS revenue, SUM(r.buying) AS customers FROM (${relation}) r LEFT JOIN spec_base b ON b.c = r.c GROUP BY b.seg) t ON t.seg = g.k ORDER BY g.ord`
  );
  const unknown = await c.columns(
    `SELECT COALESCE(SUM(r.revenue), 0) AS revenue, COALESCE(SUM(r.buying), 0) AS customers FROM (${relation}) r LEFT JOIN spec_base b ON b.c = r.c WHERE b.seg IS NULL`
  );
  const [revenue, customers] = [doublesOf(r.revenue), doublesOf(r.customers)];
  const rows: SegmentRow[] = (r.label ?? []).map((label, i) => ({
    segment: String(label),
    revenue: revenue[i],
    customers: customers[i],
  }));
  const other = {
    revenue: doublesOf(unknown.revenue)[0],
    customers: doublesOf(unknown.customers)[0],
  };
  return other.revenue !== 0 || other.customers !== 0
    ? [...rows, { segment: null, ...other }]
    : rows;
}

/** Leads created in the span and converted, by source (null without a Leads table). */
export async function leadSourceRows(
  c: SqlConnection,
  data: SqlData,
  span: DaySpan,
  hasSource: boolean
): Promise<LeadSourceRow[] | null> {
  if (!data.mapped.leads) return null;
  const within = `day >= ${span.start} AND day <= ${span.end}`;
  const named = hasSource
    ? await c.columns(
        `SELECT g.label, COALESCE(t.leads, 0) AS leads, COALESCE(t.converted, 0) AS converted FROM spec_sources g LEFT JOIN (SELECT src, COUNT(*) AS leads, SUM(converted) AS converted FROM spec_leads WHERE ${within} GROUP BY src) t ON t.src = g.k ORDER BY g.ord`
      )
    : { label: [], leads: [], converted: [] };
  const unknown = await c.columns(
    `SELECT COUNT(*) AS leads, COALESCE(SUM(converted), 0) AS converted FROM spec_leads WHERE ${within} AND src IS NULL`
  );
  const [leads, converted] = [doublesOf(named.leads), doublesOf(named.converted)];
  const rows: LeadSourceRow[] = (named.label ?? []).map((label, i) => ({
    source: String(label),
    leads: leads[i],
    converted: converted[i],
  }));
  const other = { leads: doublesOf(unknown.leads)[0], converted: doublesOf(unknown.converted)[0] };
  return other.leads > 0 ? [...rows, { source: null, ...other }] : rows;
}
