/** planAsValues: every formula's cell, and every cell its spill fills, as the engine's value. */
import { planAsValues } from "../../src/plan/planValues";
import { distributorPlan } from "../support/distributorPlan";

const { plan } = distributorPlan();
const values = planAsValues(plan);
const key = (row: number, column: number): string => `${row},${column}`;
const byPlace = new Map(values.cells.map((c) => [key(c.row, c.column), c]));

test("no formula, no spill; one cell per place; everything else of the plan kept", () => {
  expect(values.cells.filter((c) => c.formula !== undefined || c.spill !== undefined)).toEqual([]);
  expect(byPlace.size).toBe(values.cells.length);
  const spilled = plan.cells.reduce(
    (n, c) => n + (c.spill ? c.spill.rows * c.spill.columns : 1),
    0
  );
  expect(values.cells.length).toBe(spilled);
  expect({ ...values, cells: [] }).toEqual({ ...plan, cells: [] });
});

test("each formula's cell holds its result, each spilled cell its result, format and look", () => {
  for (const c of plan.cells) {
    if (c.formula === undefined) expect(byPlace.get(key(c.row, c.column))).toBe(c);
    else if (c.spill === undefined) {
      // Everything the cell had (place, format, look, alignment) but its formula and result.
      const { formula, result, ...look } = c;
      expect(formula).toBeDefined();
      expect(byPlace.get(key(c.row, c.column))).toEqual({ ...look, value: result ?? null });
    } else
      c.spill.results.forEach((line, i) =>
        line.forEach((v, j) =>
          expect(byPlace.get(key(c.row + i, c.column + j))).toMatchObject({
            value: v,
            format: c.spill?.formats?.[j] ?? c.format,
            style: c.style,
          })
        )
      );
  }
  expect(plan.cells.filter((c) => (c.spill?.rows ?? 0) > 1).length).toBeGreaterThan(2);
});
