/**
 * Which sheet the product made: the one a hidden workbook-level defined name, SPEC_Scorecard,
 * points at ('<sheet>'!$A$1). Excel keeps the name on its sheet through a rename, drops it (#REF!)
 * when the sheet is deleted, and does not give it to a copy: a copied sheet, marker and all, is
 * the analyst's own and is never replaced. The file writer uses the same name.
 */
import type { ExcelRun } from "./officeWorkbook";

import { SCORECARD_NAME } from "../plan/scorecardPlan";

export { SCORECARD_NAME };

/** The sheet SPEC_Scorecard points at, or null (no such name, or its sheet was deleted). */
export async function findNamedScorecard(run: ExcelRun): Promise<string | null> {
  return run(async (context) => {
    const item = context.workbook.names.getItemOrNullObject(SCORECARD_NAME);
    item.load("type");
    await context.sync();
    if (item.isNullObject || item.type !== "Range") return null;
    const range = item.getRangeOrNullObject();
    range.load("address");
    await context.sync();
    if (range.isNullObject) return null;
    range.worksheet.load("name");
    await context.sync();
    return range.worksheet.name;
  });
}

/** Points SPEC_Scorecard at the sheet just built (A1), hidden, replacing any earlier name. */
export async function nameScorecard(run: ExcelRun, sheetName: string): Promise<void> {
  await run(async (context) => {
    const names = context.workbook.names;
    const earlier = names.getItemOrNullObject(SCORECARD_NAME);
    earlier.load("name");
    await context.sync();
    if (!earlier.isNullObject) earlier.delete();
    const range = context.workbook.worksheets.getItem(sheetName).getRange("A1");
    const item = names.add(SCORECARD_NAME, range, "The sheet SPEC Scorecard built; do not delete");
    item.visible = false;
    await context.sync();
  });
}
