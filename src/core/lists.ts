import { Result, ok, valueError } from "./result";

/** A range as Excel hands it over: rows × columns. A lone value is taken as a 1 × 1 range. */
export type Matrix = readonly (readonly unknown[])[];

/** A range is a list when it is one column or one row; it is read row by row. */
export function readList(arg: unknown, name: string): Result<readonly unknown[]> {
  if (!Array.isArray(arg)) return ok([arg]);
  if (arg.length === 0) return ok([]);
  if (!arg.every((row) => Array.isArray(row))) return ok(arg); // already a flat list
  const rows = arg as unknown[][];
  if (rows.length === 1) return ok(rows[0]);
  const width = rows[0].length;
  if (width !== 1 || rows.some((r) => r.length !== 1)) {
    return valueError(`${name}: use one column or one row, not a range of ${rows.length} rows × ${width} columns`);
  }
  const list = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) list[i] = rows[i][0];
  return ok(list);
}

/** Lists used together must hold as many cells as each other. */
export function checkSameLength(a: readonly unknown[], aName: string, b: readonly unknown[], bName: string): Result<true> {
  if (a.length === b.length) return ok(true);
  return valueError(`${aName} and ${bName} must be the same size: ${aName} has ${a.length} cells, ${bName} has ${b.length}`);
}

/** A range as rows × columns; a lone value is a 1 × 1 range. Ragged rows are refused. */
export function readMatrix(arg: unknown, name: string): Result<Matrix> {
  if (!Array.isArray(arg)) return ok([[arg]]);
  if (arg.length === 0) return valueError(`${name}: the range is empty`);
  if (!arg.every((row) => Array.isArray(row))) return ok([arg]);
  const rows = arg as unknown[][];
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width)) return valueError(`${name}: every row must have the same number of columns`);
  return ok(rows);
}
