/**
 * Workbooks that count days from 1904 (Excel for Mac's old default): their date cells hold day
 * numbers 1,462 lower than the same day in the 1900 system the engine counts in. The date columns
 * the mapping reads are moved to the 1900 system as they are read; text dates (ISO) are left as
 * they are, since they name the day itself.
 */
import { SourceTable } from "../engine/sourceTable";
import { TableMapping } from "../engine/tableMapping";
import { DAYS_1904_TO_1900 } from "../xlsx/sheetScanner";

/** The columns (indexes) of `table` that the mapping reads as dates. */
export function dateColumns(table: SourceTable, mapping: TableMapping): number[] {
  const same = (t: SourceTable | undefined): boolean =>
    t !== undefined && t.name === table.name && t.sheet === table.sheet;
  const out: number[] = [];
  const sales = mapping.sales;
  if (same(sales?.table) && sales?.columns.date !== undefined) out.push(sales.columns.date);
  const leads = mapping.leads;
  if (same(leads?.table) && leads?.columns.created !== undefined) out.push(leads.columns.created);
  return out;
}

/** The table with its date columns' day numbers moved from the 1904 system to the 1900 one. */
export function datesFrom1904(table: SourceTable, mapping: TableMapping): SourceTable {
  const dates = new Set(dateColumns(table, mapping));
  if (dates.size === 0) return table;
  const columns = table.columns.map((column, j) =>
    dates.has(j)
      ? column.map((v) => (typeof v === "number" && Number.isFinite(v) ? v + DAYS_1904_TO_1900 : v))
      : column
  );
  return { ...table, columns };
}
