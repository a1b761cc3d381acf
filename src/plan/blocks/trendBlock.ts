/**
 * The trend (SPEC.md §3.3, History): a row per indicator, a column per period — the 8 whole
 * periods before the current one, oldest first, then the current one to date — and a line chart
 * per stage. The periods' days are live formulas of the parameters (edit as of or the period's
 * length and they move); each past value is the indicator's own live formula written over the 8
 * spans at once, or computed at the build where the trend's cost says so (see TREND_AT_BUILD). A
 * period that ends before the first sale is blank, as the engine has it. The current column reads
 * the indicator table.
 */
import { HISTORY_PERIODS } from "../../engine/history";
import { INDICATORS, IndicatorId } from "../../engine/indicatorCatalog";
import { IndicatorDefinition, LiveCells, STAGES, Stage } from "../../engine/indicatorDefinition";
import { SpanCells, hasCustomer, typedFormula, withKeys } from "../../engine/formulaText";
import { ChartSpec } from "../chartSpec";
import { EXCEL_FORMULA_LIMITS } from "../formulaLimits";
import { periodName } from "../forecastWords";
import { BlockBuilder, BlockWriter, PlanContext, tooLarge } from "../planBlock";
import { PlanCell, SnapshotReason, resultOf } from "../planCells";
import { absolute, cellAddress } from "../references";
import { ParameterAnchors } from "./parameterBlock";

type Definition = IndicatorDefinition<IndicatorId>;

/** The trend's columns: labels in A, the past periods from B, the current period, a note. */
const FIRST_PERIOD = 2;
const CURRENT = FIRST_PERIOD + HISTORY_PERIODS;
const NOTE = CURRENT + 1;

/**
 * The indicators the trend computes at the build over the past periods: each counts distinct
 * customers (UNIQUE over the sales rows) once or twice per span, and eight spans of them cost
 * LibreOffice 11× its open-and-save on 100,000 rows, past the live sheet's 3× budget (with the
 * column sums and the function calls alone live: 2.6×; see README, "The trend"). Revenue per
 * customer and repeat customers rest on customers buying.
 */
const TREND_AT_BUILD: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  "info.customers_buying",
  "info.revenue_per_customer",
  "info.penetration",
  "sales.new_customers",
  "sales.repeat_customers",
  "sales.repeat_rate",
  "sales.cross_sell_customers",
]);

/** Where the periods' cells are. */
interface PeriodCells {
  readonly headerRow: number;
  /** The past periods' spans, oldest first, as cells. */
  readonly spans: readonly SpanCells[];
  /** The past periods' last days, as one range of the row. */
  readonly ends: string;
  /** The first sale's day. */
  readonly firstSale: string;
}

export const trendBlock: BlockBuilder = (ctx, at) => {
  const { card, words: L } = ctx;
  const w = new BlockWriter(at.row);
  w.put({ row: w.row++, column: 1, value: L.trend.title, style: "section" });
  w.put({ row: w.row++, column: 1, value: L.trend.note, style: "note" });
  const periods = periodRows(ctx, w, at.anchors.parameters);
  const rowOf = new Map<string, number>();
  for (const stage of STAGES) {
    w.put({ row: w.row++, column: 1, value: L.stages[stage], style: "section" });
    for (const d of INDICATORS) if (d.stage === stage) rowOf.set(d.id, w.row++);
  }
  const row = (d: IndicatorDefinition): number => rowOf.get(d.id) as number;
  const live: LiveCells = {
    refs: ctx.refs,
    parameters: at.anchors.parameters.activation,
    spans: periods.spans.map((span, j) => ({
      span,
      suffix: `_${j + 1}`,
      cellOf: (d) => cellAddress(row(d), FIRST_PERIOD + j),
    })),
    rangeOf: (d) => `${cellAddress(row(d), FIRST_PERIOD)}:${cellAddress(row(d), CURRENT - 1)}`,
  };
  const built = new Set<SnapshotReason>();
  for (const result of card.indicators) {
    const d = result.info;
    const r = row(d);
    w.put({ row: r, column: 1, value: d.words[ctx.language], style: "label" });
    const reason = pastCells(ctx, w, r, d, live, periods);
    if (reason !== null) {
      built.add(reason);
      w.put({ row: r, column: NOTE, value: L.trend.atBuild[reason], style: "note" });
    }
    const valueCell = at.anchors.indicators.value(d);
    w.put({
      row: r,
      column: CURRENT,
      formula: `IF(ISNUMBER(${valueCell}),${valueCell},"")`,
      result: resultOf(result.value),
      format: d.format,
      style: "body",
    });
  }
  for (const reason of built) w.snapshots.push({ subject: "history", reason });
  w.row++;
  indexAndCharts(ctx, w, row, periods.headerRow);
  return w.block();
};

