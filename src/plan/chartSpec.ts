/**
 * A chart of the Scorecard sheet, described once and drawn by every writer: the file writer as
 * DrawingML parts (a drawing anchored on the sheet, one chart part each), the task pane through
 * Office.js. Ranges are on the Scorecard sheet itself, 1-based, so a chart follows its live cells.
 */

/**
 * Chart types Excel has in every version the add-in supports (no funnel or waterfall parts). A bar
 * chart lists its categories top to bottom, in the sheet's order (Excel's default is bottom up).
 * The value axes of a bar or column chart start at zero; a line chart's follow its values.
 */
export type ChartKind = "column" | "bar" | "line";

/** A rectangle of the Scorecard sheet, 1-based and inclusive. */
export interface SheetRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

export interface ChartSeries {
  /** The series' name as the legend shows it (a text, in the sheet's language). */
  readonly name: string;
  /** One column (or row) of values, as long as the chart's categories. */
  readonly values: SheetRange;
  /** Drawn as another kind than the chart's: a line over columns makes a combined chart. */
  readonly kind?: ChartKind;
  /** On a second value axis (right-hand side), as Excel's combined charts do. */
  readonly secondaryAxis?: boolean;
  /** A line series drawn as markers only, no joining line: values of separate categories, not a trend. */
  readonly markersOnly?: boolean;
}

export interface ChartSpec {
  /** Stable name: "funnel", "pareto", "forecast", "trend.information", "model_check", … */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** Category labels (the x axis of a column or line chart, the y axis of a bar chart). */
  readonly categories: SheetRange;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: its top-left cell and its size in columns and rows of the sheet. */
  readonly anchor: {
    readonly row: number;
    readonly column: number;
    readonly columns: number;
    readonly rows: number;
  };
  /** Number format of the value axis ("0%", "#,##0", …); the axis's default when absent. */
  readonly valueFormat?: string;
  /** Number format of the second value axis, when a series is on it. */
  readonly secondaryValueFormat?: string;
}

/** The rows and columns a chart covers on the sheet, 1-based and inclusive. */
export function chartArea(chart: ChartSpec): SheetRange {
  const { row, column, rows, columns } = chart.anchor;
  return {
    firstRow: row,
    lastRow: row + rows - 1,
    firstColumn: column,
    lastColumn: column + columns - 1,
  };
}

/** A chart's name on the sheet, the same in a file and in Excel: "SPEC funnel". */
export const chartName = (chart: Pick<ChartSpec, "id">): string => `SPEC ${chart.id}`;
