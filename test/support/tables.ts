import { SourceTable } from "../../src/engine/sourceTable";

/** A table from a header and rows, as a reader would hand it over. */
export function table(
  name: string,
  headers: string[],
  rows: unknown[][],
  isExcelTable = true
): SourceTable {
  return {
    name,
    sheet: name,
    isExcelTable,
    headers,
    columns: headers.map((_, j) => rows.map((r) => (r[j] === undefined ? null : r[j]))),
    rowCount: rows.length,
    headerRow: 1,
    firstColumn: 1,
  };
}