/** The header (each period's name), each period's first and last day, and the first sale's day. */
function periodRows(ctx: PlanContext, w: BlockWriter, P: ParameterAnchors): PeriodCells {
  const { card, words: L, language } = ctx;
  const kind = card.period.kind;
  const past = card.history.periods;
  const [headerRow, startRow, endRow, beginRow] = [w.row, w.row + 1, w.row + 2, w.row + 3];
  w.row += 4;
  w.put({ row: headerRow, column: 1, value: ctx.words.columns.indicator, style: "header" });
  w.put({ row: startRow, column: 1, value: L.trend.periodStart, style: "label" });
  w.put({ row: endRow, column: 1, value: L.trend.periodEnd, style: "label" });
  const date = (row: number, column: number, formula: string, result: number): void =>
    w.put({ row, column, formula, result, format: "date", style: "body" });
  const spans: SpanCells[] = past.map((p, j) => {
    const column = FIRST_PERIOD + j;
    const [start, end] = [absolute(startRow, column), absolute(endRow, column)];
    date(
      startRow,
      column,
      `EDATE(${P.cell.start},-${HISTORY_PERIODS - j}*${P.cell.months})`,
      p.current.start
    );
    date(endRow, column, `EDATE(${start},${P.cell.months})-1`, p.current.end);
    w.put({
      row: headerRow,
      column,
      formula: periodNameFormula(start, P.cell.months, language),
      result: periodName(kind, p.current.start, language),
      style: "header",
    });
    return { start, end, periodEnd: end };
  });
  date(startRow, CURRENT, P.cell.start, card.period.current.start);
  date(endRow, CURRENT, P.cell.asOf, card.period.asOf);
  const [before, after] = L.trend.toDate.split("{period}");
  w.put({
    row: headerRow,
    column: CURRENT,
    formula: `${textPart(before)}${periodNameFormula(absolute(startRow, CURRENT), P.cell.months, language)}${textPart(after, true)}`,
    result: L.trend.toDate.replace(
      "{period}",
      periodName(kind, card.period.current.start, language)
    ),
    style: "header",
  });
  w.put({ row: beginRow, column: 1, value: L.trend.dataBegin, style: "label" });
  // The engine's first day: the earliest date of a sales row with a customer.
  date(
    beginRow,
    FIRST_PERIOD,
    withKeys(ctx.refs, `INT(MIN(IF(${hasCustomer},${ctx.refs.date},"")))`),
    card.history.firstDay
  );
  const ends = `${absolute(endRow, FIRST_PERIOD)}:${absolute(endRow, CURRENT - 1)}`;
  return { headerRow, spans, ends, firstSale: absolute(beginRow, FIRST_PERIOD) };
}

/** `"text"&` before a formula (or `&"text"` after it); nothing for an empty text. */
const textPart = (text: string, after = false): string =>
  text === "" ? "" : after ? `&"${text}"` : `"${text}"&`;

/** A period's name from its first day, as forecastWords.periodName writes it: 2024, Q3 2024, 2024-07. */
export function periodNameFormula(start: string, months: string, language: string): string {
  const quarter = language === "es" ? "T" : "Q";
  return `IF(${months}=12,YEAR(${start})&"",IF(${months}=3,"${quarter}"&(INT((MONTH(${start})-1)/3)+1)&" "&YEAR(${start}),YEAR(${start})&"-"&RIGHT("0"&MONTH(${start}),2)))`;
}

/**
 * An indicator's past values: its live formula over the 8 spans (blank before the data begin), a
 * call per span, or the engine's values computed at the build, and why. Null when live (or when
 * no value can exist: not mapped, or nothing left of a past period to expect).
 */
