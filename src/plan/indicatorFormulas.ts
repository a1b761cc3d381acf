/**
 * The live formula of each indicator (SPEC.md §3.3), written once for both writers: native
 * functions over the source columns, and the SPEC custom functions for the Service stage. LET
 * variables carry the `§` sigil, which each writer turns into what its Excel expects.
 *
 * Two rules make every formula give exactly what the engine computes, on messy data and at
 * Excel's size:
 * - Ids and labels are compared by the key the engine uses (core/textKey.ts): cleaned, trimmed,
 *   lower case, so " 7004", 7004 and "7004" are one customer, and "", spaces and 0 are none.
 * - No formula costs rows × customers: distinct customers are counted with one UNIQUE per set,
 *   and what two sets share by inclusion–exclusion (|A ∩ B| = |A| + |B| − |A ∪ B|), never by
 *   looking each row up in another list. The only lookup (a row's segment) is a binary search
 *   in a sorted list. What cannot be written so (each customer's own sums) is left to the caller.
 */
import { textKeyFormula } from "../core/textKey";
import { IndicatorId } from "../engine/indicatorCatalog";
import { CONVERTED_STATUSES } from "../engine/scorecardData";
import { CUSTOMER_FORECAST_HEADER } from "../core/sheetFunctions";

/** CUSTOMER_FORECAST's column of expected revenue, counted from 1. */
const EXPECTED_REVENUE_COLUMN = CUSTOMER_FORECAST_HEADER.indexOf("expected_revenue") + 1;

/** Formula text of the mapped columns; absent when not mapped. */
export interface DataRefs {
  readonly customer: string;
  readonly date: string;
  readonly amount: string;
  readonly margin?: string;
  readonly productLine?: string;
  readonly customerIds?: string;
  readonly customerSegments?: string;
  readonly leadCreated?: string;
  readonly leadSource?: string;
  readonly leadStatus?: string;
  readonly leadCustomer?: string;
  readonly potentialAccounts?: string;
}

/** Cells (absolute addresses) of a span of days: its first day, its last counted day (as of), and its period's last day (a formula). */
export interface SpanCells {
  readonly start: string;
  readonly end: string;
  readonly periodEnd: string;
}

export interface ParameterCells {
  readonly window: string;
  readonly minPurchases: string;
  readonly minAmount: string;
}

export const LET_VARIABLE = "§";

/** A formula as typed into Excel (Office.js takes them so): only the LET sigil goes. */
export function typedFormula(formula: string): string {
  return formula.split(LET_VARIABLE).join("");
}
const v = (name: string): string => `${LET_VARIABLE}${name}`;

/** A text constant in a formula: quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A column of text constants, {"a";"b"}. */
export function textColumn(texts: readonly string[]): string {
  return `{${texts.map(textLiteral).join(";")}}`;
}

/** Stands for "nothing" where FILTER finds no row: no key can equal it (keys hold no control character). */
const NOTHING = "CHAR(30)";
/** Joins a customer's key to a product line's or a segment's: no key holds it. */
const JOIN = "CHAR(31)";

const key = textKeyFormula;

/** Rows whose customer is not blank, given §k: "", spaces and 0 are no customer. */
const hasCustomer = `(${v("k")}<>"")*(${v("k")}<>"0")`;

/** Days from `start` to `end` inclusive; a date with a time of day counts on its day. */
const within = (r: DataRefs, start: string, end: string): string =>
  `(${r.date}>=${start})*(${r.date}<${end}+1)`;

/** The number of distinct values of `list` where `condition` holds; 0 where it holds nowhere. */
const distinct = (list: string, condition: string): string =>
  `IFERROR(ROWS(UNIQUE(FILTER(${list},${condition}))),0)`;

/** `a` then `b` as one column (VSTACK, which LibreOffice 25.2 lacks, written with INDEX). */
function stacked(a: string, b: string, rowsOfA: string, rowsOfB: string): string {
  const t = `SEQUENCE(${rowsOfA}+${rowsOfB})`;
  return `IF(${t}<=${rowsOfA},INDEX(${a},${t}),INDEX(${b},${t}-${rowsOfA}))`;
}

/** The customer keys §k of the sales rows, then `body`. */
const withKeys = (r: DataRefs, body: string): string => `LET(${v("k")},${key(r.customer)},${body})`;

/** The as-of day: the latest sales date of a row with a customer. */
export function latestSaleFormula(r: DataRefs): string {
  return withKeys(r, `INT(MAX(IF(${hasCustomer},${r.date},0)))`);
}

