/**
 * Writes a ScorecardPlan through Office.js: the twin of the file writer (src/workbook/scorecardSheet.ts). Values and formulas
 * go in row blocks (each request far under Excel on the web's 5 MB), then styles, the status
 * colours and the charts. An earlier scorecard sheet is cleared and rewritten in place, so
 * references to it from other sheets keep working; no other sheet is touched.
 */
import { NUMBER_FORMATS, PlanCell, ScorecardPlan, freeSheetName } from "../plan/scorecardPlan";
import { typedFormula, textLiteral } from "../engine/formulaText";
import { columnLetter } from "../plan/references";
import { Status } from "../engine/status";
import { STATUS_LOOK, STYLE_LOOK, cssColor } from "../plan/sheetLook";
import type { ExcelRun } from "./officeWorkbook";
import { ProgressListener, throwIfCancelled } from "../workbook/workbookPort";

/** Cells per write request. */
export const WRITE_BLOCK_CELLS = 20000;

/** What Excel should receive for one cell: "=formula", a number, or text (a leading "=" kept as text). */
export function cellInput(cell: PlanCell | undefined): string | number {
  if (cell === undefined) return "";
  if (cell.formula !== undefined) return `=${typedFormula(cell.formula)}`;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/** The plan as rows × columns of inputs and number formats; a spill's other cells stay empty for Excel to fill. */
export function planGrid(plan: ScorecardPlan): {
  inputs: (string | number)[][];
  formats: string[][];
  rows: number;
  columns: number;
} {
  const rows = Math.max(...plan.cells.map((c) => c.row + (c.spill?.rows ?? 1) - 1));
  const columns = Math.max(...plan.cells.map((c) => c.column + (c.spill?.columns ?? 1) - 1));
  const inputs = Array.from({ length: rows }, () => new Array<string | number>(columns).fill(""));
  const formats = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  for (const c of plan.cells) {
    inputs[c.row - 1][c.column - 1] = cellInput(c);
    for (let i = 0; i < (c.spill?.rows ?? 1); i++) {
      for (let j = 0; j < (c.spill?.columns ?? 1); j++) {
        const format = c.spill?.formats?.[j] ?? c.format;
        formats[c.row - 1 + i][c.column - 1 + j] =
          format === undefined ? "General" : NUMBER_FORMATS[format];
      }
    }
  }
  return { inputs, formats, rows, columns };
}

async function prepareSheet(
  run: ExcelRun,
  plan: ScorecardPlan,
  existing: string | null
): Promise<string> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    if (existing !== null) {
      const ws = sheets.getItem(existing);
      ws.getRange().clear();
      // The charts themselves are needed, to delete each one.
      // eslint-disable-next-line office-addins/no-navigational-load
      ws.charts.load("items");
      await context.sync();
      ws.charts.items.forEach((chart) => chart.delete());
      await context.sync();
      return existing;
    }
    sheets.load("items"); // worksheets are few: all their scalar properties cost nothing
    await context.sync();
    const names = new Set(sheets.items.map((s) => s.name));
    const name = freeSheetName(plan.sheetName, (n) => names.has(n));
    const ws = sheets.add(name);
    ws.showGridlines = false;
    await context.sync();
    return name;
  });
}

export async function writePlanWithOffice(
  run: ExcelRun,
  plan: ScorecardPlan,
  existing: string | null,
  onProgress: ProgressListener,
  signal?: AbortSignal
): Promise<string> {
  throwIfCancelled(signal);
  const sheetName = await prepareSheet(run, plan, existing);
  const { inputs, formats, rows, columns } = planGrid(plan);
  const block = Math.max(1, Math.floor(WRITE_BLOCK_CELLS / columns));
  onProgress({ phase: "writing", done: 0, total: rows });
  for (let start = 0; start < rows; start += block) {
    throwIfCancelled(signal);
    const n = Math.min(block, rows - start);
    // One request per block on purpose: Excel on the web refuses a request over 5 MB.
    await run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheetName)
        .getRangeByIndexes(start, 0, n, columns);
      range.numberFormat = formats.slice(start, start + n);
      range.formulas = inputs.slice(start, start + n);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see the comment above
      await context.sync();
    });
    onProgress({ phase: "writing", done: start + n, total: rows });
  }
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.freezePanes.freezeRows(plan.frozenRows);
    // Printed landscape, one page wide, as the file writer sets it (ExcelApi 1.9).
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    plan.columnWidths.forEach((w, j) => {
      ws.getRange(`${columnLetter(j + 1)}:${columnLetter(j + 1)}`).format.columnWidth = w * 7;
    });
    for (const c of plan.cells) {
      if (c.style === undefined || c.style === "body") continue;
      const look = STYLE_LOOK[c.style];
      // A navigation property, not a scalar: nothing to load (the rule cannot tell them apart).
      // eslint-disable-next-line office-addins/load-object-before-read
      const format = ws.getCell(c.row - 1, c.column - 1).format;
      if (look.font?.bold) format.font.bold = true;
      if (look.font?.italic) format.font.italic = true;
      if (look.font?.size !== undefined) format.font.size = look.font.size;
      if (look.font?.color !== undefined) format.font.color = cssColor(look.font.color);
      if (look.fill !== undefined) format.fill.color = cssColor(look.fill);
    }
    const rule = plan.statusRule;
    const statusRange = ws.getRange(
      `${columnLetter(rule.column)}${rule.firstRow}:${columnLetter(rule.column)}${rule.lastRow}`
    );
    for (const status of Object.keys(STATUS_LOOK) as Status[]) {
      const cf = statusRange.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${columnLetter(rule.column)}${rule.firstRow}=${textLiteral(rule.texts[status])}`;
      cf.custom.format.fill.color = cssColor(STATUS_LOOK[status].fill);
      cf.custom.format.font.color = cssColor(STATUS_LOOK[status].font);
    }
    await context.sync();
  });
  await addCharts(run, plan, sheetName);
  return sheetName;
}

/** The funnel and Pareto charts; where an Excel lacks those chart types, bar and column charts. */
async function addCharts(run: ExcelRun, plan: ScorecardPlan, sheetName: string): Promise<void> {
  const place = (chart: Excel.Chart, title: string, top: number): void => {
    chart.title.text = title;
    chart.setPosition(`J${top}`, `Q${top + 16}`);
    chart.legend.visible = false;
  };
  const add = async (
    type: "Funnel" | "Pareto",
    fallback: "BarClustered" | "ColumnClustered",
    address: string,
    title: string,
    top: number
  ): Promise<void> => {
    try {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        place(ws.charts.add(type, ws.getRange(address), "Columns"), title, top);
        await context.sync();
      });
    } catch {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        place(ws.charts.add(fallback, ws.getRange(address), "Columns"), title, top);
        await context.sync();
      });
    }
  };
  const funnel = plan.charts.funnel;
  if (funnel !== null)
    await add(
      "Funnel",
      "BarClustered",
      `A${funnel.firstRow}:B${funnel.lastRow}`,
      sectionTitle(plan, funnel.firstRow),
      4
    );
  const pareto = plan.charts.pareto;
  if (pareto !== null) {
    const [label, value] = [columnLetter(pareto.labelColumn), columnLetter(pareto.valueColumn)];
    await add(
      "Pareto",
      "ColumnClustered",
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
