/**
 * What this Excel can do, checked before anything is written: the requirement sets the task pane
 * and the functions use (declared in manifest.xml too), and dynamic arrays, which the live sheet
 * needs (LET, FILTER, UNIQUE, XLOOKUP, SEQUENCE) and no requirement set announces (Office 2016 and
 * 2019 with current updates have the sets but not the functions).
 */
import type { ExcelRun } from "./officeWorkbook";
import type { Requirements } from "./officeWriter";

/** The requirement sets the add-in uses, the highest version of each. */
export const REQUIRED_SETS = {
  /** The writer and reader: getRangeByIndexes, charts Funnel and Pareto, page layout, calculation state. */
  ExcelApi: "1.9",
  /** The functions' errors (#NUM!, #DIV/0! with a message are 1.3's ErrorCodes). */
  CustomFunctionsRuntime: "1.3",
} as const;

export interface RequirementCheck {
  /** The task pane cannot write a sheet in this Excel. */
  readonly canWrite: boolean;
  /** The SPEC functions cannot run here: a live sheet would show #NAME?. */
  readonly functions: boolean;
  /** The sets missing, as "ExcelApi 1.9". */
  readonly missing: readonly string[];
}

export function checkRequirements(supports: Requirements): RequirementCheck {
  const missing = Object.entries(REQUIRED_SETS)
    .filter(([set, version]) => !supports(set, version))
    .map(([set, version]) => `${set} ${version}`);
  return {
    canWrite: supports("ExcelApi", REQUIRED_SETS.ExcelApi),
    functions: supports("CustomFunctionsRuntime", REQUIRED_SETS.CustomFunctionsRuntime),
    missing,
  };
}

/** Office.context.requirements.isSetSupported, or nothing supported outside Office. */
export function officeRequirements(): Requirements {
  return (set, version) =>
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported(set, version) === true;
}

/** A hidden name the probe adds and deletes at once. */
export const PROBE_NAME = "SPEC_DynamicArrayProbe";

/**
 * Whether Excel evaluates dynamic-array functions: a defined name =ROWS(SEQUENCE(3)) is 3 where
 * they exist and #NAME? where they do not; no cell is touched. Null when Excel would not say.
 */
export async function probeDynamicArrays(run: ExcelRun): Promise<boolean | null> {
  try {
    return await run(async (context) => {
      const names = context.workbook.names;
      const earlier = names.getItemOrNullObject(PROBE_NAME);
      earlier.load("name");
      await context.sync();
      if (!earlier.isNullObject) earlier.delete();
      const probe = names.add(PROBE_NAME, "=ROWS(SEQUENCE(3))");
      probe.visible = false;
      probe.load("value,type");
      await context.sync();
      const works = probe.type !== "Error" && Number(probe.value) === 3;
      probe.delete();
      await context.sync();
      return works;
    });
  } catch {
    return null;
  }
}
