/**
 * The customers to call (SPEC.md §3.3): lapsing, the most revenue at stake first, computed at the
 * build; under them, live, a warning when the customer model's check missed by more than 25%.
 */
import { BlockBuilder, BlockWriter } from "../planBlock";
import { resultOf } from "../planCells";
import { readWithCareFormula, readWithCareText } from "./modelCheckBlock";

export const customersToCallBlock: BlockBuilder = ({ card, words: L }, at) => {
  const list = card.customersToCall;
  const w = new BlockWriter(at.row);
  w.snapshots.push({ subject: "customers_to_call", reason: "per_customer" });
  w.table(
    L.toCall.title,
    [
      L.toCall.customer,
      L.toCall.lastPurchase,
      L.toCall.lapseDay,
      L.toCall.pAlive,
      L.toCall.expectedRevenue,
    ],
    L.toCall.note
  );
  for (const c of list.customers) {
    const row = w.row++;
    w.put({ row, column: 1, value: card.customerLabels[c.customer], style: "label" });
    w.put({ row, column: 2, value: c.lastPurchase, format: "date", style: "snapshot" });
    w.put({ row, column: 3, value: c.lapseDay, format: "date", style: "snapshot" });
    w.put({ row, column: 4, value: resultOf(c.pAlive), format: "percent", style: "snapshot" });
    w.put({
      row,
      column: 5,
      value: resultOf(c.expectedRevenue),
      format: "money",
      style: "snapshot",
    });
  }
  if (list.customers.length === 0)
    w.put({ row: w.row++, column: 1, value: L.toCall.none, style: "note" });
  if (list.reason !== null)
    w.put({
      row: w.row++,
      column: 1,
      value: L.toCall.unranked.replace("{reason}", L.reasons[list.reason]),
      style: "note",
    });
  // The ranking rests on the customer model: when its check (further down, its holdout editable)
  // missed by more than 25%, this row says to read it with care.
  const careRow = w.row++;
  w.row++;
  return w.block({
    below: ({ modelCheck }) => [
      {
        row: careRow,
        column: 1,
        formula: readWithCareFormula(L, modelCheck),
        result: readWithCareText(L, card.modelCheck.check, card.modelCheck.readWithCare),
        style: "note",
      },
    ],
  });
};
