/** Concentration: the period's top customers, their live revenue and cumulative share, for the Pareto chart. */
import { REVENUE } from "../../engine/stages/overview";
import { BlockBuilder, BlockWriter, noBlock } from "../planBlock";
import { ChartRange } from "../planCells";
import { absolute, cellAddress } from "../references";
import { customerRevenueFormula } from "../sheetFormulas";

/** Customers listed for the Pareto chart. */
export const TOP_CUSTOMERS = 20;

export interface TopCustomerAnchors {
  /** The rows and columns of the Pareto chart; null when no customer has revenue. */
  readonly chart:
    (ChartRange & { readonly labelColumn: number; readonly valueColumn: number }) | null;
}

export const topCustomerBlock: BlockBuilder = ({ card, words: L, refs }, at) => {
  const revenue = card.revenueByCustomer;
  const top = Array.from(revenue.keys())
    .filter((c) => revenue[c] > 0)
    .sort((x, y) => revenue[y] - revenue[x] || x - y)
    .slice(0, TOP_CUSTOMERS);
  if (top.length === 0) return noBlock(at, { topCustomers: { chart: null } });
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
  const chart = { firstRow: first, lastRow: w.row - 1, labelColumn: 1, valueColumn: 2 };
  w.row++;
  return w.block({ anchors: { topCustomers: { chart } } });
};
