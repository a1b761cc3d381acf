/**
 * Concentration: the period's top customers, their live revenue and cumulative share; beside them
 * the Pareto chart (revenue in columns, the cumulative share as a line on a second axis).
 */
import { REVENUE } from "../../engine/stages/overview";
import { BlockBuilder, BlockWriter, noBlock } from "../planBlock";
import { absolute, cellAddress } from "../references";
import { customerRevenueFormula } from "../sheetFormulas";

/** Customers listed for the Pareto chart. */
export const TOP_CUSTOMERS = 20;

/** The chart's place: right of the table, a column apart. */
const CHART = { column: 5, columns: 4, minRows: 14 } as const;

export const topCustomerBlock: BlockBuilder = ({ card, words: L, refs }, at) => {
  const revenue = card.revenueByCustomer;
  const top = Array.from(revenue.keys())
    .filter((c) => revenue[c] > 0)
    .sort((x, y) => revenue[y] - revenue[x] || x - y)
    .slice(0, TOP_CUSTOMERS);
  if (top.length === 0) return noBlock(at);
  const w = new BlockWriter(at.row);
  w.table(L.breakdowns.topCustomers, [
    L.value.customer,
    L.breakdowns.revenue,
    L.breakdowns.cumulativeShare,
  ]);
  const first = w.row;
  const total = card.indicators.find((i) => i.info === REVENUE)?.value ?? 0;
  top.forEach((code, i) =>
    w.put({ row: first + i, column: 1, value: card.customerLabels[code], style: "label" })
  );
  w.put({
    row: first,
    column: 2,
    formula: customerRevenueFormula(
      refs,
      at.anchors.parameters.now,
      `${absolute(first, 1)}:${absolute(first + top.length - 1, 1)}`
    ),
    spill: { rows: top.length, columns: 1, results: top.map((code) => [revenue[code]]) },
    format: "money",
    style: "body",
  });
  const revenueCell = at.anchors.indicators.value(REVENUE);
  let running = 0;
  for (const code of top) {
    running += revenue[code];
    w.put({
      row: w.row,
      column: 3,
      formula: `IFERROR(SUM(${absolute(first, 2)}:${cellAddress(w.row, 2)})/${revenueCell},"")`,
      result: total !== 0 ? running / total : "",
      format: "percent",
      style: "body",
    });
    w.row++;
  }
  const last = w.row - 1;
  w.row++;
  const rows = (column: number) => ({
    firstRow: first,
    lastRow: last,
    firstColumn: column,
    lastColumn: column,
  });
  w.chart({
    id: "pareto",
    kind: "column",
    title: L.breakdowns.topCustomers,
    categories: rows(1),
    series: [
      { name: L.breakdowns.revenue, values: rows(2) },
      { name: L.breakdowns.cumulativeShare, values: rows(3), kind: "line", secondaryAxis: true },
    ],
    anchor: {
      row: first - 1,
      column: CHART.column,
      columns: CHART.columns,
      rows: Math.max(CHART.minRows, last - first + 2),
    },
    valueFormat: "#,##0",
    secondaryValueFormat: "0%",
  });
  return w.block();
};
