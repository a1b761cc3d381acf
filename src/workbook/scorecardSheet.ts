/**
 * A ScorecardPlan as a worksheet part: the file twin of the task pane's Office.js writer. Formulas
 * are stored as Excel stores them (fileFormula), every one as a dynamic array with the engine's
 * value cached; styles and the status colours are added to the workbook's own styles.
 */
import { ErrorValue } from "../core/cells";
import { Status } from "../engine/status";
import { textLiteral } from "../engine/formulaText";
import { CellStyle, NUMBER_FORMATS, NumberFormatKind, ScorecardPlan } from "../plan/scorecardPlan";
import { STATUS_LOOK, STYLE_LOOK } from "../plan/sheetLook";
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

export function scorecardWorksheet(
  plan: ScorecardPlan,
  styles: StylesEditor,
  dynamicArrayMetadata: number
): WorksheetOut {
  const formats = new Map<string, number>();
  const styleOf = (style: CellStyle | undefined, format: NumberFormatKind | undefined): number => {
    const key = `${style ?? ""}/${format ?? ""}`;
    let index = formats.get(key);
    if (index === undefined) {
      const look = style === undefined ? {} : STYLE_LOOK[style];
      index = styles.cellFormat({
        font: look.font,
        fill: look.fill,
        numberFormat: NUMBER_FORMATS[format ?? "general"],
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
          if (i === 0 && j === 0)
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
    const style = styleOf(c.style, c.format);
    if (c.formula !== undefined)
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
    showGridLines: false,
    frozenRows: plan.frozenRows,
    printOnePageWide: true,
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
