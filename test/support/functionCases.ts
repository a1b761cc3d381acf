import { readFileSync } from "fs";
import { join } from "path";

/** One worked example: a function, the arguments Excel would hand over, and what the cell shows. */
export interface FunctionCase {
  readonly note: string;
  readonly function: "ACTIVATION_RATE" | "CONCENTRATION" | "CUSTOMER_VALUE";
  readonly args: unknown[];
  /** A number, a spilled column, or an error value such as "#VALUE!". */
  readonly expect: number | (number | "")[][] | string;
  /** Text the error's message must contain. */
  readonly message?: string;
}

function load(name: string): FunctionCase[] {
  return JSON.parse(
    readFileSync(join(__dirname, "..", "fixtures", name), "utf8")
  ) as FunctionCase[];
}

/** The worked cases of test/fixtures: ours, and the examples SPEC.md ships with. */
export const FUNCTION_CASES: readonly FunctionCase[] = [
  ...load("spec-examples.json"),
  ...load("function-cases.json"),
];

export const isErrorExpectation = (e: FunctionCase["expect"]): e is string => typeof e === "string";

/** Compares a computed value with a worked one, to 12 significant digits. */
export function expectClose(actual: unknown, expected: number | (number | "")[][]): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(expected))
    );
    return;
  }
  expect(Array.isArray(actual)).toBe(true);
  const rows = actual as unknown[][];
  expect(rows.length).toBe(expected.length);
  expected.forEach((row, i) => {
    expect(rows[i].length).toBe(1);
    if (row[0] === "") expect(rows[i][0]).toBe("");
    else expectClose(rows[i][0], row[0]);
  });
}
