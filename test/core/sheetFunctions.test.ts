import {
  activationRateOfCells,
  concentrationOfCells,
  customerValueOfCells,
} from "../../src/core/sheetFunctions";
import { Result } from "../../src/core/result";
import { FUNCTION_CASES, expectClose, isErrorExpectation } from "../support/functionCases";

const RUN: Record<string, (...args: unknown[]) => Result<unknown>> = {
  ACTIVATION_RATE: activationRateOfCells as (...args: unknown[]) => Result<unknown>,
  CONCENTRATION: concentrationOfCells as (...args: unknown[]) => Result<unknown>,
  CUSTOMER_VALUE: customerValueOfCells as (...args: unknown[]) => Result<unknown>,
};

describe.each(FUNCTION_CASES.map((c) => [`${c.function}: ${c.note}`, c] as const))(
  "%s",
  (_name, c) => {
    test("gives the worked value", () => {
      const result = RUN[c.function](...c.args);
      if (isErrorExpectation(c.expect)) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.kind).toBe(c.expect);
        if (c.message !== undefined) expect(result.error.message).toContain(c.message);
        expect(result.error.message.length).toBeGreaterThan(10);
      } else {
        if (!result.ok) throw new Error(`unexpected ${result.error.kind}: ${result.error.message}`);
        expectClose(result.value, c.expect);
      }
    });

    test("an omitted argument may arrive as undefined as well as null", () => {
      const args = c.args.map((a) => (a === null ? undefined : a));
      const a = RUN[c.function](...args);
      const b = RUN[c.function](...c.args);
      expect(a).toEqual(b);
    });
  }
);
