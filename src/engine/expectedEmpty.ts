/**
 * A SPEC call shown blank only in its expected empty cases (IFERROR would also hide #NAME?, a
 * function that was not loaded, and every other error with its message). The call is evaluated
 * once, in a LET; the errors are told apart by ERROR.TYPE, which Excel and LibreOffice number alike.
 */
import { letName } from "./formulaText";

/** ERROR.TYPE's numbers for the errors that stand for "nothing to show". */
export const ERROR_TYPE = { "#DIV/0!": 2, "#N/A": 7, "#CALC!": 14 } as const;

export type EmptyCaseError = keyof typeof ERROR_TYPE;

/**
 * `value`, or "" when it is one of `kinds`; any other error is shown as it is. `names`, LET names
 * and values ("§a,…,") the value uses, go in the same LET: one flat LET per formula (LibreOffice
 * cannot see a LET's names from a LET inside it).
 */
export function blankOnlyOn(kinds: readonly EmptyCaseError[], value: string, names = ""): string {
  const e = letName("err");
  const tests = kinds.map((k) => `ERROR.TYPE(${e})=${ERROR_TYPE[k]}`);
  const expected = tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`;
  return `LET(${names}${e},${value},IF(ISERROR(${e}),IF(${expected},"",${e}),${e}))`;
}
