/**
 * Reading the built sheet back, once Excel has calculated it: every cell showing an error, and
 * every cell calling a SPEC function that shows a blank where the engine computed a value (an
 * IFERROR hiding #NAME?), grouped by what the analyst should do. A SPEC formula written before
 * the functions were registered stays #NAME? even after the add-in loads (office-js issue 6611);
 * building again binds them.
 */
import { cellAddress } from "../plan/references";
import { PlanCell, ScorecardPlan } from "../plan/scorecardPlan";
import { SheetCheck, SheetProblem, SheetProblemKind } from "../workbook/sheetCheck";
import type { ExcelRun } from "./officeWorkbook";
import type { Requirements } from "./officeWriter";
import { planExtent } from "./sheetGrid";

/** Cells per read: values and their types come back, about 40 bytes a cell, 2 MB. */
export const CHECK_BLOCK_CELLS = 50000;

/** Excel's error values in English and in a Spanish Excel, as `values` may return them. */
const ERROR_NAMES: Record<string, string> = {
  "#¿NOMBRE?": "#NAME?",
  "#¡VALOR!": "#VALUE!",
  "#DESBORDAMIENTO!": "#SPILL!",
  "#¡CALC!": "#CALC!",
  "#OCUPADO!": "#BUSY!",
  "#¡DIV/0!": "#DIV/0!",
  "#¡NUM!": "#NUM!",
  "#¡REF!": "#REF!",
  "#¡NULO!": "#NULL!",
};

export function englishError(shown: unknown): string {
  const text = String(shown).toUpperCase();
  return ERROR_NAMES[text] ?? text;
}

/** What an error in a cell of the plan asks the analyst to do. */
export function problemKind(error: string, cell: PlanCell | undefined): SheetProblemKind {
  const callsSpec = cell?.formula?.includes("SPEC.") === true;
  switch (error) {
    case "#NAME?":
      return callsSpec ? "functions_not_loaded" : "no_dynamic_arrays";
    case "#CALC!":
      return "empty_result";
    case "#SPILL!":
      return "spill_blocked";
    case "#VALUE!":
      return "unreadable_value";
    case "#BUSY!":
    case "#GETTING_DATA":
      return "still_calculating";
    default:
      return "other_error";
  }
}

/** The plan cell whose formula fills each sheet cell (0-based "row,column"), spills included. */
function owners(plan: ScorecardPlan): Map<string, PlanCell> {
  const map = new Map<string, PlanCell>();
  for (const c of plan.cells) {
    if (c.formula === undefined) continue;
    for (let i = 0; i < (c.spill?.rows ?? 1); i++)
      for (let j = 0; j < (c.spill?.columns ?? 1); j++)
        map.set(`${c.row - 1 + i},${c.column - 1 + j}`, c);
  }
  return map;
}

/** The engine's value for a sheet cell of a formula (a spill's cell by its offset). */
function expected(cell: PlanCell, row: number, column: number): unknown {
  if (cell.spill === undefined) return cell.result;
  return cell.spill.results[row - (cell.row - 1)]?.[column - (cell.column - 1)];
}

export interface CheckTiming {
  /** How long to wait for Excel to finish calculating. */
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const CHECK_TIMING: CheckTiming = {
  timeoutMs: 30000,
  pollMs: 500,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Waits until Excel has calculated (ExcelApi 1.9's calculationState), or the timeout. Returns
 * "manual" when the workbook calculates only on F9, "calculating" when it gave up waiting.
 */
async function awaitCalculation(
  run: ExcelRun,
  supports: Requirements,
  timing: CheckTiming
): Promise<"done" | "manual" | "calculating"> {
  if (!supports("ExcelApi", "1.9")) return "done";
  for (let waited = 0; ; waited += timing.pollMs) {
    const state = await run(async (context) => {
      const app = context.workbook.application;
      app.load("calculationMode,calculationState");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one poll per wait
      await context.sync();
      return { mode: app.calculationMode, state: app.calculationState };
    });
    if (state.mode === "Manual") return "manual";
    if (state.state === "Done") return "done";
    if (waited >= timing.timeoutMs) return "calculating";
    await timing.sleep(timing.pollMs);
  }
}

/** Reads the sheet's formula area back and lists what is wrong with it. */
export async function checkWrittenSheet(
  run: ExcelRun,
  sheetName: string,
  plan: ScorecardPlan,
  supports: Requirements,
  timing: CheckTiming = CHECK_TIMING
): Promise<SheetCheck> {
  const calculation = await awaitCalculation(run, supports, timing);
  const byCell = owners(plan);
  if (calculation === "manual")
    return { checked: 0, problems: [{ kind: "manual_calculation", error: null, cells: [] }] };
  const { rows, columns } = planExtent(plan);
  const found = new Map<
    string,
    { kind: SheetProblemKind; error: string | null; cells: string[] }
  >();
  const note = (kind: SheetProblemKind, error: string | null, address: string): void => {
    const key = `${kind}/${error}`;
    const group = found.get(key) ?? { kind, error, cells: [] };
    group.cells.push(address);
    found.set(key, group);
  };
  const block = Math.max(1, Math.floor(CHECK_BLOCK_CELLS / columns));
  for (let start = 0; start < rows; start += block) {
    const n = Math.min(block, rows - start);
    const read = await run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheetName)
        .getRangeByIndexes(start, 0, n, columns);
      range.load("values,valueTypes");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one block per request
      await context.sync();
      return { values: range.values, types: range.valueTypes };
    });
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < columns; j++) {
        const cell = byCell.get(`${start + i},${j}`);
        if (cell === undefined) continue;
        const address = cellAddress(start + i + 1, j + 1);
        if (read.types[i]?.[j] === "Error") {
          const error = englishError(read.values[i][j]);
          note(problemKind(error, cell), error, address);
        } else if (
          cell.formula?.includes("SPEC.") &&
          read.values[i]?.[j] === "" &&
          typeof expected(cell, start + i, j) === "number"
        )
          note("functions_not_loaded", null, address);
      }
    }
  }
  const problems: SheetProblem[] = [...found.values()];
  if (calculation === "calculating" && !problems.some((p) => p.kind === "still_calculating"))
    problems.push({ kind: "still_calculating", error: null, cells: [] });
  return { checked: byCell.size, problems };
}
