/** A1-style cell references: column letters and the bounds of a range ("$C$3:$F$13"). */

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row}`;

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** "C12" or "$C$12" as row and column (1-based); null when it is not a cell reference. */
export function decodeCell(reference: string): CellPosition | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference.trim());
  if (m === null) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

export interface CellRange {
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** "A1:E1001" (or one cell, "A1") as its bounds; null when it is not a range. */
export function decodeRange(reference: string): CellRange | null {
  const [from, to] = reference.split(":");
  const a = decodeCell(from ?? "");
  const b = to === undefined ? a : decodeCell(to);
  if (a === null || b === null) return null;
  return {
    firstRow: Math.min(a.row, b.row),
    firstColumn: Math.min(a.column, b.column),
    lastRow: Math.max(a.row, b.row),
    lastColumn: Math.max(a.column, b.column),
  };
}
