/** Writes a ScorecardPlan into an ExcelJS workbook: the file twin of the task pane's Office.js writer. */
import type { Fill, Workbook, Worksheet } from "exceljs";
import { STATUS_LOOK, STYLE_LOOK } from "./sheetLook";
import { CellStyle, NUMBER_FORMATS, ScorecardPlan, freeSheetName } from "../plan/scorecardPlan";
import { cellAddress, columnLetter } from "../plan/references";
import { textLiteral } from "../plan/indicatorFormulas";
import { Status } from "../engine/status";
import { fileFormula } from "./fileFormula";
import { isScorecardSheet } from "./xlsxSource";

const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } });

/**
 * Adds the scorecard sheet, replacing the one an earlier build made (found by its marker);
 * no other sheet is touched.
 */
export function writePlan(workbook: Workbook, plan: ScorecardPlan): Worksheet {
  const earlier = workbook.worksheets.filter(isScorecardSheet);
  for (const ws of earlier) workbook.removeWorksheet(ws.id);
  const ws = workbook.addWorksheet(freeSheetName(plan.sheetName, (name) => workbook.getWorksheet(name) !== undefined), { views: [{ showGridLines: false }] });
  plan.columnWidths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.column);
    if (c.formula !== undefined && c.spillRows !== undefined) {
      const range = `${cellAddress(c.row, c.column)}:${cellAddress(c.row + c.spillRows - 1, c.column)}`;
      // ExcelJS's types omit fillFormula's fourth argument, the share type.
      const fill = ws.fillFormula as unknown as (range: string, formula: string, results: unknown[], shareType: string) => void;
      fill.call(ws, range, fileFormula(c.formula), (c.spillResults ?? []).map((r) => r ?? ""), "array");
      for (let r = 0; r < c.spillRows; r++) styleCell(ws.getCell(c.row + r, c.column), c.style, c.format);
      continue;
    }
    if (c.formula !== undefined) {
      // A one-cell array formula: Excel evaluates its ranges as arrays, as dynamic Excel would.
      cell.value = { formula: fileFormula(c.formula), result: (c.result ?? "") as never, shareType: "array", ref: cellAddress(c.row, c.column) } as never;
    } else {
      cell.value = (c.value ?? null) as never;
    }
    styleCell(cell, c.style, c.format);
  }
  const rule = plan.statusRule;
  const ref = `${columnLetter(rule.column)}${rule.firstRow}:${columnLetter(rule.column)}${rule.lastRow}`;
  ws.addConditionalFormatting({
    ref,
    rules: (Object.keys(STATUS_LOOK) as Status[]).map((status, i) => ({
      type: "expression",
      formulae: [`${columnLetter(rule.column)}${rule.firstRow}=${textLiteral(rule.texts[status])}`],
      priority: i + 1,
      style: { font: { color: { argb: STATUS_LOOK[status].font } }, fill: { type: "pattern", pattern: "solid", bgColor: { argb: STATUS_LOOK[status].fill } } },
    })),
  });
  return ws;
}

function styleCell(cell: import("exceljs").Cell, style: CellStyle | undefined, format: keyof typeof NUMBER_FORMATS | undefined): void {
  // ExcelJS writes "mm-dd-yy" as built-in format 14, the locale's short date.
  if (format === "date") cell.numFmt = "mm-dd-yy";
  else if (format !== undefined && format !== "general") cell.numFmt = NUMBER_FORMATS[format];
  if (style === undefined) return;
  const look = STYLE_LOOK[style];
  if (look.font !== undefined) cell.font = look.font;
  if (look.fill !== undefined) cell.fill = solid(look.fill);
}
