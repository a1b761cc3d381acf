/** The funnel, as its chart draws it: leads, converted leads, new customers, from the indicator table. */
import { LEADS, LEAD_CONVERSION } from "../../engine/stages/marketing";
import { NEW_CUSTOMERS } from "../../engine/stages/sales";
import { BlockBuilder, BlockWriter, COLUMN, noBlock } from "../planBlock";
import { ChartRange, resultOf } from "../planCells";

export interface FunnelAnchors {
  /** The funnel's rows, for its chart; null without a Leads table. */
  readonly chart: ChartRange | null;
}

export const funnelBlock: BlockBuilder = ({ card, words: L, language }, at) => {
  if (card.byLeadSource === null) return noBlock(at, { funnel: { chart: null } });
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
  const chart = { firstRow: first, lastRow: w.row - 1 };
  w.row++;
  return w.block({ anchors: { funnel: { chart } } });
};
