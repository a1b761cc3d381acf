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

/** Cells (absolute addresses) of a span of days: its first day and its last counted day (as of). */
export interface SpanCells {
  readonly start: string;
  readonly end: string;
}

export interface ParameterCells {
  readonly window: string;
  readonly minPurchases: string;
  readonly minAmount: string;
}

/** Cells of other indicators in the same column, for ratios and differences. */
export type SiblingCells = Partial<Record<IndicatorId, string>>;

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
const within = (r: DataRefs, start: string, end: string): string => `(${r.date}>=${start})*(${r.date}<${end}+1)`;

/** The number of distinct values of `list` where `condition` holds; 0 where it holds nowhere. */
const distinct = (list: string, condition: string): string => `IFERROR(ROWS(UNIQUE(FILTER(${list},${condition}))),0)`;

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

export function indicatorFormula(id: IndicatorId, r: DataRefs, s: SpanCells, p: ParameterCells, sibling: SiblingCells): string | null {
  const span = within(r, s.start, s.end);
  const purchase = `${hasCustomer}*(${r.amount}>0)`;
  switch (id) {
    case "revenue":
      return withKeys(r, `SUM(${hasCustomer}*${span}*${r.amount})`);
    case "margin":
      return r.margin === undefined ? null : withKeys(r, `SUM(${hasCustomer}*${span}*${r.margin})`);
    case "info.customers_buying":
      return withKeys(r, distinct(v("k"), `${purchase}*${span}`));
    case "info.revenue_per_customer":
      return `IF(N(${sibling["info.customers_buying"]})=0,"",${sibling.revenue}/${sibling["info.customers_buying"]})`;
    case "info.penetration":
      if (r.potentialAccounts === undefined) return null;
      return `IF(SUM(${r.potentialAccounts})>0,${withKeys(r, distinct(v("k"), `${purchase}*${within(r, `${s.end}-364`, s.end)}`))}/SUM(${r.potentialAccounts}),"")`;
    case "mkt.leads":
      return r.leadCreated === undefined ? null : `COUNTIFS(${r.leadCreated},">="&${s.start},${r.leadCreated},"<"&(${s.end}+1))`;
    case "mkt.lead_conversion": {
      if (r.leadCreated === undefined) return null;
      const leads = sibling["mkt.leads"];
      return `IF(N(${leads})=0,"",SUMPRODUCT((${r.leadCreated}>=${s.start})*(${r.leadCreated}<${s.end}+1)*${leadConverted(r)})/${leads})`;
    }
    case "sales.new_customers":
      // First purchase in the span: buyers up to its end, less buyers before it.
      return withKeys(r, `${distinct(v("k"), `${purchase}*(${r.date}<${s.end}+1)`)}-${distinct(v("k"), `${purchase}*(${r.date}<${s.start})`)}`);
    case "sales.repeat_customers":
      return `${sibling["info.customers_buying"]}-${sibling["sales.new_customers"]}`;
    case "sales.repeat_rate":
      // Of the buyers B of the 365 days before the span, those buying in it: |B| + |now| − |B ∪ now|.
      return withKeys(
        r,
        `${v("p")},${purchase},${v("b")},${distinct(v("k"), `${v("p")}*(${r.date}>=${s.start}-365)*(${r.date}<${s.start})`)},` +
          `IF(${v("b")}=0,"",(${v("b")}+${sibling["info.customers_buying"]}-${distinct(v("k"), `${v("p")}*(${r.date}>=${s.start}-365)*(${r.date}<${s.end}+1)`)})/${v("b")})`,
      );
    case "sales.upsell_customers":
    case "sales.upsell_revenue":
      // Each customer's revenue now against before: per-customer sums, which no formula keeps live at this cost.
      return null;
    case "sales.cross_sell_customers":
      return r.productLine === undefined ? null : crossSellFormula(r, s);
    case "svc.activation_rate": {
      const base = r.customerIds === undefined ? "" : `,${r.customerIds}`;
      return `IFERROR(SPEC.ACTIVATION_RATE(${r.customer},${r.date},${r.amount},${s.end},${p.window},${p.minPurchases},${p.minAmount}${base}),"")`;
    }
    case "svc.top20_share":
      return `IFERROR(SPEC.CONCENTRATION(IF(${span},${r.amount},0),${r.customer},"TOP_PCT",20),"")`;
    case "svc.hhi":
      return `IFERROR(SPEC.CONCENTRATION(IF(${span},${r.amount},0),${r.customer},"HHI"),"")`;
    case "svc.pareto_customers":
      return `IFERROR(SPEC.CONCENTRATION(IF(${span},${r.amount},0),${r.customer},"PARETO",80),"")`;
  }
}

/**
 * Existing customers (a purchase before the span) who bought in it a product line they never
 * bought before it. The (customer, line) pairs bought before the span, written twice, then those
 * bought in it: a pair found exactly once was new in the span (UNIQUE's exactly_once). Of their
 * customers, those also among the earlier buyers, by inclusion–exclusion.
 */