function pastCells(
  ctx: PlanContext,
  w: BlockWriter,
  r: number,
  d: Definition,
  live: LiveCells,
  periods: PeriodCells
): SnapshotReason | null {
  const points = ctx.card.history.points[d.id];
  const form = d.live;
  const at = (j: number, cell: Omit<PlanCell, "row" | "column">): void =>
    w.put({ row: r, column: FIRST_PERIOD + j, format: d.format, ...cell });
  const snapshot = (reason: SnapshotReason): SnapshotReason => {
    points.forEach((p, j) => at(j, { value: resultOf(p.value), style: "snapshot" }));
    return reason;
  };
  // Whole past periods leave nothing of them to expect: no value can exist, none is asked of Excel.
  if (points.every((p) => p.reason === "no_days_left_in_period")) return null;
  if (form.kind === "atBuild") return snapshot(form.reason);
  if (TREND_AT_BUILD.has(d.id)) return snapshot("past_periods");
  if (form.kind === "call") {
    if (tooLarge(form.argumentBytes(ctx.columnBytes))) return snapshot("arguments_too_large");
    live.spans.forEach((s, j) =>
      at(j, {
        formula: `IF(${s.span.end}<${periods.firstSale},"",${form.call(live, s.span)})`,
        result: resultOf(points[j].value),
        style: "body",
      })
    );
    return null;
  }
  const body = form.formula(live);
  if (body === null) return null;
  const formula = `IF(${periods.ends}<${periods.firstSale},"",${body})`;
  // Eight spans of a long formula over long references can pass what Excel takes in a cell.
  if (typedFormula(formula).length > EXCEL_FORMULA_LIMITS.length)
    return snapshot("formula_too_long");
  at(0, {
    formula,
    spill: { rows: 1, columns: HISTORY_PERIODS, results: [points.map((p) => resultOf(p.value))] },
    style: "body",
  });
  return null;
}

/** Each period's value ÷ the average of the row's values × 100; blank without a value or a positive average. */
function indexOf(values: readonly (number | null)[]): (number | string)[] {
  const numbers = values.filter((v): v is number => v !== null);
  const sum = numbers.reduce((a, v) => a + v, 0);
  return values.map((v) => (v === null || !(sum > 0) ? "" : (v / (sum / numbers.length)) * 100));
}

/** Charts are drawn two abreast: the left one over columns A–D, the right one over E–J. */
const CHART_PLACES = [
  { column: 1, columns: 4 },
  { column: 5, columns: 6 },
] as const;
const CHART_ROWS = 16;

/**
 * The charts' rows — each indicator with at least two values, as an index of its own average —
 * then a line chart per stage, from the first period with data.
 */
function indexAndCharts(
  ctx: PlanContext,
  w: BlockWriter,
  trendRow: (d: Definition) => number,
  headerRow: number
): void {
  const { card, words: L } = ctx;
  const valuesOf = (d: Definition): (number | null)[] => [
    ...card.history.points[d.id].map((p) => p.value),
    card.indicators.find((r) => r.info === d)?.value ?? null,
  ];
  const charted = INDICATORS.filter((d) => valuesOf(d).filter((v) => v !== null).length >= 2);
  if (charted.length === 0) return;
  w.put({ row: w.row++, column: 1, value: L.trend.indexTitle, style: "section" });
  const indexRow = new Map<string, number>();
  for (const d of charted) {
    const r = w.row++;
    indexRow.set(d.id, r);
    w.put({ row: r, column: 1, value: d.words[ctx.language], style: "label" });
    const source = trendRow(d);
    const all = `${absolute(source, FIRST_PERIOD)}:${absolute(source, CURRENT)}`;
    indexOf(valuesOf(d)).forEach((result, j) => {
      const cell = cellAddress(source, FIRST_PERIOD + j);
      w.put({
        row: r,
        column: FIRST_PERIOD + j,
        formula: `IF(AND(ISNUMBER(${cell}),SUM(${all})>0),${cell}/AVERAGE(${all})*100,"")`,
        result,
        format: "index",
        style: "body",
      });
    });
  }
  w.row++;
  const firstWithData = Math.max(
    0,
    card.history.periods.findIndex((p) => p.current.end >= card.history.firstDay)
  );
  const firstColumn = FIRST_PERIOD + firstWithData;
  const stages = STAGES.filter((s) => charted.some((d) => d.stage === s));
  stages.forEach((stage: Stage, i) => {
    const place = CHART_PLACES[i % 2];
    const row = w.row;
    const spec: ChartSpec = {
      id: `trend.${stage}`,
      kind: "line",
      title: L.trend.chartTitle.replace("{stage}", L.stages[stage]),
      categories: { firstRow: headerRow, lastRow: headerRow, firstColumn, lastColumn: CURRENT },
      series: charted
        .filter((d) => d.stage === stage)
        .map((d) => ({
          name: d.words[ctx.language],
          values: {
            firstRow: indexRow.get(d.id) as number,
            lastRow: indexRow.get(d.id) as number,
            firstColumn,
            lastColumn: CURRENT,
          },
        })),
      anchor: { row, column: place.column, columns: place.columns, rows: CHART_ROWS },
      valueFormat: "0",
    };
    // Two abreast: the rows move on after the right-hand chart, or the last one.
    if (i % 2 === 1 || i === stages.length - 1) w.chart(spec);
    else w.charts.push(spec);
  });
}
