/** 1 · Information (SPEC.md §3.3): who buys, how much each, and how much of the market. */
import { customerKeys, distinct, isPurchase, letName, within } from "../formulaText";
import { indicator, overSpans, valueOf } from "../indicatorDefinition";
import { none, ratio, some } from "../indicatorValue";
import { REVENUE } from "./overview";

export const CUSTOMERS_BUYING = indicator({
  id: "info.customers_buying",
  stage: "information",
  format: "count",
  better: "more",
  flow: false,
  headline: true,
  value: (t) => some(t.customersBuying),
  live: {
    kind: "formula",
    formula: (c) =>
      overSpans(
        c,
        customerKeys(c.refs),
        valueOf((s) =>
          distinct(letName("k"), `${isPurchase(c.refs)}*${within(c.refs, s.start, s.end)}`)
        )
      ),
  },
  words: { en: "Customers buying", es: "Clientes con compra" },
});

export const REVENUE_PER_CUSTOMER = indicator({
  id: "info.revenue_per_customer",
  stage: "information",
  format: "money",
  better: "more",
  flow: false,
  headline: false,
  value: (t) => ratio(t.revenue, t.customersBuying, "no_buying_customers"),
  live: {
    kind: "formula",
    formula: (c) => `IFERROR(${c.rangeOf(REVENUE)}/${c.rangeOf(CUSTOMERS_BUYING)},"")`,
  },
  words: { en: "Revenue per buying customer", es: "Venta por cliente con compra" },
});

/** Customers with a purchase in the 365 days to the span's end ÷ the market's potential accounts. */
export const PENETRATION = indicator({
  id: "info.penetration",
  stage: "information",
  format: "percent",
  better: "more",
  flow: false,
  headline: false,
  value: (t) => {
    if (t.potentialAccounts === null) return none("no_market_table");
    if (!(t.potentialAccounts > 0)) return none("market_potential_zero");
    return some(t.buyersYearToEnd / t.potentialAccounts);
  },
  live: {
    kind: "formula",
    formula: (c) => {
      const potential = c.refs.potentialAccounts;
      if (potential === undefined) return null;
      const buyers = overSpans(
        c,
        customerKeys(c.refs),
        valueOf((s) =>
          distinct(letName("k"), `${isPurchase(c.refs)}*${within(c.refs, `${s.end}-364`, s.end)}`)
        )
      );
      return `IF(SUM(${potential})>0,${buyers}/SUM(${potential}),"")`;
    },
  },
  words: { en: "Market penetration (365 days)", es: "Penetración de mercado (365 días)" },
});

export const INFORMATION = [CUSTOMERS_BUYING, REVENUE_PER_CUSTOMER, PENETRATION] as const;
