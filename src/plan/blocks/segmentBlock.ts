/** Revenue and buying customers by segment, in the period so far: one live formula for the whole table. */
import { textKey } from "../../core/textKey";
import { BlockBuilder, BlockWriter, exceedsExcelLimits, noBlock, snapshotNote } from "../planBlock";
import { segmentFormula } from "../sheetFormulas";

export const segmentBlock: BlockBuilder = ({ card, words: L, refs }, at) => {
  const segments = card.bySegment;
  if (segments === null) return noBlock(at);
  const w = new BlockWriter(at.row);
  const titleRow = w.row;
  w.table(L.breakdowns.bySegment, [
    L.breakdowns.segment,
    L.breakdowns.revenue,
    L.breakdowns.customers,
  ]);
  const formula = segmentFormula(
    refs,
    at.anchors.parameters.now,
    segments.map((seg) => (seg.segment === null ? "" : textKey(seg.segment)))
  );
  segments.forEach((seg, i) =>
    w.put({
      row: w.row + i,
      column: 1,
      value: seg.segment ?? L.breakdowns.noSegment,
      style: "label",
    })
  );
  // Each segment is a constant in the formula: with very many, Excel would refuse it.
  if (formula !== null && exceedsExcelLimits(formula)) {
    w.snapshots.push({ subject: "by_segment", reason: "formula_too_long" });
    w.put({ row: titleRow, column: 2, value: snapshotNote(L, "formula_too_long"), style: "note" });
    segments.forEach((seg, i) => {
      w.put({ row: w.row + i, column: 2, value: seg.revenue, format: "money", style: "snapshot" });
      w.put({
        row: w.row + i,
        column: 3,
        value: seg.customers,
        format: "count",
        style: "snapshot",
      });
    });
  } else if (formula !== null) {
    // One formula fills both columns of every segment: B revenue, C customers.
    w.put({
      row: w.row,
      column: 2,
      formula,
      spill: {
        rows: segments.length,
        columns: 2,
        results: segments.map((seg) => [seg.revenue, seg.customers]),
        formats: ["money", "count"],
      },
      format: "money",
      style: "body",
    });
  }
  w.row += segments.length + 1;
  return w.block();
};
