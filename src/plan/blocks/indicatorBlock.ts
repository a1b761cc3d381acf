/**
 * The indicator table: a section per stage, a row per indicator (SPEC.md §3.3) with its value and
 * previous value live (or computed at the build, and why), change, target, status and forecast to
 * the period end. Everything about an indicator comes from its definition (engine/stages/).
 */
import { INDICATORS } from "../../engine/indicatorCatalog";
import { IndicatorDefinition, LiveCells, STAGES } from "../../engine/indicatorDefinition";
import { IndicatorResult } from "../../engine/scorecard";
import { AT_RISK_MARGIN } from "../../engine/status";
import { REVENUE } from "../../engine/stages/overview";
import { textLiteral } from "../../engine/formulaText";
import {
  BlockBuilder,
  BlockWriter,
  COLUMN,
  PlanContext,
  snapshotNote,
  tooLarge,
} from "../planBlock";
import { PlanCell, SnapshotReason, StatusRule, resultOf } from "../planCells";
import { cellAddress } from "../references";
import { runRateFormula } from "../sheetFormulas";
import { ParameterAnchors } from "./parameterBlock";

export interface IndicatorAnchors {
  /** The cell of an indicator's value, and of its previous value (relative addresses). */
  readonly value: (indicator: IndicatorDefinition) => string;
  readonly previous: (indicator: IndicatorDefinition) => string;
  /** The status column, for its colours. */
  readonly statusRule: StatusRule;
}

export const indicatorBlock: BlockBuilder = (ctx, at) => {
  const L = ctx.words;
  const w = new BlockWriter(at.row);
  const headers = [
    L.columns.indicator,
    L.columns.value,
    L.columns.previous,
    L.columns.change,
    L.columns.target,
    L.columns.status,
    L.columns.forecast,
    L.columns.note,
  ];
  headers.forEach((h, j) => w.put({ row: w.row, column: j + 1, value: h, style: "header" }));
  w.row++;
  const rowOf = new Map<string, number>();
  for (const stage of STAGES) {
    w.put({ row: w.row++, column: COLUMN.label, value: L.stages[stage], style: "section" });
    for (const d of INDICATORS) if (d.stage === stage) rowOf.set(d.id, w.row++);
  }
  const row = (d: IndicatorDefinition): number => rowOf.get(d.id) as number;
  const anchors: IndicatorAnchors = {
    value: (d) => cellAddress(row(d), COLUMN.value),
    previous: (d) => cellAddress(row(d), COLUMN.previous),
    statusRule: {
      column: COLUMN.status,
      firstRow: at.row + 1,
      lastRow: w.row - 1,
      texts: L.statuses,
    },
  };
  const P = at.anchors.parameters;
  const live: LiveCells = {
    refs: ctx.refs,
    parameters: P.activation,
    spans: [
      { span: P.now, suffix: "_n", cellOf: anchors.value },
      { span: P.before, suffix: "_b", cellOf: anchors.previous },
    ],
    rangeOf: (d) => `${anchors.value(d)}:${anchors.previous(d)}`,
  };
  for (const result of ctx.card.indicators) {
    const r = row(result.info);
    w.put({ row: r, column: COLUMN.label, value: result.info.words[ctx.language], style: "label" });
    const shown = liveCells(ctx, w, r, result, live);
    if (shown !== "not_available") judgement(ctx, w, r, result, P, shown);
  }
  // What the grey italic cells of the table (and further down) are.
  w.put({ row: w.row++, column: COLUMN.label, value: L.snapshot.legend, style: "snapshot" });
  w.row++;
  const revenue = ctx.card.indicators.find((i) => i.info === REVENUE);
  return w.block({
    anchors: { indicators: anchors },
    // The headline revenue forecast: the method the backtest chose, from the forecast block.
    below: ({ forecast }) =>
      revenue === undefined
        ? []
        : [
            {
              row: row(REVENUE),
              column: COLUMN.forecast,
              formula: forecast.methodCell(ctx.card.revenueForecasts.chosen),
              result: resultOf(revenue.forecast),
              format: REVENUE.format,
              style: "body",
            },
          ],
  });
};

/**
 * An indicator's value and previous value: one live formula for both, a call per column, the
 * engine's values when computed at the build (with why), or blank with the reason it has none.
 */
