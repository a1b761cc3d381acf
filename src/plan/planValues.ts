/**
 * The Scorecard with every cell as its value, for readers without the add-in or dynamic arrays
 * (an older Excel, LibreOffice, Google Sheets, a colleague): each formula's cell, and each cell its
 * spill fills, holds what the engine computed at the build, with the same formats and looks. The
 * one transformation behind the task pane's switch, the command line's --values and the preview.
 */
import { PlanCell, ScorecardPlan } from "./planCells";

export function planAsValues(plan: ScorecardPlan): ScorecardPlan {
  const cells: PlanCell[] = [];
  for (const cell of plan.cells) {
    const { formula, result, spill, ...rest } = cell;
    if (formula === undefined) cells.push(cell);
    else if (spill === undefined) cells.push({ ...rest, value: result ?? null });
    else
      for (let i = 0; i < spill.rows; i++)
        for (let j = 0; j < spill.columns; j++)
          cells.push({
            ...rest,
            row: cell.row + i,
            column: cell.column + j,
            value: spill.results[i]?.[j] ?? null,
            format: spill.formats?.[j] ?? cell.format,
          });
  }
  return { ...plan, cells };
}
