/** A table of the analyst's workbook, as read by any adapter (ExcelJS, CSV, Office.js). */
export interface SourceTable {
  /** The Excel table's name, or the sheet's (or CSV file's) name for a plain header row. */
  readonly name: string;
  readonly sheet: string;
  /** An Excel table (ListObject): formulas use structured references to it. */
  readonly isExcelTable: boolean;
  readonly headers: readonly string[];
  /** Cells column by column, header excluded: columns[j][i] is data row i of column j. */
  readonly columns: readonly (readonly unknown[])[];
  readonly rowCount: number;
  /** Worksheet row (1-based) of the header, and column (1-based) of the first column. */
  readonly headerRow: number;
  readonly firstColumn: number;
}
