/**
 * The live formula of each indicator (SPEC.md §3.3), written once for both writers: native
 * functions over the source columns, and the SPEC custom functions for the Service stage. LET
 * variables carry the `§` sigil, which each writer turns into what its Excel expects.
 */
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

/** Cells (absolute addresses) a column of indicators is computed from. */
export interface SpanCells {
  readonly start: string;
  readonly end: string;
  /** The span before, for upsell. */
  readonly comparisonStart: string;
  readonly comparisonEnd: string;
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

const inSpan = (r: DataRefs, s: SpanCells): string => `(${r.date}>=${s.start})*(${r.date}<=${s.end})`;
const hasCustomer = (r: DataRefs): string => `(${r.customer}<>"")`;
const purchase = (r: DataRefs): string => `(${r.amount}>0)`;

/** Distinct customers with a purchase under a row condition. */
const distinctBuyers = (r: DataRefs, condition: string): string => `IFERROR(ROWS(UNIQUE(FILTER(${r.customer},${condition}*${purchase(r)}*${hasCustomer(r)}))),0)`;

const convertedList = `{${CONVERTED_STATUSES.map((s) => `"${s}"`).join(",")}}`;

/** 1 for a converted lead (SPEC.md §3.1): a won status, or a customer id given. */
function leadConverted(r: DataRefs): string {
  const signs: string[] = [];
  if (r.leadStatus !== undefined) signs.push(`ISNUMBER(MATCH(TRIM(${r.leadStatus}),${convertedList},0))`);
  if (r.leadCustomer !== undefined) signs.push(`(TRIM(${r.leadCustomer}&"")<>"")`);
  return signs.length === 0 ? "0" : `SIGN(${signs.join("+")})`;
}

export function indicatorFormula(id: IndicatorId, r: DataRefs, s: SpanCells, p: ParameterCells, sibling: SiblingCells): string | null {
  const sumInSpan = (column: string): string => `SUMIFS(${column},${r.date},">="&${s.start},${r.date},"<="&${s.end},${r.customer},"<>")`;
  switch (id) {
    case "revenue":
      return sumInSpan(r.amount);
    case "margin":
      return r.margin === undefined ? null : sumInSpan(r.margin);
    case "info.customers_buying":
      return distinctBuyers(r, inSpan(r, s));
    case "info.revenue_per_customer":
      return `IF(N(${sibling["info.customers_buying"]})=0,"",${sibling.revenue}/${sibling["info.customers_buying"]})`;
    case "info.penetration":
      if (r.potentialAccounts === undefined) return null;
      return `IF(SUM(${r.potentialAccounts})>0,${distinctBuyers(r, `(${r.date}>${s.end}-365)*(${r.date}<=${s.end})`)}/SUM(${r.potentialAccounts}),"")`;
    case "mkt.leads":
      return r.leadCreated === undefined ? null : `COUNTIFS(${r.leadCreated},">="&${s.start},${r.leadCreated},"<="&${s.end})`;
    case "mkt.lead_conversion": {
      if (r.leadCreated === undefined) return null;
      const leads = sibling["mkt.leads"];
      return `IF(N(${leads})=0,"",SUMPRODUCT((${r.leadCreated}>=${s.start})*(${r.leadCreated}<=${s.end})*${leadConverted(r)})/${leads})`;
    }
    case "sales.new_customers":
      return `${sibling["info.customers_buying"]}-${sibling["sales.repeat_customers"]}`;
    case "sales.repeat_customers":
      return (
        `LET(${v("u")},UNIQUE(FILTER(${r.customer},${inSpan(r, s)}*${purchase(r)}*${hasCustomer(r)},"")),` +
        `${v("b")},FILTER(${r.customer},(${r.date}<${s.start})*${purchase(r)}*${hasCustomer(r)},""),` +
        `SUM(--ISNUMBER(XMATCH(${v("u")},${v("b")}))))`
      );
    case "sales.repeat_rate":
      return (
        `LET(${v("b")},UNIQUE(FILTER(${r.customer},(${r.date}>=${s.start}-365)*(${r.date}<${s.start})*${purchase(r)}*${hasCustomer(r)},"")),` +
        `${v("k")},FILTER(${r.customer},${inSpan(r, s)}*${purchase(r)}*${hasCustomer(r)},""),` +
        `${v("n")},SUM(--(${v("b")}<>"")),` +
        `IF(${v("n")}=0,"",SUM(--ISNUMBER(XMATCH(${v("b")},${v("k")})))/${v("n")}))`
      );
    case "sales.upsell_customers":
    case "sales.upsell_revenue": {
      const comparison = `(${r.date}>=${s.comparisonStart})*(${r.date}<=${s.comparisonEnd})`;
      const total = id === "sales.upsell_customers" ? `SUM((${v("p")}>0)*(${v("c")}>${v("p")}))` : `SUM((${v("p")}>0)*(${v("c")}>${v("p")})*(${v("c")}-${v("p")}))`;
      return (
        `LET(${v("u")},UNIQUE(FILTER(${r.customer},${comparison}*${hasCustomer(r)},"")),` +
        `${v("c")},SUMIFS(${r.amount},${r.customer},${v("u")},${r.date},">="&${s.start},${r.date},"<="&${s.end}),` +
        `${v("p")},SUMIFS(${r.amount},${r.customer},${v("u")},${r.date},">="&${s.comparisonStart},${r.date},"<="&${s.comparisonEnd}),` +
        `${total})`
      );
    }
    case "sales.cross_sell_customers":
      if (r.productLine === undefined) return null;
      return (
        `LET(${v("k")},${r.customer}&"|"&${r.productLine},` +
        `${v("n")},UNIQUE(FILTER(${v("k")},${inSpan(r, s)}*${purchase(r)}*${hasCustomer(r)}*(${r.productLine}<>""),"")),` +
        `${v("b")},FILTER(${v("k")},(${r.date}<${s.start})*${purchase(r)},""),` +
        `${v("x")},FILTER(${v("n")},ISNA(XMATCH(${v("n")},${v("b")})),""),` +
        `${v("e")},FILTER(${r.customer}&"",(${r.date}<${s.start})*${purchase(r)}*${hasCustomer(r)},""),` +
        `SUM(--ISNUMBER(XMATCH(UNIQUE(TEXTBEFORE(${v("x")},"|")),${v("e")}))))`
      );
    case "svc.activation_rate": {
      const base = r.customerIds === undefined ? "" : `,${r.customerIds}`;
      return `IFERROR(SPEC.ACTIVATION_RATE(${r.customer},${r.date},${r.amount},${s.end},${p.window},${p.minPurchases},${p.minAmount}${base}),"")`;
    }
    case "svc.top20_share":
      return `IFERROR(SPEC.CONCENTRATION(IF(${inSpan(r, s)},${r.amount},0),${r.customer},"TOP_PCT",20),"")`;
    case "svc.hhi":
      return `IFERROR(SPEC.CONCENTRATION(IF(${inSpan(r, s)},${r.amount},0),${r.customer},"HHI"),"")`;
    case "svc.pareto_customers":
      return `IFERROR(SPEC.CONCENTRATION(IF(${inSpan(r, s)},${r.amount},0),${r.customer},"PARETO",80),"")`;
  }
}

/** Revenue and buying customers of one segment (null: customers without a segment). */
export function segmentFormulas(r: DataRefs, s: SpanCells, segment: string | null): { revenue: string; customers: string } | null {
  if (r.customerIds === undefined || r.customerSegments === undefined) return null;
  const name = segment === null ? '""' : textLiteral(segment);
  const ofSegment = `(XLOOKUP(${r.customer},${r.customerIds},${r.customerSegments}&"","")=${name})`;
  return {
    revenue: `SUM(FILTER(${r.amount},${inSpan(r, s)}*${hasCustomer(r)}*${ofSegment},0))`,
    customers: distinctBuyers(r, `${inSpan(r, s)}*${ofSegment}`),
  };
}

/** Leads and converted leads of one source (null: leads without a source). */
export function leadSourceFormulas(r: DataRefs, s: SpanCells, source: string | null): { leads: string; converted: string } | null {
  if (r.leadCreated === undefined || r.leadSource === undefined) return null;
  const ofSource = source === null ? `(TRIM(${r.leadSource}&"")="")` : `(TRIM(${r.leadSource}&"")=${textLiteral(source)})`;
  const converted = leadConverted(r);
  const inLeadSpan = `(${r.leadCreated}>=${s.start})*(${r.leadCreated}<=${s.end})`;
  return { leads: `SUMPRODUCT(${inLeadSpan}*${ofSource})`, converted: `SUMPRODUCT(${inLeadSpan}*${ofSource}*${converted})` };
}

/** A text constant in a formula: quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