/** Where an indicator's value and previous value are: each cell, and the two as one range ("B22:C22"). */
export interface IndicatorCells {
  readonly now: (id: IndicatorId) => string;
  readonly before: (id: IndicatorId) => string;
  readonly both: (id: IndicatorId) => string;
}

/**
 * An indicator's live cells: one formula that gives its value now and before, side by side (the
 * keys of the sales rows computed once for both), or one formula per column (the add-in's
 * functions, one call each).
 */
export type IndicatorFormulas =
  | { readonly kind: "both"; readonly formula: string }
  | { readonly kind: "each"; readonly now: string; readonly before: string };

/** One span's part of a both-columns formula: its own LET names (suffixed) and its value. */
interface SpanPart {
  readonly names: string;
  readonly value: string;
}

/** LET(shared names, each span's names, CHOOSE({1,2}, now, before)): value and previous in one formula. */
function both(shared: string, now: SpanPart, before: SpanPart): IndicatorFormulas {
  return {
    kind: "both",
    formula: `LET(${shared}${now.names}${before.names}CHOOSE({1,2},${now.value},${before.value}))`,
  };
}

/** The live formulas of an indicator; null when its data is not mapped or no formula can keep it live. */
export function indicatorFormulas(
  id: IndicatorId,
  r: DataRefs,
  spans: { now: SpanCells; before: SpanCells },
  p: ParameterCells,
  cells: IndicatorCells
): IndicatorFormulas | null {
  const keys = `${v("k")},${key(r.customer)},`;
  const purchase = `${hasCustomer}*(${r.amount}>0)`;
  // Each span's part: built with the span's cells, a suffix for its LET names, and its column's cells.
  const parts = (
    part: (s: SpanCells, x: string, column: (id: IndicatorId) => string) => SpanPart
  ): [SpanPart, SpanPart] => [
    part(spans.now, "_n", cells.now),
    part(spans.before, "_b", cells.before),
  ];
  const plain =
    (value: (s: SpanCells) => string) =>
    (s: SpanCells): SpanPart => ({ names: "", value: value(s) });
  switch (id) {
    case "revenue":
    case "margin": {
      const column = id === "revenue" ? r.amount : r.margin;
      if (column === undefined) return null;
      return both(
        keys,
        ...parts(plain((s) => `SUM(${hasCustomer}*${within(r, s.start, s.end)}*${column})`))
      );
    }
    case "info.customers_buying":
      return both(
        keys,
        ...parts(plain((s) => distinct(v("k"), `${purchase}*${within(r, s.start, s.end)}`)))
      );
    case "info.revenue_per_customer":
      return {
        kind: "both",
        formula: `IFERROR(${cells.both("revenue")}/${cells.both("info.customers_buying")},"")`,
      };
    case "info.penetration": {
      if (r.potentialAccounts === undefined) return null;
      const [now, before] = parts(
        plain((s) => distinct(v("k"), `${purchase}*${within(r, `${s.end}-364`, s.end)}`))
      );
      return {
        kind: "both",
        formula: `IF(SUM(${r.potentialAccounts})>0,LET(${keys}CHOOSE({1,2},${now.value},${before.value}))/SUM(${r.potentialAccounts}),"")`,
      };
    }
    case "mkt.leads": {
      if (r.leadCreated === undefined) return null;
      const [now, before] = parts(plain((s) => `SUM(${leadsWithin(r, s.start, s.end)})`));
      return { kind: "both", formula: `CHOOSE({1,2},${now.value},${before.value})` };
    }
    case "mkt.lead_conversion": {
      if (r.leadCreated === undefined) return null;
      const [now, before] = parts(
        plain((s) => `SUM(${leadsWithin(r, s.start, s.end)}*${v("cv")})`)
      );
      return {
        kind: "both",
        formula: `LET(${leadConvertedNames(r)},IFERROR(CHOOSE({1,2},${now.value},${before.value})/${cells.both("mkt.leads")},""))`,
      };
    }
    case "sales.new_customers":
      // First purchase in the span: buyers up to its end, less buyers before it.
      return both(
        `${keys}${v("p")},${purchase},`,
        ...parts(
          plain(
            (s) =>
              `${distinct(v("k"), `${v("p")}*(${r.date}<${s.end}+1)`)}-${distinct(v("k"), `${v("p")}*(${r.date}<${s.start})`)}`
          )
        )
      );
    case "sales.repeat_customers":
      return {
        kind: "both",
        formula: `${cells.both("info.customers_buying")}-${cells.both("sales.new_customers")}`,
      };
    case "sales.repeat_rate":
      // Of the buyers B of the 365 days before the span, those buying in it: |B| + |now| − |B ∪ now|.
      return both(
        `${keys}${v("p")},${purchase},`,
        ...parts((s, x, column) => ({
          names: `${v(`b${x}`)},${distinct(v("k"), `${v("p")}*(${r.date}>=${s.start}-365)*(${r.date}<${s.start})`)},`,
          value: `IF(${v(`b${x}`)}=0,"",(${v(`b${x}`)}+${column("info.customers_buying")}-${distinct(v("k"), `${v("p")}*(${r.date}>=${s.start}-365)*(${r.date}<${s.end}+1)`)})/${v(`b${x}`)})`,
        }))
      );
    case "sales.upsell_customers":
    case "sales.upsell_revenue":
      // Each customer's revenue now against before: per-customer sums, which no formula keeps live at this cost.
      return null;
    case "sales.cross_sell_customers":
      if (r.productLine === undefined) return null;
      return both(
        `${keys}${v("l")},${key(r.productLine)},${v("p")},${purchase},${v("q")},${v("p")}*(${v("l")}<>""),`,
        ...parts((s, x) => crossSell(r, s, x))
      );
    case "svc.activation_rate": {
      const base = r.customerIds === undefined ? "" : `,${r.customerIds}`;
      const call = (s: SpanCells): string =>
        `IFERROR(SPEC.ACTIVATION_RATE(${r.customer},${r.date},${r.amount},${s.end},${p.window},${p.minPurchases},${p.minAmount}${base}),"")`;
      return { kind: "each", now: call(spans.now), before: call(spans.before) };
    }
    case "svc.lapsing_customers":
      // Each customer's activity now and 30 days on: per-customer, no formula keeps it live at this cost.
      return null;
    case "svc.expected_revenue": {
      // Σ of CUSTOMER_FORECAST's expected_revenue column; blank when none (no spend model) or an error.
      const call = (s: SpanCells): string =>
        `IFERROR(LET(${v("f")},INDEX(SPEC.CUSTOMER_FORECAST(${r.customer},${r.date},${r.amount},${s.end},${s.periodEnd}-${s.end}),0,${EXPECTED_REVENUE_COLUMN}),IF(COUNT(${v("f")})=0,"",SUM(${v("f")}))),"")`;
      return { kind: "each", now: call(spans.now), before: call(spans.before) };
    }
    case "svc.top20_share":
    case "svc.hhi":
    case "svc.pareto_customers": {
      const measure =
        id === "svc.top20_share" ? `"TOP_PCT",20` : id === "svc.hhi" ? `"HHI"` : `"PARETO",80`;
      const call = (s: SpanCells): string =>
        `IFERROR(SPEC.CONCENTRATION(IF(${within(r, s.start, s.end)},${r.amount},0),${r.customer},${measure}),"")`;
      return { kind: "each", now: call(spans.now), before: call(spans.before) };
    }
  }
}

