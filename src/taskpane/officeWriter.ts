/**
 * Writes a ScorecardPlan through Office.js: the twin of the file writer (src/workbook/scorecardSheet.ts).
 * Inputs and number formats go in row blocks, then the look (rectangles of one style), the status
 * colours, layout and charts, every request measured and kept under REQUEST_BUDGET_BYTES (Excel on
 * the web refuses a request over 5 MB). Calculation waits while the sheet is written, so each block
 * does not recalculate what the blocks before it hold. An earlier scorecard sheet is cleared and
 * rewritten in place, so references to it from other sheets keep working; no other sheet is
 * touched. At the end the sheet is named SPEC_Scorecard (see scorecardIdentity).
 */
import { ScorecardPlan, freeSheetName } from "../plan/scorecardPlan";
import { textLiteral } from "../engine/formulaText";
import { columnLetter } from "../plan/references";
import { Status } from "../engine/status";
import {
  CHART_TITLE_POINTS,
  SERIES_COLORS,
  STATUS_LOOK,
  STYLE_LOOK,
  cssColor,
} from "../plan/sheetLook";
import { ChartKind, ChartSeries, ChartSpec, SheetRange, chartName } from "../plan/chartSpec";
import type { ExcelRun } from "./officeWorkbook";
import { ProgressListener, throwIfCancelled } from "../workbook/workbookPort";
import {
  OPERATION_OVERHEAD_BYTES,
  REQUEST_BUDGET_BYTES,
  RequestBatches,
  jsonBytes,
  operation,
} from "./requestBatches";
import { GridOptions, PlanGrid, planExtent, planGrid, styleRectangles } from "./sheetGrid";
import { nameScorecard } from "./scorecardIdentity";
import { WorkbookProblem, asWorkbookProblem } from "./workbookProblem";

export { cellInput, planGrid } from "./sheetGrid";

/** Whether this Excel has a requirement set, as Office.context.requirements.isSetSupported says. */
export type Requirements = (set: string, version: string) => boolean;

export interface OfficeWriteOptions extends GridOptions {
  readonly supports: Requirements;
  /** The measured size no request may pass; REQUEST_BUDGET_BYTES unless a test asks for less. */
  readonly budget?: number;
}

/** The sheet to write into: the earlier build's, cleared, or a new one beside the analyst's sheets. */
async function prepareSheet(
  run: ExcelRun,
  plan: ScorecardPlan,
  existing: string | null
): Promise<string> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    if (existing !== null) {
      const ws = sheets.getItem(existing);
      ws.load("protection/protected");
      // The charts themselves are needed, to delete each one.
      // eslint-disable-next-line office-addins/no-navigational-load
      ws.charts.load("items");
      await context.sync();
      if (ws.protection.protected) throw new WorkbookProblem("sheet_protected", existing);
      ws.getRange().clear();
      ws.charts.items.forEach((chart) => chart.delete());
      await context.sync();
      return existing;
    }
    const protection = context.workbook.protection;
    protection.load("protected");
    sheets.load("items/name");
    await context.sync();
    if (protection.protected) throw new WorkbookProblem("structure_protected");
    const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const name = freeSheetName(plan.sheetName, (n) => names.has(n.toLowerCase()));
    const ws = sheets.add(name);
    ws.showGridlines = false;
    await context.sync();
    return name;
  });
}

/**
 * Stops Excel recalculating while the sheet is written: the application's mode set to manual
 * (ExcelApi 1.8) and put back afterwards, whatever happens (the mode is Excel's, not the
 * workbook's); where the mode cannot be set, each request suspends calculation until its sync
 * (ExcelApi 1.6).
 */
