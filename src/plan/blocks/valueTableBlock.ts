/**
 * Customer value (SPEC.md §2.4): each customer's attributes and revenue computed at the build,
 * their weights and directions as inputs, and live scores (SPEC.CUSTOMER_VALUE, unless its
 * arguments are too large) and tiers against the thresholds beside the tier shares.
 */
import { DEFAULT_DIRECTIONS } from "../../engine/valueTiers";
import { blockBytes } from "../argumentSize";
import { BlockBuilder, BlockWriter, PlanContext, snapshotNote, tooLarge } from "../planBlock";
import { absolute, cellAddress } from "../references";

export interface ValueTableAnchors {
  /** The columns of customers, their revenue in the period, scores and tiers (absolute ranges). */
  readonly customers: string;
  readonly revenue: string;
  readonly scores: string;
  readonly tiers: string;
}

/** Attributes shown as money; the others are counts. */
const MONEY = new Set(["volume", "margin", "serviceCost"]);

export const valueTableBlock: BlockBuilder = (ctx, at) => {
  const { card, words: L } = ctx;
  const v = card.value;
  const k = v.attributes.length;
  const w = new BlockWriter(at.row);
  const scoresBytes = blockBytes(v.values, k);
  const scoresLive = !tooLarge(scoresBytes);
  w.snapshots.push({ subject: "customer_value", reason: "per_customer" });
  if (!scoresLive) w.snapshots.push({ subject: "value_scores", reason: "arguments_too_large" });
  w.put({ row: w.row++, column: 1, value: L.value.title, style: "section" });
  w.put({
    row: w.row++,
    column: 1,
    value: scoresLive
      ? L.value.note
      : `${L.value.note} ${snapshotNote(L, "arguments_too_large", scoresBytes)}`,
    style: "note",
  });
  const weightRow = w.row++;
  const directionRow = w.row++;
  w.put({ row: weightRow, column: 1, value: L.value.weight, style: "label" });
  w.put({ row: directionRow, column: 1, value: L.value.direction, style: "label" });
  v.attributes.forEach((a, j) => {
    w.put({
      row: weightRow,
      column: 2 + j,
      value: v.weights[j],
      format: "general",
      style: "input",
    });
    w.put({
      row: directionRow,
      column: 2 + j,
      value: v.directions[j] ?? DEFAULT_DIRECTIONS[a],
      format: "general",
      style: "input",
    });
  });
  const columns = { customer: 1, revenue: 2 + k, score: 3 + k, tier: 4 + k };
  const headerRow = w.row++;
  w.put({ row: headerRow, column: columns.customer, value: L.value.customer, style: "header" });
  v.attributes.forEach((a, j) =>
    w.put({ row: headerRow, column: 2 + j, value: L.attributes[a], style: "header" })
  );
  w.put({ row: headerRow, column: columns.revenue, value: L.value.revenueNow, style: "header" });
  w.put({ row: headerRow, column: columns.score, value: L.value.score, style: "header" });
  w.put({ row: headerRow, column: columns.tier, value: L.value.tier, style: "header" });
  const first = w.row;
  const last = first + Math.max(v.customers.length, 1) - 1;
  const rangeOf = (column: number): string =>
    `${absolute(first, column)}:${absolute(last, column)}`;
  customerRows(ctx, w, columns, at.anchors.parameters.scoreThresholds, scoresLive);
  if (v.customers.length > 0 && scoresLive) {
    const attributes = `${absolute(first, 2)}:${absolute(last, 1 + k)}`;
    w.put({
      row: first,
      column: columns.score,
      // An empty cell reaches a custom function as 0 in Excel desktop: written as "", it stays blank.
      formula: `SPEC.CUSTOMER_VALUE(IF(${attributes}="","",${attributes}),${absolute(weightRow, 2)}:${absolute(weightRow, 1 + k)},${absolute(directionRow, 2)}:${absolute(directionRow, 1 + k)})`,
      spill: {
        rows: v.customers.length,
        columns: 1,
        results: Array.from(v.scores, (x) => [x === x ? x : ""]),
      },
      format: "score",
      style: "body",
    });
  }
  return w.block({
    anchors: {
      valueTable: {
        customers: rangeOf(columns.customer),
        revenue: rangeOf(columns.revenue),
        scores: rangeOf(columns.score),
        tiers: rangeOf(columns.tier),
      },
    },
  });
};

/** A row per customer: attributes and revenue computed at the build, the live tier, the score when computed at the build. */
function customerRows(
  { card }: PlanContext,
  w: BlockWriter,
  columns: { customer: number; revenue: number; score: number; tier: number },
  thresholds: { readonly a: string; readonly ab: string },
  scoresLive: boolean
): void {
  const v = card.value;
  const k = v.attributes.length;
  v.customers.forEach((code, i) => {
    const r = w.row + i;
    w.put({
      row: r,
      column: columns.customer,
      value: card.customerLabels[code] ?? "",
      style: "body",
    });
    for (let j = 0; j < k; j++) {
      const x = v.values[i * k + j];
      w.put({
        row: r,
        column: 2 + j,
        value: x === x ? x : "",
        format: MONEY.has(v.attributes[j]) ? "money" : "count",
        style: "snapshot",
      });
    }
    w.put({
      row: r,
      column: columns.revenue,
      value: card.revenueByCustomer[code],
      format: "money",
      style: "snapshot",
    });
    const score = cellAddress(r, columns.score);
    w.put({
      row: r,
      column: columns.tier,
      formula: `IF(NOT(ISNUMBER(${score})),"C",IF(${score}>=${thresholds.a},"A",IF(${score}>=${thresholds.ab},"B","C")))`,
      result: v.tiers[i],
      style: "body",
    });
    if (!scoresLive)
      w.put({
        row: r,
        column: columns.score,
        value: v.scores[i] === v.scores[i] ? v.scores[i] : "",
        format: "score",
        style: "snapshot",
      });
  });
  w.row += v.customers.length;
}
