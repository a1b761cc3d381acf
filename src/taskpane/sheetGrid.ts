/**
 * A ScorecardPlan as the Office.js writer sends it: rows × columns of inputs and number formats,
 * and the styled cells grouped into rectangles of one look (one format call each, however many
 * cells). Live, every formula is written; as values, each formula's cell holds what the engine
 * computed (for an Excel without dynamic arrays or the add-in's functions).
 */
import {
  CellResult,
  NUMBER_FORMATS,
  NumberFormatKind,
  PlanCell,
  ScorecardPlan,
} from "../plan/scorecardPlan";
import { CellStyle } from "../plan/scorecardPlan";
import { typedFormula } from "../engine/formulaText";
import { planAsValues } from "../plan/planValues";
import { DAYS_1904_TO_1900 } from "../xlsx/sheetScanner";

export interface GridOptions {
  /** Every cell as its computed value, no formula. */
  readonly values: boolean;
  /** The workbook counts days from 1904: day numbers written move back 1,462 days. */
  readonly date1904: boolean;
}

export const LIVE_1900: GridOptions = { values: false, date1904: false };

export type CellInput = string | number;

/**
 * What Excel receives for a constant. Text is written as Excel's own quote prefix ('00123), as an
 * analyst types it to keep text text: never read as a number, a date, a boolean or a formula.
 */
export function constantInput(
  value: CellResult | undefined,
  format: NumberFormatKind | undefined,
  date1904: boolean
): CellInput {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") return `'${value}`;
  if (!Number.isFinite(value)) return "";
  return format === "date" && date1904 ? value - DAYS_1904_TO_1900 : value;
}

/** What Excel receives for a plan cell: "=formula", a number, or quote-prefixed text. */
export function cellInput(cell: PlanCell | undefined, options: GridOptions = LIVE_1900): CellInput {
  if (cell === undefined) return "";
  if (cell.formula === undefined) return constantInput(cell.value, cell.format, options.date1904);
  return `=${typedFormula(cell.formula)}`;
}

export interface PlanGrid {
  readonly inputs: CellInput[][];
  readonly formats: string[][];
  readonly rows: number;
  readonly columns: number;
}

/** The rows and columns the plan fills, spills included. */
export function planExtent(plan: ScorecardPlan): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const c of plan.cells) {
    rows = Math.max(rows, c.row + (c.spill?.rows ?? 1) - 1);
    columns = Math.max(columns, c.column + (c.spill?.columns ?? 1) - 1);
  }
  return { rows, columns };
}

/**
 * The plan as rows × columns; a live spill's other cells stay empty for Excel to fill. As values,
 * the plan is first made values (planAsValues), as the command line's --values makes it.
 */
export function planGrid(plan: ScorecardPlan, options: GridOptions = LIVE_1900): PlanGrid {
  if (options.values) return planGrid(planAsValues(plan), { ...options, values: false });
  const { rows, columns } = planExtent(plan);
  const inputs = Array.from({ length: rows }, () => new Array<CellInput>(columns).fill(""));
  const formats = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  for (const c of plan.cells) {
    inputs[c.row - 1][c.column - 1] = cellInput(c, options);
    for (let i = 0; i < (c.spill?.rows ?? 1); i++) {
      for (let j = 0; j < (c.spill?.columns ?? 1); j++) {
        const format = c.spill?.formats?.[j] ?? c.format;
        formats[c.row - 1 + i][c.column - 1 + j] = NUMBER_FORMATS[format ?? "general"];
      }
    }
  }
  return { inputs, formats, rows, columns };
}

/** Cells of one look, rows × columns from a 0-based corner. */
export interface StyleRectangle {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly style: CellStyle;
}

/**
 * The styled cells (a spill's whole area takes its formula's style) as rectangles of one style:
 * runs along each row, merged down while the next row has the same run.
 */
export function styleRectangles(plan: ScorecardPlan): StyleRectangle[] {
  const byRow = new Map<number, Map<number, CellStyle>>();
  for (const c of plan.cells) {
    if (c.style === undefined || c.style === "body") continue;
    for (let i = 0; i < (c.spill?.rows ?? 1); i++) {
      const row = c.row - 1 + i;
      const cells = byRow.get(row) ?? new Map<number, CellStyle>();
      byRow.set(row, cells);
      for (let j = 0; j < (c.spill?.columns ?? 1); j++) cells.set(c.column - 1 + j, c.style);
    }
  }
  const done: StyleRectangle[] = [];
  let open = new Map<string, StyleRectangle>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(row) as Map<number, CellStyle>;
    const next = new Map<string, StyleRectangle>();
    const columns = [...cells.keys()].sort((a, b) => a - b);
    for (let k = 0; k < columns.length;) {
      const style = cells.get(columns[k]) as CellStyle;
      let end = k;
      while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) {
        if (cells.get(columns[end + 1]) !== style) break;
        end++;
      }
      const key = `${columns[k]}:${end - k + 1}:${style}`;
      const above = open.get(key);
      next.set(
        key,
        above !== undefined && above.row + above.rows === row
          ? { ...above, rows: above.rows + 1 }
          : { row, column: columns[k], rows: 1, columns: end - k + 1, style }
      );
      if (above !== undefined && above.row + above.rows !== row) done.push(above);
      open.delete(key);
      k = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.column - b.column);
}