async function holdCalculation(
  run: ExcelRun,
  supports: Requirements
): Promise<{
  release: () => Promise<void>;
  perRequest?: (context: Excel.RequestContext) => void;
}> {
  if (!supports("ExcelApi", "1.8"))
    return {
      release: async () => undefined,
      perRequest: supports("ExcelApi", "1.6")
        ? (context) => context.workbook.application.suspendApiCalculationUntilNextSync()
        : undefined,
    };
  const before = await run(async (context) => {
    const app = context.workbook.application;
    app.load("calculationMode");
    await context.sync();
    const mode = app.calculationMode;
    if (mode !== "Manual") {
      app.calculationMode = "Manual";
      await context.sync();
    }
    return mode;
  });
  if (before === "Manual") return { release: async () => undefined };
  return {
    release: async () => {
      await run(async (context) => {
        context.workbook.application.calculationMode = before;
        await context.sync();
      });
    },
  };
}

/** Row blocks of inputs and number formats, each as large as the budget allows. */
async function writeCells(
  batches: RequestBatches,
  sheetName: string,
  grid: PlanGrid,
  budget: number,
  onProgress: ProgressListener
): Promise<void> {
  const { inputs, formats, rows, columns } = grid;
  onProgress({ phase: "writing", done: 0, total: rows });
  for (let start = 0; start < rows;) {
    let end = start;
    let bytes = OPERATION_OVERHEAD_BYTES;
    while (end < rows) {
      const more = jsonBytes(inputs[end]) + jsonBytes(formats[end]) + 2;
      if (end > start && bytes + more > budget) break;
      bytes += more;
      end++;
    }
    const [first, n] = [start, end - start];
    await batches.add({
      bytes,
      queue: (context) => {
        const range = context.workbook.worksheets
          .getItem(sheetName)
          .getRangeByIndexes(first, 0, n, columns);
        // Formats first, so a date typed into a cell reads as a date.
        range.numberFormat = formats.slice(first, first + n);
        range.formulas = inputs.slice(first, first + n);
      },
      onSent: () => onProgress({ phase: "writing", done: first + n, total: rows }),
    });
    start = end;
  }
}

/** Styles by rectangle, column widths and the status colours. */
async function writeLook(
  batches: RequestBatches,
  plan: ScorecardPlan,
  sheetName: string
): Promise<void> {
  const sheet = (context: Excel.RequestContext): Excel.Worksheet =>
    context.workbook.worksheets.getItem(sheetName);
  for (const r of styleRectangles(plan)) {
    const look = STYLE_LOOK[r.style];
    await batches.add(
      operation({ r, look }, (context) => {
        const format = sheet(context).getRangeByIndexes(r.row, r.column, r.rows, r.columns).format;
        if (look.font?.bold) format.font.bold = true;
        if (look.font?.italic) format.font.italic = true;
        if (look.font?.size !== undefined) format.font.size = look.font.size;
        if (look.font?.color !== undefined) format.font.color = cssColor(look.font.color);
        if (look.fill !== undefined) format.fill.color = cssColor(look.fill);
      })
    );
  }
  for (const [j, width] of plan.columnWidths.entries()) {
    const column = `${columnLetter(j + 1)}:${columnLetter(j + 1)}`;
    await batches.add(
      operation({ column, width }, (context) => {
        sheet(context).getRange(column).format.columnWidth = width * 7;
      })
    );
  }
  const rule = plan.statusRule;
  const address = `${columnLetter(rule.column)}${rule.firstRow}:${columnLetter(rule.column)}${rule.lastRow}`;
  for (const status of Object.keys(STATUS_LOOK) as Status[]) {
    const formula = `=${columnLetter(rule.column)}${rule.firstRow}=${textLiteral(rule.texts[status])}`;
    await batches.add(
      operation({ address, formula, look: STATUS_LOOK[status] }, (context) => {
        const cf = sheet(context).getRange(address).conditionalFormats.add("Custom");
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = cssColor(STATUS_LOOK[status].fill);
        cf.custom.format.font.color = cssColor(STATUS_LOOK[status].font);
      })
    );
  }
}

/** Narrow margins, in points, as the file writer sets them. */
const MARGINS = { left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 } as const;

/**
 * The layout the plan measured (sheetLayout.ts): cells at the top of their rows (headers at the
 * bottom), wrapped and right-aligned cells, merged sentences, tall rows; the frozen title rows;
 * printed landscape at the plan's scale with a page break above each block that needs one.
 */
