/**
 * The parameters: as of, the period and the spans compared, the activation definition and the
 * tier shares. Every formula of the sheet reads these cells, so editing one recomputes the sheet.
 * Beside the tier shares, the value score each tier starts from (the value table's thresholds).
 */
import { MONTHS } from "../../engine/period";
import { ParameterCells, SpanCells } from "../../engine/formulaText";
import { BlockBuilder, BlockWriter, COLUMN, PlanContext } from "../planBlock";
import { PlanCell } from "../planCells";
import { absolute } from "../references";
import { ForecastCells, latestSaleFormula } from "../sheetFormulas";

/** The parameters, in the sheet's order. */
const PARAMETERS = [
  "asOf",
  "months",
  "start",
  "end",
  "previousStart",
  "previousEnd",
  "beforePreviousStart",
  "beforePreviousEnd",
  "daysInPeriod",
  "elapsed",
  "window",
  "minPurchases",
  "minAmount",
  "tierA",
  "tierB",
] as const;
export type Parameter = (typeof PARAMETERS)[number];

export interface ParameterAnchors {
  /** Each parameter's cell, as an absolute address. */
  readonly cell: Readonly<Record<Parameter, string>>;
  /** The current span (from the period's start to as of) and the previous comparable one. */
  readonly now: SpanCells;
  readonly before: SpanCells;
  readonly activation: ParameterCells;
  readonly forecast: ForecastCells;
  /** The value scores tiers A and B start from, beside their shares (filled from the value table). */
  readonly scoreThresholds: { readonly a: string; readonly ab: string };
}

interface ParameterRow {
  readonly label: string;
  readonly cell: Omit<PlanCell, "row" | "column">;
  /** Beside the value: what the value means. */
  readonly note?: string;
}

type DateCell = Omit<PlanCell, "row" | "column">;
const date = (formula: string, result: number): DateCell => ({ formula, result, format: "date" });
const input = (value: number, format: PlanCell["format"]): DateCell => ({
  value,
  format,
  style: "input",
});

/** Each parameter's label and cell; `P` gives the other parameters' cells. */
function parameterRows(
  { card, refs, words: L }: PlanContext,
  P: Record<Parameter, string>
): Record<Parameter, ParameterRow> {
  const p = card.period;
  const s = card.settings;
  // The last day of the span from `from` as long as start…end, cut before `start`.
  const spanEnd = (from: string, start: string, end: string): string =>
    `MIN(${from}+(${end}-${start}),${start}-1)`;
  return {
    // The latest sales date, live, unless the analyst fixed the as-of date.
    asOf: {
      label: L.parameters.asOf,
      cell: card.asOfGiven
        ? input(p.asOf, "date")
        : { formula: latestSaleFormula(refs), result: p.asOf, format: "date", style: "input" },
    },
    months: {
      label: L.parameters.period,
      cell: input(MONTHS[p.kind], "general"),
      note: L.periodKinds[p.kind],
    },
    start: {
      label: L.parameters.periodStart,
      cell: date(
        `DATE(YEAR(${P.asOf}),INT((MONTH(${P.asOf})-1)/${P.months})*${P.months}+1,1)`,
        p.current.start
      ),
    },
    end: {
      label: L.parameters.periodEnd,
      cell: date(`EDATE(${P.start},${P.months})-1`, p.full.end),
    },
    previousStart: {
      label: L.parameters.previousStart,
      cell: date(`EDATE(${P.start},-${P.months})`, p.previous.start),
    },
    previousEnd: {
      label: L.parameters.previousEnd,
      cell: date(spanEnd(P.previousStart, P.start, P.asOf), p.previous.end),
    },
    beforePreviousStart: {
      label: L.parameters.beforePreviousStart,
      cell: date(`EDATE(${P.previousStart},-${P.months})`, p.beforePrevious.start),
    },
    beforePreviousEnd: {
      label: L.parameters.beforePreviousEnd,
      cell: date(
        spanEnd(P.beforePreviousStart, P.previousStart, P.previousEnd),
        p.beforePrevious.end
      ),
    },
    daysInPeriod: {
      label: L.parameters.daysInPeriod,
      cell: { formula: `${P.end}-${P.start}+1`, result: p.daysInPeriod, format: "count" },
    },
    elapsed: {
      label: L.parameters.elapsedDays,
      cell: { formula: `${P.asOf}-${P.start}+1`, result: p.elapsedDays, format: "count" },
    },
    window: { label: L.parameters.window, cell: input(s.activation.windowDays, "count") },
    minPurchases: {
      label: L.parameters.minPurchases,
      cell: input(s.activation.minPurchases, "count"),
    },
    minAmount: { label: L.parameters.minAmount, cell: input(s.activation.minAmount, "money") },
    tierA: { label: `${L.breakdowns.tier} A`, cell: input(s.value.tierShares.a, "percent") },
    tierB: { label: `${L.breakdowns.tier} B`, cell: input(s.value.tierShares.b, "percent") },
  };
}

export const parameterBlock: BlockBuilder = (ctx, at) => {
  const w = new BlockWriter(at.row);
  w.put({
    row: w.row++,
    column: COLUMN.label,
    value: ctx.words.parameters.title,
    style: "section",
  });
  const rowOf = Object.fromEntries(PARAMETERS.map((k, i) => [k, w.row + i])) as Record<
    Parameter,
    number
  >;
  const P = Object.fromEntries(
    PARAMETERS.map((k) => [k, absolute(rowOf[k], COLUMN.value)])
  ) as Record<Parameter, string>;
  const rows = parameterRows(ctx, P);
  for (const k of PARAMETERS) {
    const { label, cell, note } = rows[k];
    w.put({ row: w.row, column: COLUMN.label, value: label, style: "label" });
    w.put({ row: w.row, column: COLUMN.value, ...cell });
    if (note !== undefined)
      w.put({ row: w.row, column: COLUMN.previous, value: note, style: "note" });
    w.row++;
  }
  w.row++;

  const thresholds = ctx.card.value.tierThresholds;
  // A customer is in tier A when its rank is within round(A share × scored), which is the same as
  // scoring at least the k-th largest score: one LARGE per tier instead of a RANK per customer
  // (O(customers²) in Excel). With k = 0 the threshold is "" and no number reaches it.
  const threshold = (row: number, share: string, result: number | null, scores: string) => [
    { row, column: COLUMN.change, value: ctx.words.value.scoreThreshold, style: "note" as const },
    {
      row,
      column: COLUMN.target,
      formula: `IFERROR(LARGE(${scores},ROUND(COUNT(${scores})*${share},0)),"")`,
      result: result ?? "",
      format: "score" as const,
      style: "body" as const,
    },
  ];
  return w.block({
    anchors: {
      parameters: {
        cell: P,
        now: { start: P.start, end: P.asOf, periodEnd: P.end },
        before: { start: P.previousStart, end: P.previousEnd, periodEnd: `${P.start}-1` },
        activation: { window: P.window, minPurchases: P.minPurchases, minAmount: P.minAmount },
        forecast: {
          start: P.start,
          months: P.months,
          daysInPeriod: P.daysInPeriod,
          elapsed: P.elapsed,
          asOf: P.asOf,
        },
        scoreThresholds: {
          a: absolute(rowOf.tierA, COLUMN.target),
          ab: absolute(rowOf.tierB, COLUMN.target),
        },
      },
    },
    below: ({ valueTable }) => [
      ...threshold(rowOf.tierA, P.tierA, thresholds.a, valueTable.scores),
      ...threshold(rowOf.tierB, `(${P.tierA}+${P.tierB})`, thresholds.ab, valueTable.scores),
    ],
  });
};
