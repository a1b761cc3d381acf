/**
 * When the data the pane read may have changed: an edit or a recalculation on a sheet that holds
 * one of the workbook's tables (WorksheetCollection.onChanged, ExcelApi 1.9; onCalculated, 1.8),
 * the add-in's own writes left out where Excel says so (triggerSource, ExcelApi 1.14). A
 * recalculation counts because a table's formulas may follow cells on other sheets. While the pane
 * knows of no change, the build reuses what the data check read instead of reading it again.
 */
import type { ExcelRun } from "./officeWorkbook";

/** Stops watching. */
export type StopWatching = () => void;

/**
 * Calls `onChange` on each such change. Null when Excel refuses the events: then the pane cannot
 * know, and every build reads the data again.
 */
export async function watchTableSheets(
  run: ExcelRun,
  tableSheets: () => ReadonlySet<string>,
  onChange: () => void
): Promise<StopWatching | null> {
  try {
    const handlers = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const changed = sheets.onChanged.add(async (e) => {
        if (e.triggerSource !== "ThisLocalAddin" && tableSheets().has(e.worksheetId)) onChange();
      });
      const calculated = sheets.onCalculated.add(async (e) => {
        if (tableSheets().has(e.worksheetId)) onChange();
      });
      await context.sync();
      return [changed, calculated];
    });
    return () => {
      for (const h of handlers) {
        h.remove();
        void h.context.sync().catch(() => undefined);
      }
    };
  } catch {
    return null;
  }
}
