/**
 * One-pass readers of a list into a typed array. Each has its own loop so that V8 specialises
 * its element access to the one list it reads (see CellList.at).
 */
import { MAX_DAY_SERIAL, readAmount, readDay } from "./cells";
import { CellList, Matrix } from "./lists";

/** Whole-day serials of the rows whose code is not negative; returns the first row that is not a date, or -1. */
export function readDays(list: CellList, codes: Int32Array, out: Int32Array): number {
  const flat = list.flat;
  const column = list.column as Matrix;
  for (let i = 0; i < list.length; i++) {
    if (codes[i] < 0) continue;
    const v = flat !== null ? flat[i] : column[i][0];
    // The common case inline; readDay has the same bounds and reads everything else.
    const d =
      typeof v === "number" && v >= 1 && v < MAX_DAY_SERIAL + 1 ? Math.floor(v) : readDay(v);
    if (d < 1) return i;
    out[i] = d;
  }
  return -1;
}

/** Amounts of the rows whose code is not negative (blank is 0); returns the first row that is not a number, or -1. */
export function readAmounts(list: CellList, codes: Int32Array | null, out: Float64Array): number {
  const flat = list.flat;
  const column = list.column as Matrix;
  for (let i = 0; i < list.length; i++) {
    if (codes !== null && codes[i] < 0) continue;
    const v = flat !== null ? flat[i] : column[i][0];
    if (typeof v === "number" && v - v === 0) {
      out[i] = v;
      continue;
    }
    const a = readAmount(v);
    if (a !== a) return i;
    out[i] = a;
  }
  return -1;
}
