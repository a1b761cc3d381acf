/** The custom functions as Excel calls them, with the CustomFunctions runtime stubbed in Node. */
class StubError extends Error {
  constructor(
    public code: string,
    message?: string
  ) {
    super(message);
  }
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: StubError,
  ErrorCode: {},
};

// Imported after the stub above is in place: the module reads CustomFunctions when loaded.
import { activationRate, concentrationMeasure, customerValue } from "../../src/functions/functions";
import { toExcelResult } from "../../src/functions/excelErrors";

function thrown(run: () => unknown): StubError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(StubError);
    return e as StubError;
  }
  throw new Error("expected an error");
}

test("a value goes through", () => {
  expect(concentrationMeasure([[60], [25], [10], [5]], null as never, "HHI")).toBe(4350);
  expect(customerValue([[1], [3]])).toEqual([[0], [100]]);
  expect(activationRate([["A"]], [[100]])).toBe(1);
});

test("#VALUE! carries its message", () => {
  const e = thrown(() => activationRate([["A"], ["B"]], [[100], ["ayer"]]));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("dates: position 2 is the text 'ayer', expected a date (customer B)");
});

test("#NUM! and #DIV/0! carry no message, since Excel shows none", () => {
  const num = thrown(() => activationRate([["A"]], [[100]], null as never, null, 0));
  expect(num.code).toBe("#NUM!");
  expect(num.message).toBe("");
  const div = thrown(() => concentrationMeasure([[0]]));
  expect(div.code).toBe("#DIV/0!");
});

test("an unexpected fault becomes #VALUE! with a message, never a raw exception", () => {
  const e = thrown(() =>
    toExcelResult(() => {
      throw new RangeError("boom");
    })
  );
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toContain("boom");
});
