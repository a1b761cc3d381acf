/** Excel's formula limits measured from a formula's text: length, nesting, text constants. */
import {
  EXCEL_FORMULA_LIMITS,
  formulaLimitsExceeded,
  formulaMeasures,
} from "../../src/plan/formulaLimits";

test.each([
  ["=1+2", { length: 3, nesting: 0, longestText: 0 }],
  ["=SUM(A1:A3)", { length: 10, nesting: 1, longestText: 0 }],
  ['=IF(A1>0,ROUND(SUM(B1:B9),2),"none")', { length: 35, nesting: 3, longestText: 4 }],
  // Quotes doubled inside a text count once; a parenthesis inside text, a quoted sheet name or a
  // structured reference is not nesting.
  ['="say ""hi"" (twice)"', { length: 20, nesting: 0, longestText: 16 }],
  ["=SUM('Sales (2025)'!$C$2:$C$9)", { length: 29, nesting: 1, longestText: 0 }],
  ["=SUM('O''Brien (x'!A1)", { length: 21, nesting: 1, longestText: 0 }],
  ["=SUM(T[[Amount (net)]])", { length: 22, nesting: 1, longestText: 0 }],
  ["=SUM(T[[Price '[USD'] (x)]])", { length: 27, nesting: 1, longestText: 0 }],
  ["=((((1))))", { length: 9, nesting: 4, longestText: 0 }],
])("%s measures %o", (formula, measures) => expect(formulaMeasures(formula)).toEqual(measures));

test("a formula within every limit exceeds none; at each limit plus one, that one is named", () => {
  const nested = (levels: number): string => `${"ABS(".repeat(levels)}1${")".repeat(levels)}`;
  expect(formulaLimitsExceeded(nested(EXCEL_FORMULA_LIMITS.nesting))).toEqual([]);
  expect(formulaLimitsExceeded(nested(65))).toEqual(["65 levels of nesting (Excel's limit is 64)"]);
  const text = (n: number): string => `="${"x".repeat(n)}"`;
  expect(formulaLimitsExceeded(text(255))).toEqual([]);
  expect(formulaLimitsExceeded(text(256))).toEqual([
    "a text constant of 256 characters (Excel's limit is 255)",
  ]);
  const long = `=${"1+".repeat(4096)}1`; // 8,193 characters
  expect(formulaMeasures(long).length).toBe(8193);
  expect(formulaLimitsExceeded(long)).toEqual(["8,193 characters (Excel's limit is 8,192)"]);
  expect(formulaLimitsExceeded(long.slice(0, -2))).toEqual([]);
});
