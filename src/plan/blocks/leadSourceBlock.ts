/** Leads and converted leads by source, in the period so far, and each source's conversion. */
import { textKey } from "../../core/textKey";
import { BlockBuilder, BlockWriter, exceedsExcelLimits, noBlock, snapshotNote } from "../planBlock";
import { cellAddress } from "../references";
import { leadSourceFormula } from "../sheetFormulas";

export const leadSourceBlock: BlockBuilder = ({ card, words: L, refs }, at) => {
  const sources = card.byLeadSource;
  if (sources === null) return noBlock(at);
  const w = new BlockWriter(at.row);
  const titleRow = w.row;
  w.table(L.breakdowns.byLeadSource, [
    L.breakdowns.source,
    L.breakdowns.leads,
    L.breakdowns.converted,
    L.breakdowns.conversion,
  ]);
  const formula = leadSourceFormula(
    refs,
    at.anchors.parameters.now,
    sources.map((src) => (src.source === null ? "" : textKey(src.source)))
  );
  // Each source is a constant in the formula: with very many, Excel would refuse it.
  const snapshot = formula !== null && exceedsExcelLimits(formula);
  if (snapshot) {
    w.snapshots.push({ subject: "by_lead_source", reason: "formula_too_long" });
    w.put({ row: titleRow, column: 2, value: snapshotNote(L, "formula_too_long"), style: "note" });
  } else if (formula !== null)
    // One formula fills the leads and converted leads of every source: B leads, C converted.
    w.put({
      row: w.row,
      column: 2,
      formula,
      spill: {
        rows: sources.length,
        columns: 2,
        results: sources.map((src) => [src.leads, src.converted]),
      },
      format: "count",
      style: "body",
    });
  for (const src of sources) {
    const row = w.row++;
    w.put({ row, column: 1, value: src.source ?? L.breakdowns.noSource, style: "label" });
    if (snapshot) {
      w.put({ row, column: 2, value: src.leads, format: "count", style: "snapshot" });
      w.put({ row, column: 3, value: src.converted, format: "count", style: "snapshot" });
    }
    if (formula !== null)
      w.put({
        row,
        column: 4,
        formula: `IF(N(${cellAddress(row, 2)})=0,"",${cellAddress(row, 3)}/${cellAddress(row, 2)})`,
        result: src.leads === 0 ? "" : src.converted / src.leads,
        format: "percent",
        style: "body",
      });
  }
  w.row++;
  return w.block();
};
