/** What a scorecard plan is made of: cells, their looks and formats, and the parts computed at the build. */
import { IndicatorFormat } from "../engine/indicatorDefinition";
import { IndicatorId } from "../engine/indicatorCatalog";
import { Status } from "../engine/status";
import type { ChartSpec } from "./chartSpec";

export type CellStyle =
  | "title"
  | "subtitle"
  | "marker"
  | "section"
  | "header"
  | "label"
  | "input"
  | "body"
  | "note"
  | "snapshot";
export type NumberFormatKind = IndicatorFormat | "date" | "score" | "mean" | "general";

/**
 * Number formats in Excel's invariant (en-US) codes; Excel shows separators by its locale. Dates
 * use the built-in short date (number format 14), which Excel shows in the locale's own order:
 * "m/d/yyyy" is how Office.js names it; the file writer maps it to id 14 itself.
 */
export const NUMBER_FORMATS: Record<NumberFormatKind, string> = {
  money: "#,##0.00",
  count: "#,##0",
  percent: "0.0%",
  index: "#,##0",
  date: "m/d/yyyy",
  score: "0.0",
  /** A mean per customer of a few events: 0.237 purchases. */
  mean: "#,##0.000",
  general: "General",
};

export type CellResult = string | number | null;

/** A dynamic array's extent from its formula's cell, and what the engine says fills it. */
export interface Spill {
  readonly rows: number;
  readonly columns: number;
  /** results[i][j]: row i, column j of the spill, the formula's own cell first. */
  readonly results: readonly (readonly CellResult[])[];
  /** The number format of each column, when they differ from the formula cell's. */
  readonly formats?: readonly NumberFormatKind[];
}

export interface PlanCell {
  readonly row: number;
  readonly column: number;
  /** A constant; or, with a formula, absent. */
  readonly value?: CellResult;
  /** Formula text without "=", in Excel's en-US syntax; LET variables carry the § sigil. */
  readonly formula?: string;
  /** What a one-cell formula evaluates to, as the engine computed it, cached in files. */
  readonly result?: CellResult;
  /** For a formula that fills more than its cell (a dynamic array). */
  readonly spill?: Spill;
  readonly format?: NumberFormatKind;
  readonly style?: CellStyle;
  /** The text wraps within the cell (or its merged cells); its row is made tall enough. */
  readonly wrap?: boolean;
  /** Shown at the cell's right edge: a header above numbers. */
  readonly align?: "right";
}

export interface StatusRule {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly texts: Record<Status, string>;
}

/** Why a part of the sheet holds values computed at the build instead of live formulas. */
export type SnapshotReason =
  "per_customer" | "arguments_too_large" | "past_periods" | "formula_too_long";

/** A part of the sheet computed at the build: an indicator by id, or a block. */
export interface Snapshot {
  readonly subject:
    | IndicatorId
    | "customer_value"
    | "value_scores"
    | "tier_activation"
    | "backtest"
    | "customers_to_call"
    | "history"
    | "model_check"
    | "by_lead_source"
    | "by_segment";
  readonly reason: SnapshotReason;
}

/** A cell merged across columns: a long sentence wrapped over its block's width. */
export interface MergedCells {
  readonly row: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** A block's rows on the sheet, its blank row after it included. */
export interface BlockRows {
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * How the sheet prints: landscape, at `scale` percent (never fitted to the page: the sheet is laid
 * out to be one page wide at that scale), narrow margins, and a page break above each row of
 * `rowBreaks` so that no block is split between pages when it fits on one.
 */
export interface PrintLayout {
  readonly scale: number;
  readonly rowBreaks: readonly number[];
}

export interface ScorecardPlan {
  readonly sheetName: string;
  /** The cell and text that mark a sheet as made by SPEC Scorecard. */
  readonly marker: { readonly row: number; readonly column: number; readonly text: string };
  readonly cells: readonly PlanCell[];
  /** Character widths of columns A, B, …, measured from their texts (plan/sheetLayout.ts). */
  readonly columnWidths: readonly number[];
  /** Rows taller than the default, in points: wrapped notes and headers. */
  readonly rowHeights: readonly { readonly row: number; readonly points: number }[];
  readonly merges: readonly MergedCells[];
  /** Rows kept in view while scrolling: the title block. */
  readonly frozenRows: number;
  readonly statusRule: StatusRule;
  /** What holds values computed at the build rather than live formulas, and why. */
  readonly snapshots: readonly Snapshot[];
  /** The charts every writer draws, over the sheet's own cells. */
  readonly charts: readonly ChartSpec[];
  /** Each block's rows, top to bottom. */
  readonly blocks: readonly BlockRows[];
  readonly print: PrintLayout;
}

/** A number the engine may not have, as a cell shows it: blank for none. */
export const resultOf = (v: number | null): number | string => (v === null ? "" : v);

/** Each value the cells show, with the cell, where it shows and its number format: a spill's values each in their cell. */
export function eachShownValue(
  cells: readonly PlanCell[],
  visit: (
    cell: PlanCell,
    row: number,
    column: number,
    value: CellResult | undefined,
    format: NumberFormatKind | undefined
  ) => void
): void {
  for (const c of cells) {
    if (c.spill === undefined)
      visit(c, c.row, c.column, c.formula === undefined ? c.value : c.result, c.format);
    else
      c.spill.results.forEach((values, i) =>
        values.forEach((v, j) =>
          visit(c, c.row + i, c.column + j, v, c.spill?.formats?.[j] ?? c.format)
        )
      );
  }
}