/**
 * Existing customers (a purchase before the span) who bought in it a product line they never
 * bought before it. The (customer, line) pairs bought before the span, written twice, then those
 * bought in it: a pair found exactly once was new in the span (UNIQUE's exactly_once). Of their
 * customers, those also among the earlier buyers, by inclusion–exclusion. Uses the shared names
 * §k (customer), §l (line), §p (a purchase) and §q (a purchase with a line); one flat LET, since
 * LibreOffice 25.2 cannot see a LET's names from a LET inside it.
 */
function crossSell(r: DataRefs, s: SpanCells, x: string): SpanPart {
  const n = (name: string): string => v(`${name}${x}`);
  const pair = `${v("k")}&${JOIN}&${v("l")}`;
  const rows = (list: string): string => `ROWS(${list})`;
  const names =
    `${n("o")},UNIQUE(FILTER(${pair},${v("q")}*(${r.date}<${s.start}),${NOTHING})),` +
    `${n("w")},UNIQUE(FILTER(${pair},${v("q")}*${within(r, s.start, s.end)},${NOTHING})),` +
    `${n("e")},UNIQUE(FILTER(${v("k")},${v("p")}*(${r.date}<${s.start}),${NOTHING})),` +
    `${n("t")},${stacked(n("o"), stacked(n("o"), n("w"), rows(n("o")), rows(n("w"))), rows(n("o")), `(${rows(n("o"))}+${rows(n("w"))})`)},` +
    `${n("x")},UNIQUE(${n("t")},FALSE,TRUE),` +
    `${n("u")},UNIQUE(LEFT(${n("x")},FIND(${JOIN},${n("x")})-1)),`;
  const value = `IF(INDEX(${n("w")},1)=${NOTHING},0,IFERROR(${rows(n("u"))}+${rows(n("e"))}-ROWS(UNIQUE(${stacked(n("u"), n("e"), rows(n("u")), rows(n("e")))})),0))`;
  return { names, value };
}

