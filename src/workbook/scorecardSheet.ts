/**
 * A ScorecardPlan as a worksheet part: the file twin of the task pane's Office.js writer. Formulas
 * are stored as Excel stores them (fileFormula), every one as a dynamic array with the engine's
 * value cached; styles and the status colours are added to the workbook's own styles. Its charts
 * refer to the sheet's cells by name and carry the values the plan computed for them.
 */
import { ErrorValue } from "../core/cells";
import { Status } from "../engine/status";
import { textLiteral } from "../engine/formulaText";
import {
  CellStyle,
  ChartSpec,
  NUMBER_FORMATS,
  NumberFormatKind,
  PlanCell,
  ScorecardPlan,
  eachShownValue,
} from "../plan/scorecardPlan";
import { SheetRange, chartName } from "../plan/chartSpec";
import { quoteSheetName } from "../plan/references";
import { ChartDataOut } from "../xlsx/chartPart";
import { SheetChartOut } from "../xlsx/drawingPart";
import { CHART_TITLE_POINTS, SERIES_COLORS, STATUS_LOOK, STYLE_LOOK } from "../plan/sheetLook";
import { cellAddress, columnLetter } from "../core/cellReferences";
import { StylesEditor } from "../xlsx/stylesPart";
import { CellOut, CellResult, WorksheetOut } from "../xlsx/worksheetXml";
import { fileFormula } from "./fileFormula";

/** The plan's cached values as a file stores them: a blank result is an empty text. */
function result(v: string | number | null | undefined): CellResult {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return new ErrorValue("#NUM!");
  return v;
}

/**
 * `values`: every formula written as the value the engine computed (its spill's values in the
 * cells it spills to), for readers without the add-in or a workbook whose data are elsewhere.
 */
export function scorecardWorksheet(
  plan: ScorecardPlan,
  styles: StylesEditor,
  dynamicArrayMetadata: number,
  values = false
): WorksheetOut {
  const formats = new Map<string, number>();
  const styleOf = (
    style: CellStyle | undefined,
    format: NumberFormatKind | undefined,
    cell?: Pick<PlanCell, "wrap" | "align">
  ): number => {
    const key = `${style ?? ""}/${format ?? ""}/${cell?.wrap === true}/${cell?.align ?? ""}`;
    let index = formats.get(key);
    if (index === undefined) {
      const look = style === undefined ? {} : STYLE_LOOK[style];
      index = styles.cellFormat({
        font: look.font,
        fill: look.fill,
        numberFormat: NUMBER_FORMATS[format ?? "general"],
        // Headers sit at the bottom of a tall header row; everything else at the top of its row.
        alignment: {
          horizontal: cell?.align,
          vertical: style === "header" ? undefined : "top",
          wrapText: cell?.wrap,
        },
      });
      formats.set(key, index);
    }
    return index;
  };
  const cells: CellOut[] = [];
  let lastRow = 1;
  let lastColumn = 1;
  for (const c of plan.cells) {
    if (c.formula !== undefined && c.spill !== undefined) {
      const { rows, columns, results, formats: columnFormats } = c.spill;
      // Excel stores a dynamic array as the formula in its first cell and the values it spilled in the others.
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < columns; j++) {
          const style = styleOf(c.style, columnFormats?.[j] ?? c.format);
          const value = result(results[i]?.[j] ?? null);
          if (values) cells.push({ row: c.row + i, column: c.column + j, value, style });
          else if (i === 0 && j === 0)
            cells.push({
              row: c.row,
              column: c.column,
              formula: fileFormula(c.formula),
              result: value,
              spill: { rows, columns },
              style,
            });
          else cells.push({ row: c.row + i, column: c.column + j, value, spilled: true, style });
        }
      }
      lastRow = Math.max(lastRow, c.row + rows - 1);
      lastColumn = Math.max(lastColumn, c.column + columns - 1);
      continue;
    }
    const style = styleOf(c.style, c.format, c);
    if (c.formula !== undefined && values)
      cells.push({ row: c.row, column: c.column, value: result(c.result), style });
    else if (c.formula !== undefined)
      cells.push({
        row: c.row,
        column: c.column,
        formula: fileFormula(c.formula),
        result: result(c.result),
        style,
      });
    else cells.push({ row: c.row, column: c.column, value: c.value ?? null, style });
    lastRow = Math.max(lastRow, c.row);
    lastColumn = Math.max(lastColumn, c.column);
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  const rule = plan.statusRule;
  const range = `${columnLetter(rule.column)}${rule.firstRow}:${columnLetter(rule.column)}${rule.lastRow}`;
  const first = cellAddress(rule.firstRow, rule.column);
  return {
    cells,
    columnWidths: plan.columnWidths,
    rowHeights: new Map(plan.rowHeights.map((h) => [h.row, h.points])),
    merges: plan.merges.map(
      (m) => `${cellAddress(m.row, m.firstColumn)}:${cellAddress(m.row, m.lastColumn)}`
    ),
    showGridLines: false,
    frozenRows: plan.frozenRows,
    print: plan.print,
    dimension: `A1:${cellAddress(lastRow, lastColumn)}`,
    dynamicArrayMetadata,
    conditionalFormats: [
      {
        range,
        rules: (Object.keys(STATUS_LOOK) as Status[]).map((status) => ({
          formula: `${first}=${textLiteral(rule.texts[status])}`,
          style: styles.highlight(STATUS_LOOK[status]),
        })),
      },
    ],
  };
}