function crossSellFormula(r: DataRefs, s: SpanCells): string {
  const pair = `${v("k")}&${JOIN}&${v("l")}`;
  const buying = `${hasCustomer}*(${r.amount}>0)`;
  const rows = (x: string): string => `ROWS(${x})`;
  // One flat LET: LibreOffice 25.2 cannot see a LET's names from a LET inside it.
  const body =
    `${v("l")},${key(r.productLine as string)},` +
    `${v("p")},${buying}*(${v("l")}<>""),` +
    `${v("o")},UNIQUE(FILTER(${pair},${v("p")}*(${r.date}<${s.start}),${NOTHING})),` +
    `${v("w")},UNIQUE(FILTER(${pair},${v("p")}*${within(r, s.start, s.end)},${NOTHING})),` +
    `${v("e")},UNIQUE(FILTER(${v("k")},${buying}*(${r.date}<${s.start}),${NOTHING})),` +
    `${v("t")},${stacked(v("o"), stacked(v("o"), v("w"), rows(v("o")), rows(v("w"))), rows(v("o")), `(${rows(v("o"))}+${rows(v("w"))})`)},` +
    `${v("n")},UNIQUE(${v("t")},FALSE,TRUE),` +
    `${v("u")},UNIQUE(LEFT(${v("n")},FIND(${JOIN},${v("n")})-1)),` +
    `IF(INDEX(${v("w")},1)=${NOTHING},0,IFERROR(${rows(v("u"))}+${rows(v("e"))}-ROWS(UNIQUE(${stacked(v("u"), v("e"), rows(v("u")), rows(v("e")))})),0))`;
  return withKeys(r, body);
}

/** Lead statuses that mean converted, as keys. */
const convertedList = `{${CONVERTED_STATUSES.map((s) => textLiteral(s)).join(",")}}`;

/** 1 for a converted lead (SPEC.md §3.1): a won status, or a customer id given (not blank, not 0). */
function leadConverted(r: DataRefs): string {
  const signs: string[] = [];
  if (r.leadStatus !== undefined) signs.push(`ISNUMBER(MATCH(${key(r.leadStatus)},${convertedList},0))`);
  if (r.leadCustomer !== undefined) signs.push(`(${key(r.leadCustomer)}<>"")*(${key(r.leadCustomer)}<>"0")`);
  return signs.length === 0 ? "0" : `SIGN(${signs.join("+")})`;
}

/**
 * Revenue and buying customers of each segment, as one formula spilling one row per segment and
 * two columns. Each sales row's segment is its customer's in the Customers table (its first row),
 * found by binary search in the ids sorted once. LibreOffice 25.2's binary search never finds an
 * array's last entry, so the sorted list carries its last id twice (harmless in Excel).
 */
export function segmentFormula(r: DataRefs, s: SpanCells, segmentKeys: readonly string[]): string | null {
  if (r.customerIds === undefined || r.customerSegments === undefined) return null;
  const last = (list: string): string => `IF(${v("t")}<=${v("n")},INDEX(${list},${v("t")}),INDEX(${list},${v("n")}))`;
  const segments = textColumn(segmentKeys);
  const inSpan = `${hasCustomer}*${within(r, s.start, s.end)}`;
  return withKeys(
    r,
    `${v("i")},${key(r.customerIds)},${v("o")},SORTBY(${v("i")},${v("i")}),${v("q")},SORTBY(${key(r.customerSegments)},${v("i")}),` +
      `${v("n")},ROWS(${v("o")}),${v("t")},SEQUENCE(${v("n")}+1),` +
      `${v("g")},XLOOKUP(${v("k")},${last(v("o"))},${last(v("q"))},"",0,2),` +
      `${v("x")},UNIQUE(FILTER(${v("g")}&${JOIN}&${v("k")},${inSpan}*(${r.amount}>0),${NOTHING})),` +
      `${v("y")},LEFT(${v("x")},FIND(${JOIN},${v("x")}&${JOIN})-1),` +
      `CHOOSE({1,2},MMULT(--(${segments}=TRANSPOSE(${v("g")})),${inSpan}*${r.amount}),MMULT(--(${segments}=TRANSPOSE(${v("y")})),SEQUENCE(ROWS(${v("x")}),1,1,0)))`,
  );
}

/** Leads and converted leads of one source ("" for leads without one). */
export function leadSourceFormulas(r: DataRefs, s: SpanCells, sourceKey: string): { leads: string; converted: string } | null {
  if (r.leadCreated === undefined || r.leadSource === undefined) return null;
  const ofSource = `(${key(r.leadSource)}=${textLiteral(sourceKey)})`;
  const inLeadSpan = `(${r.leadCreated}>=${s.start})*(${r.leadCreated}<${s.end}+1)`;
  return { leads: `SUMPRODUCT(${inLeadSpan}*${ofSource})`, converted: `SUMPRODUCT(${inLeadSpan}*${ofSource}*${leadConverted(r)})` };
}

/** Each listed customer's revenue in the span, as one formula spilling one row per customer. */
export function customerRevenueFormula(r: DataRefs, s: SpanCells, customers: string): string {
  return withKeys(r, `MMULT(--(${key(customers)}=TRANSPOSE(${v("k")})),${within(r, s.start, s.end)}*${r.amount})`);
}