/** Lead statuses that mean converted, as keys. */
const convertedList = `{${CONVERTED_STATUSES.map((s) => textLiteral(s)).join(",")}}`;

/**
 * 1 for a converted lead (SPEC.md §3.1): a won status, or a customer id given (not blank, not 0),
 * as LET names: §cv holds it, after §lc (the lead's customer key) when there is a customer column.
 */
function leadConvertedNames(r: DataRefs): string {
  const signs: string[] = [];
  let names = "";
  if (r.leadStatus !== undefined)
    signs.push(`ISNUMBER(MATCH(${key(r.leadStatus)},${convertedList},0))`);
  if (r.leadCustomer !== undefined) {
    names = `${v("lc")},${key(r.leadCustomer)},`;
    signs.push(`(${v("lc")}<>"")*(${v("lc")}<>"0")`);
  }
  return `${names}${v("cv")},${signs.length === 0 ? "0" : `SIGN(${signs.join("+")})`}`;
}

/** Leads created from `start` to `end`; a time of day counts on its day. */
const leadsWithin = (r: DataRefs, start: string, end: string): string =>
  `(${r.leadCreated}>=${start})*(${r.leadCreated}<${end}+1)`;

/**
 * Leads and converted leads of each source ("" for leads without one), as one formula spilling
 * one row per source and two columns: the leads' keys and conversions computed once.
 */
export function leadSourceFormula(
  r: DataRefs,
  s: SpanCells,
  sourceKeys: readonly string[]
): string | null {
  if (r.leadCreated === undefined || r.leadSource === undefined) return null;
  const sources = textColumn(sourceKeys);
  const bySource = `--(${sources}=TRANSPOSE(${v("s")}))`;
  return `LET(${v("s")},${key(r.leadSource)},${leadConvertedNames(r)},${v("w")},${leadsWithin(r, s.start, s.end)},CHOOSE({1,2},MMULT(${bySource},${v("w")}),MMULT(${bySource},${v("w")}*${v("cv")})))`;
}

/**
 * Revenue and buying customers of each segment, as one formula spilling one row per segment and
 * two columns. Each sales row's segment is its customer's in the Customers table (its first row,
 * as in the engine), found by binary search in the ids sorted once, each id kept once. LibreOffice 25.2's binary search never finds an
 * array's last entry, so the sorted list carries its last id twice (harmless in Excel).
 */
export function segmentFormula(
  r: DataRefs,
  s: SpanCells,
  segmentKeys: readonly string[]
): string | null {
  if (r.customerIds === undefined || r.customerSegments === undefined) return null;
  const segments = textColumn(segmentKeys);
  const inSpan = `${hasCustomer}*${within(r, s.start, s.end)}`;
  return withKeys(
    r,
    `${v("i")},${key(r.customerIds)},${firstRowsSorted(r.customerSegments)}` +
      `${searchable("o", `FILTER(${v("si")},${v("sf")})`, `FILTER(${v("sg")},${v("sf")})`)}` +
      `${v("g")},XLOOKUP(${v("k")},${v("o")},${v("oby")},"",0,2),` +
      `${v("x")},UNIQUE(FILTER(${v("g")}&${JOIN}&${v("k")},${inSpan}*(${r.amount}>0),${NOTHING})),` +
      `${v("y")},LEFT(${v("x")},FIND(${JOIN},${v("x")}&${JOIN})-1),` +
      `CHOOSE({1,2},MMULT(--(${segments}=TRANSPOSE(${v("g")})),${inSpan}*${r.amount}),MMULT(--(${segments}=TRANSPOSE(${v("y")})),SEQUENCE(ROWS(${v("x")}),1,1,0)))`
  );
}

/**
 * LET names §si, §sg: the Customers ids §i and their segments sorted by id, then by row, so that
 * an id listed twice has its first row first; §sf marks those first rows. A binary search over
 * the first rows alone finds the row the engine takes (the first), whichever id repeats.
 */
function firstRowsSorted(segments: string): string {
  const [i, r, si] = [v("i"), v("r"), v("si")];
  return (
    `${r},SEQUENCE(ROWS(${i})),${si},SORTBY(${i},${i},1,${r},1),` +
    `${v("sg")},SORTBY(${key(segments)},${i},1,${r},1),` +
    `${v("sf")},(${r}=1)+(${si}<>INDEX(${si},IF(${r}>1,${r}-1,1)))>0,`
  );
}

