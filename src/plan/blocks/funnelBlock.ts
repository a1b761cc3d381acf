/** The funnel: leads, converted leads, new customers, from the indicator table; a bar chart beside it. */
import { LEADS, LEAD_CONVERSION } from "../../engine/stages/marketing";
import { NEW_CUSTOMERS } from "../../engine/stages/sales";
import { BlockBuilder, BlockWriter, COLUMN, noBlock } from "../planBlock";
import { resultOf } from "../planCells";

/** The chart's place: right of the table, a column apart, as tall as a dozen rows. */
const CHART = { column: 4, columns: 4, rows: 12 } as const;

export const funnelBlock: BlockBuilder = ({ card, words: L, language }, at) => {
  if (card.byLeadSource === null) return noBlock(at);
  const w = new BlockWriter(at.row);
  w.table(L.breakdowns.funnel, ["", L.columns.value]);
  const first = w.row;
  const { indicators } = at.anchors;
  const valueOf = (d: typeof LEADS | typeof LEAD_CONVERSION | typeof NEW_CUSTOMERS) =>
    card.indicators.find((i) => i.info === d)?.value ?? null;
  const [leads, conversion, fresh] = [
    valueOf(LEADS),
    valueOf(LEAD_CONVERSION),
    valueOf(NEW_CUSTOMERS),
  ];
  const [leadsCell, conversionCell] = [indicators.value(LEADS), indicators.value(LEAD_CONVERSION)];
  const step = (label: string, formula: string, result: number | string): void => {
    w.put({ row: w.row, column: COLUMN.label, value: label, style: "label" });
    w.put({ row: w.row++, column: 2, formula, result, format: "count", style: "body" });
  };
  step(L.breakdowns.leads, leadsCell, resultOf(leads));
  step(
    L.breakdowns.converted,
    `IF(ISNUMBER(${conversionCell}),ROUND(${leadsCell}*${conversionCell},0),0)`,
    leads !== null && conversion !== null ? Math.round(leads * conversion) : 0
  );
  step(NEW_CUSTOMERS.words[language], indicators.value(NEW_CUSTOMERS), resultOf(fresh));
  const last = w.row - 1;
  w.row++;
  w.chart({
    id: "funnel",
    kind: "bar",
    title: L.breakdowns.funnel,
    categories: { firstRow: first, lastRow: last, firstColumn: 1, lastColumn: 1 },
    series: [
      {
        name: L.columns.value,
        values: { firstRow: first, lastRow: last, firstColumn: 2, lastColumn: 2 },
      },
    ],
    anchor: { row: first - 1, ...CHART },
    valueFormat: "#,##0",
  });
  return w.block();
};