/** What the plan says a cell shows (a spill's values included), and its number format. */
function planValues(plan: ScorecardPlan): (row: number, column: number) => PlanValue | undefined {
  const at = new Map<number, PlanValue>();
  const key = (row: number, column: number): number => row * 16384 + column;
  eachShownValue(plan.cells, (_, row, column, value, format) =>
    at.set(key(row, column), { value: value ?? null, format })
  );
  return (row, column) => at.get(key(row, column));
}

interface PlanValue {
  readonly value: string | number | null;
  readonly format: NumberFormatKind | undefined;
}

/** A range of the sheet as a chart refers to it, with the values the plan computed for it. */
function chartData(
  range: SheetRange,
  sheet: string,
  valueAt: (row: number, column: number) => PlanValue | undefined
): ChartDataOut {
  const cells: (PlanValue | undefined)[] = [];
  for (let r = range.firstRow; r <= range.lastRow; r++)
    for (let c = range.firstColumn; c <= range.lastColumn; c++) cells.push(valueAt(r, c));
  const format = cells.find((c) => c?.format !== undefined)?.format;
  const ref = `${quoteSheetName(sheet)}!$${columnLetter(range.firstColumn)}$${range.firstRow}:$${columnLetter(range.lastColumn)}$${range.lastRow}`;
  return {
    ref,
    values: cells.map((c) => (c === undefined || c.value === "" ? null : c.value)),
    formatCode: format === undefined ? undefined : NUMBER_FORMATS[format],
  };
}

/** The plan's charts as the package layer writes them, their series naming the sheet. */
export function scorecardCharts(plan: ScorecardPlan, sheetName: string): SheetChartOut[] {
  const valueAt = planValues(plan);
  return plan.charts.map((spec: ChartSpec) => ({
    name: chartName(spec),
    anchor: {
      fromRow: spec.anchor.row - 1,
      fromColumn: spec.anchor.column - 1,
      toRow: spec.anchor.row - 1 + spec.anchor.rows,
      toColumn: spec.anchor.column - 1 + spec.anchor.columns,
    },
    chart: {
      kind: spec.kind,
      title: spec.title,
      titlePoints: CHART_TITLE_POINTS,
      categories: chartData(spec.categories, sheetName, valueAt),
      series: spec.series.map((s, i) => ({
        name: s.name,
        color: SERIES_COLORS[i % SERIES_COLORS.length].slice(2),
        values: chartData(s.values, sheetName, valueAt),
        kind: s.kind,
        secondaryAxis: s.secondaryAxis,
        markersOnly: s.markersOnly,
      })),
      valueFormat: spec.valueFormat,
      secondaryValueFormat: spec.secondaryValueFormat,
    },
  }));
}