function liveCells(
  ctx: PlanContext,
  w: BlockWriter,
  r: number,
  result: IndicatorResult,
  live: LiveCells
): SnapshotReason | "live" | "not_available" {
  const { info } = result;
  const form = info.live;
  const at = (column: number, cell: Omit<PlanCell, "row" | "column">): void =>
    w.put({ row: r, column, format: info.format, ...cell });
  const bytes = form.kind === "call" ? form.argumentBytes(ctx.columnBytes) : 0;
  const snapshot: SnapshotReason | null =
    form.kind === "atBuild"
      ? form.reason
      : form.kind === "call" && tooLarge(bytes)
        ? "arguments_too_large"
        : null;
  if (snapshot !== null) {
    w.snapshots.push({ subject: info.id, reason: snapshot });
    at(COLUMN.value, { value: resultOf(result.value), style: "snapshot" });
    at(COLUMN.previous, { value: resultOf(result.previous), style: "snapshot" });
    w.put({
      row: r,
      column: COLUMN.note,
      value: snapshotNote(ctx.words, snapshot, bytes),
      style: "note",
    });
    return snapshot;
  }
  if (form.kind === "call") {
    const [now, before] = live.spans.map((s) => form.call(live, s.span));
    at(COLUMN.value, { formula: now, result: resultOf(result.value), style: "body" });
    at(COLUMN.previous, { formula: before, result: resultOf(result.previous), style: "body" });
    return "live";
  }
  const formula = form.kind === "formula" ? form.formula(live) : null;
  if (formula === null) {
    at(COLUMN.value, { value: "" });
    w.put({
      row: r,
      column: COLUMN.note,
      value: result.reason === null ? "" : ctx.words.reasons[result.reason],
      style: "note",
    });
    return "not_available";
  }
  // One formula gives the value and, beside it, the previous comparable value.
  at(COLUMN.value, {
    formula,
    spill: { rows: 1, columns: 2, results: [[resultOf(result.value), resultOf(result.previous)]] },
    style: "body",
  });
  return "live";
}

/** Change, target, forecast to the period end and status against the target; the reason a value is missing. */
function judgement(
  ctx: PlanContext,
  w: BlockWriter,
  r: number,
  result: IndicatorResult,
  P: ParameterAnchors,
  shown: SnapshotReason | "live"
): void {
  const { info } = result;
  const [value, previous, target, forecast] = [
    COLUMN.value,
    COLUMN.previous,
    COLUMN.target,
    COLUMN.forecast,
  ].map((c) => cellAddress(r, c));
  w.put({
    row: r,
    column: COLUMN.change,
    formula: `IF(AND(ISNUMBER(${value}),ISNUMBER(${previous})),${value}-${previous},"")`,
    result: resultOf(result.change),
    format: info.format,
    style: "body",
  });
  w.put({
    row: r,
    column: COLUMN.target,
    value: result.target ?? "",
    format: info.format,
    style: "input",
  });
  // Revenue's forecast is the one the backtest chose (the forecast block's, made in `below`).
  if (info.flow && info !== REVENUE)
    w.put({
      row: r,
      column: COLUMN.forecast,
      formula: runRateFormula(value, P.cell.daysInPeriod, P.cell.elapsed),
      result: resultOf(result.forecast),
      format: info.format,
      style: "body",
    });
  const texts = ctx.words.statuses;
  const basis = info.flow ? forecast : value;
  const slack = `${AT_RISK_MARGIN}*ABS(${target})`;
  const [better, withinSlack] =
    info.better === "less"
      ? [`${basis}<=${target}`, `${basis}<=${target}+${slack}`]
      : [`${basis}>=${target}`, `${basis}>=${target}-${slack}`];
  w.put({
    row: r,
    column: COLUMN.status,
    formula: `IF(OR(${target}="",NOT(ISNUMBER(${basis}))),"",IF(${better},${textLiteral(texts.on_track)},IF(${withinSlack},${textLiteral(texts.at_risk)},${textLiteral(texts.off_track)})))`,
    result: result.status === null ? "" : texts[result.status],
    style: "body",
  });
  if (shown === "live" && result.value === null && result.reason !== null)
    w.put({ row: r, column: COLUMN.note, value: ctx.words.reasons[result.reason], style: "note" });
}