async function writeLayout(
  batches: RequestBatches,
  plan: ScorecardPlan,
  sheetName: string,
  supports: Requirements
): Promise<void> {
  const sheet = (context: Excel.RequestContext): Excel.Worksheet =>
    context.workbook.worksheets.getItem(sheetName);
  const { rows, columns } = planExtent(plan);
  await batches.add(
    operation({ rows, columns, vertical: "Top" }, (context) => {
      sheet(context).getRangeByIndexes(0, 0, rows, columns).format.verticalAlignment = "Top";
    })
  );
  for (const r of styleRectangles(plan).filter((x) => x.style === "header"))
    await batches.add(
      operation({ r, vertical: "Bottom" }, (context) => {
        const range = sheet(context).getRangeByIndexes(r.row, r.column, r.rows, r.columns);
        range.format.verticalAlignment = "Bottom";
      })
    );
  for (const c of plan.cells.filter((x) => x.wrap === true || x.align !== undefined))
    await batches.add(
      operation({ row: c.row, column: c.column, wrap: c.wrap, align: c.align }, (context) => {
        const format = sheet(context).getRangeByIndexes(c.row - 1, c.column - 1, 1, 1).format;
        if (c.wrap === true) format.wrapText = true;
        if (c.align === "right") format.horizontalAlignment = "Right";
      })
    );
  for (const m of plan.merges) {
    const address = `${columnLetter(m.firstColumn)}${m.row}:${columnLetter(m.lastColumn)}${m.row}`;
    await batches.add(
      operation({ address }, (context) => sheet(context).getRange(address).merge(false))
    );
  }
  for (const h of plan.rowHeights)
    await batches.add(
      operation(h, (context) => {
        sheet(context).getRange(`${h.row}:${h.row}`).format.rowHeight = h.points;
      })
    );
  await batches.add(
    operation({ frozen: plan.frozenRows, print: plan.print }, (context) => {
      const ws = sheet(context);
      ws.freezePanes.freezeRows(plan.frozenRows);
      if (!supports("ExcelApi", "1.9")) return;
      const page = ws.pageLayout;
      page.orientation = "Landscape";
      page.zoom = { scale: plan.print.scale };
      page.leftMargin = MARGINS.left;
      page.rightMargin = MARGINS.right;
      page.topMargin = MARGINS.top;
      page.bottomMargin = MARGINS.bottom;
      page.headerMargin = MARGINS.header;
      page.footerMargin = MARGINS.footer;
      for (const row of plan.print.rowBreaks) ws.horizontalPageBreaks.add(`A${row}`);
    })
  );
}

export async function writePlanWithOffice(
  run: ExcelRun,
  plan: ScorecardPlan,
  existing: string | null,
  onProgress: ProgressListener,
  signal: AbortSignal | undefined,
  options: OfficeWriteOptions
): Promise<string> {
  throwIfCancelled(signal);
  let sheetName: string | null = existing;
  try {
    sheetName = await prepareSheet(run, plan, existing);
    const name = sheetName;
    const budget = options.budget ?? REQUEST_BUDGET_BYTES;
    const { release, perRequest } = await holdCalculation(run, options.supports);
    try {
      const batches = new RequestBatches(run, budget, signal, perRequest);
      await writeCells(batches, name, planGrid(plan, options), budget, onProgress);
      await writeLook(batches, plan, name);
      await writeLayout(batches, plan, name, options.supports);
      await batches.flush();
    } finally {
      await release();
    }
    throwIfCancelled(signal);
    await addCharts(run, plan, name);
    await nameScorecard(run, name);
    return name;
  } catch (e) {
    throw asWorkbookProblem(e, sheetName);
  }
}

const CHART_TYPES: Record<ChartKind, Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
};

const rangeAddress = (r: SheetRange): string =>
  `${columnLetter(r.firstColumn)}${r.firstRow}:${columnLetter(r.lastColumn)}${r.lastRow}`;

