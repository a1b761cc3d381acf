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
import { STATUS_LOOK, STYLE_LOOK, cssColor } from "../plan/sheetLook";
import type { ExcelRun } from "./officeWorkbook";
import { ProgressListener, throwIfCancelled } from "../workbook/workbookPort";
import {
  OPERATION_OVERHEAD_BYTES,
  REQUEST_BUDGET_BYTES,
  RequestBatches,
  jsonBytes,
  operation,
} from "./requestBatches";
import { GridOptions, PlanGrid, planGrid, styleRectangles } from "./sheetGrid";
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

/** Styles by rectangle, column widths, frozen title rows, print layout and the status colours. */
async function writeLook(
  batches: RequestBatches,
  plan: ScorecardPlan,
  sheetName: string,
  supports: Requirements
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
  await batches.add(
    operation({ frozen: plan.frozenRows }, (context) => {
      const ws = sheet(context);
      ws.freezePanes.freezeRows(plan.frozenRows);
      // Printed landscape, one page wide, as the file writer sets it.
      if (supports("ExcelApi", "1.9")) {
        ws.pageLayout.orientation = "Landscape";
        ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }
    })
  );
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
      await writeLook(batches, plan, name, options.supports);
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

type ChartKind = "funnel" | "pareto";

/** Each chart's name on the sheet, so a failed attempt can be found and removed. */
export const CHART_NAMES: Record<ChartKind, string> = {
  funnel: "SPEC funnel",
  pareto: "SPEC pareto",
};

const CHART_TYPES: Record<ChartKind, { first: Excel.ChartType; fallback: Excel.ChartType }> = {
  funnel: { first: "Funnel" as Excel.ChartType, fallback: "BarClustered" as Excel.ChartType },
  pareto: { first: "Pareto" as Excel.ChartType, fallback: "ColumnClustered" as Excel.ChartType },
};

/**
 * One chart of `kind`: the Funnel or Pareto type (ExcelApi 1.9), else, where this Excel cannot
 * draw that type, a bar or column chart. Whatever an attempt left behind is deleted before the
 * fallback is added: one chart per chart.
 */
async function addChart(
  run: ExcelRun,
  sheetName: string,
  kind: ChartKind,
  address: string,
  title: string,
  top: number
): Promise<void> {
  const add = (context: Excel.RequestContext, type: Excel.ChartType): void => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    const chart = ws.charts.add(type, ws.getRange(address), "Columns");
    chart.name = CHART_NAMES[kind];
    chart.title.text = title;
    chart.setPosition(`J${top}`, `Q${top + 16}`);
    chart.legend.visible = false;
  };
  try {
    await run(async (context) => {
      add(context, CHART_TYPES[kind].first);
      await context.sync();
    });
  } catch {
    await run(async (context) => {
      const left = context.workbook.worksheets
        .getItem(sheetName)
        .charts.getItemOrNullObject(CHART_NAMES[kind]);
      left.load("name");
      await context.sync();
      if (!left.isNullObject) left.delete();
      add(context, CHART_TYPES[kind].fallback);
      await context.sync();
    });
  }
}

/** The funnel and Pareto charts beside the indicator table. */
async function addCharts(run: ExcelRun, plan: ScorecardPlan, sheetName: string): Promise<void> {
  const funnel = plan.charts.funnel;
  if (funnel !== null)
    await addChart(
      run,
      sheetName,
      "funnel",
      `A${funnel.firstRow}:B${funnel.lastRow}`,
      sectionTitle(plan, funnel.firstRow),
      4
    );
  const pareto = plan.charts.pareto;
  if (pareto !== null) {
    const [label, value] = [columnLetter(pareto.labelColumn), columnLetter(pareto.valueColumn)];
    await addChart(
      run,
      sheetName,
      "pareto",
      `${label}${pareto.firstRow}:${value}${pareto.lastRow}`,
      sectionTitle(plan, pareto.firstRow),
      22
    );
  }
}

/** A chart's title is its block's section title, two rows above its data. */
function sectionTitle(plan: ScorecardPlan, firstRow: number): string {
  const title = plan.cells.find(
    (c) => c.row === firstRow - 2 && c.column === 1 && c.style === "section"
  );
  return typeof title?.value === "string" ? title.value : "";
}