/**
 * LET names for a binary search: §name, the sorted list `sorted`, and §nameby, `alongside` (sorted
 * the same way) when given. LibreOffice 25.2's binary search never finds an array's last entry, so
 * both carry their last entry twice (harmless in Excel).
 */
function searchable(name: string, sorted: string, alongside?: string): string {
  const n = v(`${name}count`);
  const t = v(`${name}seq`);
  const last = (list: string): string => `IF(${t}<=${n},INDEX(${list},${t}),INDEX(${list},${n}))`;
  const all = v(`${name}all`);
  const allAlongside = v(`${name}with`);
  return (
    `${all},${sorted},${alongside === undefined ? "" : `${allAlongside},${alongside},`}${n},ROWS(${all}),${t},SEQUENCE(${n}+1),` +
    `${v(name)},${last(all)},${alongside === undefined ? "" : `${v(`${name}by`)},${last(allAlongside)},`}`
  );
}

/** Run rate to the period end: the value so far × days in the period ÷ days elapsed. */
export function runRateFormula(value: string, daysInPeriod: string, elapsed: string): string {
  return `IF(ISNUMBER(${value}),${value}*${daysInPeriod}/${elapsed},"")`;
}

/** Cells the forecasts to the period end read. */
export interface ForecastCells {
  /** The period's first day, its length in months, days in it and days elapsed. */
  readonly start: string;
  readonly months: string;
  readonly daysInPeriod: string;
  readonly elapsed: string;
  readonly asOf: string;
}

/**
 * Prior-year pace (SPEC.md §3.4): `value` × F ÷ P, F the column's total over the same period a year
 * earlier and P over its first elapsed days; blank when the sales start after that period's start
 * or P ≤ 0.
 */
export function priorYearFormula(
  r: DataRefs,
  column: string,
  value: string,
  c: ForecastCells
): string {
  const inRows = (from: string, to: string): string =>
    `SUM(${hasCustomer}*${within(r, from, to)}*${column})`;
  return withKeys(
    r,
    `${v("s")},EDATE(${c.start},-12),${v("e")},EDATE(${v("s")},${c.months})-1,` +
      `${v("w")},${inRows(v("s"), v("e"))},${v("p")},${inRows(v("s"), `MIN(${v("s")}+${c.elapsed}-1,${v("e")})`)},` +
      `${v("f")},INT(MIN(IF(${hasCustomer},${r.date},${LAST_DATE}))),` +
      `IF(AND(ISNUMBER(${value}),${v("f")}<=${v("s")},${v("p")}>0),${value}*${v("w")}/${v("p")},"")`
  );
}

/** Excel's last date, 9999-12-31: later than any sale. */
const LAST_DATE = 2958465;

/**
 * The customer model's forecast (SPEC.md §3.4): revenue so far + the revenue the customer models
 * expect to period end + the new customers' revenue so far at its pace for the remaining days.
 * New customers' revenue: rows in the period of customers with a purchase up to as of and none
 * before the period, found by binary search in the two sorted lists of buyers.
 */
export function customerModelFormula(
  r: DataRefs,
  revenue: string,
  expected: string,
  c: ForecastCells
): string {
  const purchase = `${hasCustomer}*(${r.amount}>0)`;
  const buyers = (before: string): string =>
    `SORT(UNIQUE(FILTER(${v("k")},${v("p")}*(${r.date}<${before}),${NOTHING})))`;
  return withKeys(
    r,
    `${v("p")},${purchase},${searchable("e", buyers(c.start))}${searchable("b", buyers(`${c.asOf}+1`))}` +
      `${v("n")},SUM(${hasCustomer}*${within(r, c.start, c.asOf)}*${r.amount}*ISNA(XMATCH(${v("k")},${v("e")},0,2))*ISNUMBER(XMATCH(${v("k")},${v("b")},0,2))),` +
      `IF(AND(ISNUMBER(${revenue}),ISNUMBER(${expected})),${revenue}+${expected}+${v("n")}*(${c.daysInPeriod}-${c.elapsed})/${c.elapsed},"")`
  );
}

/** Each listed customer's revenue in the span, as one formula spilling one row per customer. */
export function customerRevenueFormula(r: DataRefs, s: SpanCells, customers: string): string {
  return withKeys(
    r,
    `MMULT(--(${key(customers)}=TRANSPOSE(${v("k")})),${within(r, s.start, s.end)}*${r.amount})`
  );
}