/** A series' kind, colour, axis and markers, as the file writer draws them (xlsx/chartPart.ts). */
function seriesLook(
  series: Excel.ChartSeries,
  spec: ChartSpec,
  s: ChartSeries,
  index: number
): void {
  const color = cssColor(SERIES_COLORS[index % SERIES_COLORS.length]);
  const kind = s.kind ?? spec.kind;
  if (kind !== spec.kind)
    series.chartType = (
      s.markersOnly === true ? "LineMarkers" : CHART_TYPES[kind]
    ) as Excel.ChartType;
  if (s.secondaryAxis === true) series.axisGroup = "Secondary" as Excel.ChartAxisGroup;
  if (kind !== "line") series.format.fill.setSolidColor(color);
  else if (s.markersOnly === true) {
    series.format.line.lineStyle = "None" as Excel.ChartLineStyle;
    series.markerStyle = "Diamond" as Excel.ChartMarkerStyle;
    series.markerSize = 9;
    series.markerBackgroundColor = color;
    series.markerForegroundColor = color;
  } else series.format.line.color = color;
}

/**
 * One chart of the plan. `full`: every series, with their kinds, axes and looks; otherwise the
 * chart's first series alone, in the chart's own kind (where this Excel refused the rest).
 */
function queueChart(
  context: Excel.RequestContext,
  sheetName: string,
  spec: ChartSpec,
  full: boolean
): void {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const [first, ...rest] = spec.series;
  const chart = ws.charts.add(
    CHART_TYPES[spec.kind],
    ws.getRange(rangeAddress(first.values)),
    "Columns" as Excel.ChartSeriesBy
  );
  chart.name = chartName(spec);
  chart.title.text = spec.title;
  chart.title.format.font.size = CHART_TITLE_POINTS;
  const series = [first, ...(full ? rest : [])];
  chart.legend.visible = series.length > 1;
  if (series.length > 1) chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  const categories = ws.getRange(rangeAddress(spec.categories));
  series.forEach((s, i) => {
    const item = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    item.name = s.name;
    if (i > 0) item.setValues(ws.getRange(rangeAddress(s.values)));
    item.setXAxisValues(categories);
    if (full) seriesLook(item, spec, s, i);
  });
  const value = chart.axes.valueAxis;
  if (spec.valueFormat !== undefined) value.numberFormat = spec.valueFormat;
  if (spec.kind !== "line") value.minimum = 0;
  if (spec.kind === "bar") {
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = "Maximum" as Excel.ChartAxisPosition;
  }
  if (full && rest.some((s) => s.secondaryAxis === true)) {
    const second = chart.axes.getItem(
      "Value" as Excel.ChartAxisType,
      "Secondary" as Excel.ChartAxisGroup
    );
    if (spec.secondaryValueFormat !== undefined) second.numberFormat = spec.secondaryValueFormat;
    if (spec.kind !== "line") second.minimum = 0;
  }
  const a = spec.anchor;
  chart.setPosition(
    `${columnLetter(a.column)}${a.row}`,
    `${columnLetter(a.column + a.columns - 1)}${a.row + a.rows - 1}`
  );
}

/**
 * The plan's charts, each in its own request: drawn whole, or, where this Excel refuses part of it
 * (a series kind or second axis), whatever the attempt left is deleted and the chart drawn with its
 * first series alone: one chart per chart.
 */
async function addCharts(run: ExcelRun, plan: ScorecardPlan, sheetName: string): Promise<void> {
  for (const spec of plan.charts) await addChart(run, spec, sheetName);
}

async function addChart(run: ExcelRun, spec: ChartSpec, sheetName: string): Promise<void> {
  try {
    await run(async (context) => {
      queueChart(context, sheetName, spec, true);
      await context.sync();
    });
  } catch {
    await run(async (context) => {
      const left = context.workbook.worksheets
        .getItem(sheetName)
        .charts.getItemOrNullObject(chartName(spec));
      left.load("name");
      await context.sync();
      if (!left.isNullObject) left.delete();
      queueChart(context, sheetName, spec, false);
      await context.sync();
    });
  }
}
