/** 3 · Sales (SPEC.md §3.3): new and repeat customers, upsell and cross-sell. */
import {
  DataRefs,
  JOIN,
  NOTHING,
  customerKeys,
  distinct,
  isPurchase,
  key,
  letName,
  stacked,
  within,
} from "../formulaText";
import {
  SpanColumn,
  SpanPart,
  indicator,
  overSpans,
  spanName,
  valueOf,
} from "../indicatorDefinition";
import { none, ratio, some } from "../indicatorValue";
import { CUSTOMERS_BUYING } from "./information";

const k = letName("k");
const p = letName("p");
/** The customer keys §k and the purchase rows §p. */
const purchaseNames = (r: DataRefs): string => `${customerKeys(r)}${p},${isPurchase(r)},`;

export const NEW_CUSTOMERS = indicator({
  id: "sales.new_customers",
  stage: "sales",
  format: "count",
  better: "more",
  flow: true,
  headline: true,
  value: (t) => some(t.newCustomers),
  live: {
    kind: "formula",
    // First purchase in the span: buyers up to its end, less buyers before it.
    formula: (c) =>
      overSpans(
        c,
        purchaseNames(c.refs),
        valueOf(
          (s) =>
            `${distinct(k, `${p}*(${c.refs.date}<${s.end}+1)`)}-${distinct(k, `${p}*(${c.refs.date}<${s.start})`)}`
        )
      ),
  },
  words: { en: "New customers", es: "Clientes nuevos" },
});

export const REPEAT_CUSTOMERS = indicator({
  id: "sales.repeat_customers",
  stage: "sales",
  format: "count",
  better: "more",
  flow: false,
  headline: false,
  value: (t) => some(t.repeatCustomers),
  live: {
    kind: "formula",
    formula: (c) => `${c.rangeOf(CUSTOMERS_BUYING)}-${c.rangeOf(NEW_CUSTOMERS)}`,
  },
  words: { en: "Repeat customers", es: "Clientes recurrentes" },
});

export const REPEAT_RATE = indicator({
  id: "sales.repeat_rate",
  stage: "sales",
  format: "percent",
  better: "more",
  flow: false,
  headline: false,
  value: (t) =>
    ratio(t.buyersYearBeforeBuyingNow, t.buyersYearBefore, "no_customers_before_period"),
  live: {
    kind: "formula",
    // Of the buyers B of the 365 days before the span, those buying in it: |B| + |now| − |B ∪ now|.
    formula: (c) =>
      overSpans(c, purchaseNames(c.refs), (column) => {
        const { span: s } = column;
        const b = spanName(column, "b");
        const date = c.refs.date;
        return {
          names: `${b},${distinct(k, `${p}*(${date}>=${s.start}-365)*(${date}<${s.start})`)},`,
          value: `IF(${b}=0,"",(${b}+${column.cellOf(CUSTOMERS_BUYING)}-${distinct(k, `${p}*(${date}>=${s.start}-365)*(${date}<${s.end}+1)`)})/${b})`,
        };
      }),
  },
  words: {
    en: "Repeat rate (buyers of the prior 365 days)",
    es: "Tasa de recompra (compradores de los 365 días previos)",
  },
});

export const UPSELL_CUSTOMERS = indicator({
  id: "sales.upsell_customers",
  stage: "sales",
  format: "count",
  better: "more",
  flow: false,
  headline: false,
  value: (t) => some(t.upsellCustomers),
  live: { kind: "atBuild", reason: "per_customer" },
  words: { en: "Customers buying more (upsell)", es: "Clientes que compran más (upselling)" },
});

export const UPSELL_REVENUE = indicator({
  id: "sales.upsell_revenue",
  stage: "sales",
  format: "money",
  better: "more",
  flow: true,
  headline: false,
  value: (t) => some(t.upsellRevenue),
  live: { kind: "atBuild", reason: "per_customer" },
  words: { en: "Upsell revenue", es: "Ventas por upselling" },
});

export const CROSS_SELL_CUSTOMERS = indicator({
  id: "sales.cross_sell_customers",
  stage: "sales",
  format: "count",
  better: "more",
  flow: false,
  headline: false,
  value: (t) =>
    t.crossSellCustomers === null ? none("no_product_line_column") : some(t.crossSellCustomers),
  live: {
    kind: "formula",
    formula: (c) => {
      const line = c.refs.productLine;
      if (line === undefined) return null;
      const [l, q] = [letName("l"), letName("q")];
      const shared = `${customerKeys(c.refs)}${l},${key(line)},${p},${isPurchase(c.refs)},${q},${p}*(${l}<>""),`;
      return overSpans(c, shared, (s) => crossSell(c.refs, s));
    },
  },
  words: {
    en: "Customers buying a new line (cross-sell)",
    es: "Clientes que compran una línea nueva (venta cruzada)",
  },
});

/**
 * Existing customers (a purchase before the span) who bought in it a product line they never
 * bought before it. The (customer, line) pairs bought before the span, written twice, then those
 * bought in it: a pair found exactly once was new in the span (UNIQUE's exactly_once). Of their
 * customers, those also among the earlier buyers, by inclusion–exclusion. Uses the shared names
 * §k (customer), §l (line), §p (a purchase) and §q (a purchase with a line); one flat LET, since
 * LibreOffice 25.2 cannot see a LET's names from a LET inside it.
 */
function crossSell(r: DataRefs, column: SpanColumn): SpanPart {
  const s = column.span;
  const n = (name: string): string => spanName(column, name);
  const pair = `${k}&${JOIN}&${letName("l")}`;
  const q = letName("q");
  const rows = (list: string): string => `ROWS(${list})`;
  const names =
    `${n("o")},UNIQUE(FILTER(${pair},${q}*(${r.date}<${s.start}),${NOTHING})),` +
    `${n("w")},UNIQUE(FILTER(${pair},${q}*${within(r, s.start, s.end)},${NOTHING})),` +
    `${n("e")},UNIQUE(FILTER(${k},${p}*(${r.date}<${s.start}),${NOTHING})),` +
    `${n("t")},${stacked(n("o"), stacked(n("o"), n("w"), rows(n("o")), rows(n("w"))), rows(n("o")), `(${rows(n("o"))}+${rows(n("w"))})`)},` +
    `${n("x")},UNIQUE(${n("t")},FALSE,TRUE),` +
    `${n("u")},UNIQUE(LEFT(${n("x")},FIND(${JOIN},${n("x")})-1)),`;
  const value = `IF(INDEX(${n("w")},1)=${NOTHING},0,IFERROR(${rows(n("u"))}+${rows(n("e"))}-ROWS(UNIQUE(${stacked(n("u"), n("e"), rows(n("u")), rows(n("e")))})),0))`;
  return { names, value };
}

export const SALES = [
  NEW_CUSTOMERS,
  REPEAT_CUSTOMERS,
  REPEAT_RATE,
  UPSELL_CUSTOMERS,
  UPSELL_REVENUE,
  CROSS_SELL_CUSTOMERS,
] as const;
