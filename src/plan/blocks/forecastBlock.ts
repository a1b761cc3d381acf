/**
 * Revenue to the period end by each method of SPEC.md §3.4 (live), their backtests (computed at
 * the build), the one chosen as the headline; and margin at the prior-year pace. Below the table,
 * a chart of each method's forecast (columns) and backtest error (markers, on a second axis).
 */
import { FORECAST_METHODS, ForecastMethod } from "../../engine/revenueForecast";
import { MARGIN, REVENUE } from "../../engine/stages/overview";
import { EXPECTED_REVENUE } from "../../engine/stages/service";
import { forecastHeadline, periodName } from "../forecastWords";
import { BlockBuilder, BlockWriter, COLUMN, PlanContext } from "../planBlock";
import { resultOf } from "../planCells";
import { cellAddress } from "../references";
import { customerModelFormula, priorYearFormula, runRateFormula } from "../sheetFormulas";

export interface ForecastAnchors {
  /** The cell of each method's live forecast. */
  readonly methodCell: (method: ForecastMethod) => string;
}

export const forecastBlock: BlockBuilder = (ctx, at) => {
  const { card, words: L, language, refs } = ctx;
  const f = card.revenueForecasts;
  const tested = f.backtest;
  const w = new BlockWriter(at.row);
  w.snapshots.push({ subject: "backtest", reason: "past_periods" });
  w.put({ row: w.row++, column: 1, value: L.forecasts.title, style: "section" });
  w.put({ row: w.row++, column: 1, value: forecastHeadline(f, L, language), style: "note" });
  const headers = [
    L.forecasts.method,
    L.forecasts.forecast,
    L.forecasts.backtestError,
    ...tested.map((b) =>
      L.forecasts.periodError.replace("{start}", periodName(card.period.kind, b.start, language))
    ),
  ];
  headers.forEach((h, j) => w.put({ row: w.row, column: j + 1, value: h, style: "header" }));
  w.put({ row: w.row++, column: COLUMN.note, value: L.columns.note, style: "header" });

  const { parameters: P, indicators } = at.anchors;
  const revenueCell = indicators.value(REVENUE);
  const live: Record<ForecastMethod, string> = {
    run_rate: runRateFormula(revenueCell, P.cell.daysInPeriod, P.cell.elapsed),
    prior_year: priorYearFormula(refs, refs.amount, revenueCell, P.forecast),
    customer_model: customerModelFormula(
      refs,
      revenueCell,
      indicators.value(EXPECTED_REVENUE),
      P.forecast
    ),
  };
  const methodRow = new Map<ForecastMethod, number>();
  for (const method of FORECAST_METHODS) {
    methodRow.set(method, w.row);
    methodRowCells(ctx, w, method, live[method]);
    w.row++;
  }
  if (tested.length > 0) {
    w.put({ row: w.row, column: 1, value: L.forecasts.actual, style: "label" });
    tested.forEach((b, j) =>
      w.put({ row: w.row, column: 4 + j, value: b.actual, format: "money", style: "snapshot" })
    );
    w.row++;
  }
  if (refs.margin !== undefined) {
    w.put({ row: w.row, column: 1, value: L.forecasts.marginPriorYear, style: "label" });
    w.put({
      row: w.row,
      column: 2,
      formula: priorYearFormula(refs, refs.margin, indicators.value(MARGIN), P.forecast),
      result: resultOf(card.marginPriorYear),
      format: "money",
      style: "body",
    });
    w.put({ row: w.row++, column: COLUMN.note, value: L.forecasts.marginNote, style: "note" });
  }
  w.row++;
  const rows = FORECAST_METHODS.map((m) => methodRow.get(m) as number);
  const column = (c: number) => ({
    firstRow: Math.min(...rows),
    lastRow: Math.max(...rows),
    firstColumn: c,
    lastColumn: c,
  });
  w.chart({
    id: "forecast",
    kind: "column",
    title: L.forecasts.chartTitle,
    categories: column(1),
    series: [
      { name: L.forecasts.forecast, values: column(2) },
      {
        name: L.forecasts.backtestError,
        values: column(3),
        kind: "line",
        secondaryAxis: true,
        markersOnly: true,
      },
    ],
    anchor: { row: w.row, column: 1, columns: COLUMN.note, rows: 14 },
    valueFormat: "#,##0",
    secondaryValueFormat: "0%",
  });
  return w.block({
    anchors: { forecast: { methodCell: (m) => cellAddress(methodRow.get(m) as number, 2) } },
  });
};

/** A method's row: its live forecast, its backtest error and miss in each period tested, a note. */
function methodRowCells(
  { card, words: L }: PlanContext,
  w: BlockWriter,
  method: ForecastMethod,
  formula: string
): void {
  const f = card.revenueForecasts;
  const tested = f.backtest;
  const m = f.methods[method];
  const row = w.row;
  w.put({ row, column: 1, value: L.forecasts.methods[method], style: "label" });
  w.put({
    row,
    column: 2,
    formula,
    result: resultOf(m.value),
    format: "money",
    style: "body",
  });
  w.put({ row, column: 3, value: resultOf(m.backtestError), format: "percent", style: "snapshot" });
  tested.forEach((b, j) => {
    const forecast = b.forecasts[method];
    w.put({
      row,
      column: 4 + j,
      value: forecast === null ? "" : Math.abs(forecast - b.actual) / b.actual,
      format: "percent",
      style: "snapshot",
    });
  });
  const modelReason =
    card.indicators.find((i) => i.info === EXPECTED_REVENUE)?.reason ?? "model_not_fitted";
  const note =
    method === f.chosen
      ? L.forecasts.chosenNote
      : m.value === null
        ? method === "prior_year"
          ? L.forecasts.priorYearUnavailable
          : L.reasons[modelReason]
        : tested.length > 0 && m.backtestError === null
          ? L.forecasts.untested
          : "";
  w.put({ row, column: COLUMN.note, value: note, style: "note" });
}
