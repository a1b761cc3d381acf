/** Overview (SPEC.md §3.3): revenue and margin. */
import { customerKeys, hasCustomer, within } from "../formulaText";
import { LiveCells, indicator, overSpans, valueOf } from "../indicatorDefinition";
import { none, some } from "../indicatorValue";

/** The span's sum of a sales column over the rows with a customer. */
const columnSum = (c: LiveCells, column: string | undefined): string | null =>
  column === undefined
    ? null
    : overSpans(
        c,
        customerKeys(c.refs),
        valueOf((s) => `SUM(${hasCustomer}*${within(c.refs, s.start, s.end)}*${column})`)
      );

export const REVENUE = indicator({
  id: "revenue",
  stage: "overview",
  format: "money",
  better: "more",
  flow: true,
  headline: true,
  value: (t) => some(t.revenue),
  live: { kind: "formula", formula: (c) => columnSum(c, c.refs.amount) },
  words: { en: "Revenue", es: "Ventas" },
});

export const MARGIN = indicator({
  id: "margin",
  stage: "overview",
  format: "money",
  better: "more",
  flow: true,
  headline: false,
  value: (t) => (t.margin === null ? none("no_margin_column") : some(t.margin)),
  live: { kind: "formula", formula: (c) => columnSum(c, c.refs.margin) },
  words: { en: "Margin", es: "Margen" },
});

export const OVERVIEW = [REVENUE, MARGIN] as const;
