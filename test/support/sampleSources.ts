/** The sample workbook's tables (src/cli/sampleWorkbook.ts) as the engine reads them from a workbook: Excel tables with their header on row 1. */
import { SampleOptions, sampleTables } from "../../src/cli/sampleWorkbook";
import { SourceTable } from "../../src/engine/sourceTable";

export const sampleSourceTables = (options: SampleOptions = {}): SourceTable[] =>
  sampleTables(options).map((t) => ({
    name: t.name,
    sheet: t.sheet,
    isExcelTable: true,
    headers: t.headers,
    columns: t.columns,
    rowCount: t.rowCount,
    headerRow: 1,
    firstColumn: 1,
  }));
