import { Result, ok, valueError } from "./result";

/** A range as Excel hands it over: rows × columns. */
export type Matrix = readonly (readonly unknown[])[];

/**
 * A range used as a list, read row by row without copying it: Excel's tables reach a
 * million rows, and a copy of each list would cost more than the indicator itself.
 */
export class CellList {
  private constructor(
    readonly length: number,
    /** The cells, when the list arrived flat or as one row. */
    readonly flat: readonly unknown[] | null,
    /** The rows of a one-column range, when it arrived as one. */
    readonly column: Matrix | null
  ) {}

  static of(values: readonly unknown[]): CellList {
    return new CellList(values.length, values, null);
  }

  static ofColumn(rows: Matrix): CellList {
    return new CellList(rows.length, null, rows);
  }

  /**
   * One cell. Hot loops read `flat` and `column` themselves instead, each loop over its own
   * list, so that V8 keeps each loop's element access specialised (a shared accessor sees every
   * list's element kind and slows to a generic lookup).
   */
  at(i: number): unknown {
    return this.flat !== null ? this.flat[i] : (this.column as Matrix)[i][0];
  }
}

/** A range is a list when it is one column or one row. A lone value is a list of one. */
export function readList(arg: unknown, name: string): Result<CellList> {
  if (!Array.isArray(arg)) return ok(CellList.of([arg]));
  if (arg.length === 0) return ok(CellList.of([]));
  if (!Array.isArray(arg[0])) return ok(CellList.of(arg)); // already a flat list
  const rows = arg as unknown[][];
  if (rows.length === 1) return ok(CellList.of(rows[0]));
  // Excel's ranges are rectangular: the first row's width is every row's.
  const width = rows[0].length;
  if (width !== 1)
    return valueError(
      `${name}: use one column or one row, not a range of ${rows.length} rows × ${width} columns`
    );
  return ok(CellList.ofColumn(rows));
}

/** Lists used together must hold as many cells as each other. */
export function checkSameLength(
  a: CellList,
  aName: string,
  b: CellList,
  bName: string
): Result<true> {
  if (a.length === b.length) return ok(true);
  return valueError(
    `${aName} and ${bName} must be the same size: ${aName} has ${a.length} cells, ${bName} has ${b.length}`
  );
}

/** A range as rows × columns; a lone value is a 1 × 1 range. Row widths are checked by the reader. */
export function readMatrix(arg: unknown, name: string): Result<Matrix> {
  if (!Array.isArray(arg)) return ok([[arg]]);
  if (arg.length === 0) return valueError(`${name}: the range is empty`);
  if (!Array.isArray(arg[0])) return ok([arg]);
  return ok(arg as unknown[][]);
}
