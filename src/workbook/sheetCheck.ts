/**
 * What reading the built sheet back found: cells that show an error, or a blank where the engine
 * computed a value, grouped by what the analyst should do about them.
 */
export type SheetProblemKind =
  /** #NAME? (or a blank) in a cell calling SPEC.*: the functions were not registered when it was written. */
  | "functions_not_loaded"
  /** #NAME? in a native formula: this Excel has no LET, FILTER, UNIQUE, XLOOKUP. */
  | "no_dynamic_arrays"
  | "empty_result"
  | "spill_blocked"
  | "unreadable_value"
  /** #BUSY!, or Excel still calculating when the check gave up waiting. */
  | "still_calculating"
  /** The workbook calculates manually: nothing was recalculated to read. */
  | "manual_calculation"
  | "other_error";

export interface SheetProblem {
  readonly kind: SheetProblemKind;
  /** The error shown (#NAME?, #CALC!…), or null for a blank or a state of Excel. */
  readonly error: string | null;
  /** The cells, as A1 addresses, in sheet order. */
  readonly cells: readonly string[];
}

export interface SheetCheck {
  /** Formula cells read. */
  readonly checked: number;
  readonly problems: readonly SheetProblem[];
}
