/** Dates and numbers written as text (SPEC.md §3.5), hand-worked: each form, each order, each refusal. */
import { UNREADABLE_DAY, isoDateToSerial } from "../../src/core/cells";
import { dateShape, fullYear, shapeSerial } from "../../src/core/dateText";
import {
  decimalEvidence,
  numberReadings,
  numberText,
  percentNumberText,
  valueText,
} from "../../src/core/numberText";
import {
  decimalClues,
  isClues,
  readDateColumn,
  readNumberColumn,
  tableDecimal,
} from "../../src/engine/textColumns";

const day = isoDateToSerial;

describe("a text date, by its order", () => {
  test.each([
    // 2023-01-01 is serial 44927, so 2023-01-07 is 44933.
    ["07/01/2023", "dmy", 44933],
    ["07/01/2023", "mdy", day("2023-07-01")],
    ["7/1/23", "dmy", day("2023-01-07")],
    ["7.1.23", "dmy", day("2023-01-07")],
    ["07-01-2023", "dmy", day("2023-01-07")],
    ["12/31/2024", "mdy", day("2024-12-31")],
    ["29/02/2024", "dmy", day("2024-02-29")],
    ["07/01/2023 14:30", "dmy", day("2023-01-07")],
    ["07/01/2023 2:30 p. m.", "dmy", day("2023-01-07")],
    ["2023-01-07", "dmy", day("2023-01-07")], // year first whatever the order
    ["2023-1-7", "mdy", day("2023-01-07")],
    ["2023/01/07", "dmy", day("2023-01-07")],
    ["2023-01-07T10:00:00Z", "dmy", day("2023-01-07")],
    ["23-01-07", "ymd", day("2023-01-07")],
    ["1/1/00", "dmy", day("2000-01-01")],
    ["1/1/29", "dmy", day("2029-01-01")],
    ["1/1/30", "dmy", day("1930-01-01")],
    ["1/1/99", "dmy", day("1999-01-01")],
  ] as const)("%s read %s is serial %d", (text, order, serial) => {
    const shape = dateShape(text);
    expect(shape).not.toBeNull();
    expect(shapeSerial(shape!, order)).toBe(serial);
  });

  test.each([
    "2024-01-01 (cancelled)",
    "07/01/2023 later",
    "07/01/2023/5",
    "7/1",
    "07/01-2023", // two different separators
    "207/01/2023",
    "2023-01-007",
    "ayer",
    "45000",
  ])("%s is not wholly a date", (text) => expect(dateShape(text)).toBeNull());

  test.each([
    ["31/02/2023", "dmy"],
    ["13/13/2023", "dmy"],
    ["0025-01-01", "dmy"],
    ["01/01/1899", "dmy"],
  ] as const)("%s (%s) is no day from 1900 on", (text, order) => {
    expect(Number.isNaN(shapeSerial(dateShape(text)!, order))).toBe(true);
  });

  test("two-digit years by Excel's rule: 00–29 are 20xx, 30–99 are 19xx", () => {
    expect(["00", "29", "30", "99", "2024"].map(fullYear)).toEqual([2000, 2029, 1930, 1999, 2024]);
  });

  test("ISO text is strict: a time may follow, nothing else; no year before 1900", () => {
    expect(isoDateToSerial("2024-01-01 (cancelled)")).toBe(UNREADABLE_DAY);
    expect(isoDateToSerial("0025-01-01")).toBe(UNREADABLE_DAY);
    expect(isoDateToSerial("2024-01-01 10:30")).toBe(day("2024-01-01"));
    expect(isoDateToSerial("2024-01-01T10:30:00+02:00")).toBe(day("2024-01-01"));
  });
});

describe("a date column's order", () => {
  const en = { language: "en" as const };
  const es = { language: "es" as const };
  test("day first as soon as a first part is over 12", () => {
    const r = readDateColumn(["07/01/2023", "25/01/2023", null, 44927], en);
    expect(r).toEqual({
      ok: true,
      values: [day("2023-01-07"), day("2023-01-25"), null, 44927],
      found: { kind: "date", texts: 2, order: "dmy", settledBy: "values", format: "dd/mm/yyyy" },
    });
  });
  test("month first as soon as a second part is", () => {
    const r = readDateColumn(["01/07/2023", "01/25/2023"], es);
    expect(r.ok && r.values).toEqual([day("2023-01-07"), day("2023-01-25")]);
    expect(r.ok && r.found.settledBy).toBe("values");
  });
  test("else from the language: es day first, en month first", () => {
    const es1 = readDateColumn(["07/01/2023", "08/01/2023"], es);
    const en1 = readDateColumn(["07/01/2023", "08/01/2023"], en);
    expect(es1.ok && [es1.values[0], es1.found.order, es1.found.settledBy]).toEqual([
      day("2023-01-07"),
      "dmy",
      "language",
    ]);
    expect(en1.ok && [en1.values[0], en1.found.order]).toEqual([day("2023-07-01"), "mdy"]);
  });
  test("--date-order settles it, and a date that cannot be in that order is refused", () => {
    const r = readDateColumn(["07/01/2023"], { language: "en", dateOrder: "dmy" });
    expect(r.ok && [r.values[0], r.found.settledBy]).toEqual([day("2023-01-07"), "option"]);
    expect(readDateColumn(["25/01/2023"], { language: "en", dateOrder: "mdy" })).toEqual({
      ok: false,
      problem: { kind: "not_a_date", row: 0, text: "25/01/2023", format: "mm/dd/yyyy" },
    });
  });
  test("a column mixing day-first and month-first dates is refused, naming both rows", () => {
    expect(readDateColumn(["25/01/2023", "x", "01/25/2023"], en)).toEqual({
      ok: false,
      problem: { kind: "not_a_date", row: 1, text: "x", format: null },
    });
    expect(readDateColumn(["25/01/2023", null, "01/25/2023"], en)).toEqual({
      ok: false,
      problem: {
        kind: "mixed_date_orders",
        row: 0,
        other: 2,
        text: "25/01/2023",
        otherText: "01/25/2023",
      },
    });
  });
  test("years before 1900 and impossible days are refused", () => {
    expect(readDateColumn(["0025-03-01"], en)).toEqual({
      ok: false,
      problem: { kind: "date_before_1900", row: 0, text: "0025-03-01" },
    });
    expect(readDateColumn(["31/02/2023", "25/01/2023"], en)).toEqual({
      ok: false,
      problem: { kind: "impossible_date", row: 0, text: "31/02/2023" },
    });
  });
});

describe("a text number", () => {
  test.each([
    ["1.234,56", NaN, 1234.56, ","],
    ["1,234.56", 1234.56, NaN, "."],
    ["6.110", 6.11, 6110, "ambiguous"],
    ["1,234", 1234, 1.234, "ambiguous"],
    ["0,5", NaN, 0.5, ","],
    ["1.5", 1.5, NaN, "."],
    ["12,50", NaN, 12.5, ","],
    ["1.234.567", NaN, 1234567, ","],
    ["1,234,567", 1234567, NaN, "."],
    ["-2.737,43", NaN, -2737.43, ","],
    [" +40 ", 40, 40, "either"],
    ["1234", 1234, 1234, "either"],
    ["1e-5", 0.00001, NaN, "."],
    [",5", NaN, 0.5, ","],
    ["12 345", NaN, NaN, null],
    ["€5", NaN, NaN, null],
    ["5%", NaN, NaN, null],
    ["1.2.3", NaN, NaN, null],
  ] as const)("%s reads %d with a decimal point, %d with a decimal comma", (t, p, c, e) => {
    const r = numberReadings(t);
    expect([r.point, r.comma]).toEqual([p, c]);
    expect(decimalEvidence(r)).toBe(e);
  });

  test("a column is decimal comma when one value needs it: then 6.110 is 6110", () => {
    const values = ["2.737,43", "6.110", 15, null];
    const clues = decimalClues(values);
    expect(isClues(clues) && clues).toEqual({ point: -1, comma: 0, ambiguous: 1, texts: true });
    const r = readNumberColumn(values, clues as never, { language: "en" }, null);
    expect(r).toEqual({
      ok: true,
      values: [2737.43, 6110, 15, null],
      found: { kind: "number", texts: 2, decimal: ",", settledBy: "values" },
    });
  });
  test("a column of 1.234-like values only is refused unless --decimal or the table settles it", () => {
    const values = ["6.110", "1.234"];
    const clues = decimalClues(values) as never;
    expect(readNumberColumn(values, clues, { language: "es" }, null)).toEqual({
      ok: false,
      problem: { kind: "ambiguous_decimal", row: 0, text: "6.110" },
    });
    const chosen = readNumberColumn(values, clues, { language: "es", decimal: "." }, null);
    expect(chosen.ok && [chosen.values, chosen.found.settledBy]).toEqual([[6.11, 1.234], "option"]);
    const byTable = readNumberColumn(values, clues, { language: "es" }, ",");
    expect(byTable.ok && [byTable.values, byTable.found.settledBy]).toEqual([
      [6110, 1234],
      "table",
    ]);
  });
  test("a column mixing a decimal point and a decimal comma is refused", () => {
    const values = ["1,5", "2", "1.5"];
    expect(
      readNumberColumn(values, decimalClues(values) as never, { language: "en" }, null)
    ).toEqual({
      ok: false,
      problem: { kind: "mixed_decimals", row: 0, other: 2, text: "1,5", otherText: "1.5" },
    });
  });
  test("the table's mark: the one its columns tell, none when they disagree", () => {
    const comma = decimalClues(["1,5"]) as never;
    const point = decimalClues(["1.5"]) as never;
    const neither = decimalClues(["1.234"]) as never;
    expect(tableDecimal([comma, neither])).toBe(",");
    expect(tableDecimal([comma, point])).toBeNull();
    expect(tableDecimal([neither])).toBeNull();
  });
  test("text that is no number under any convention names its row", () => {
    expect(decimalClues([1, "12 345"])).toEqual({
      kind: "not_a_number",
      row: 1,
      text: "12 345",
      decimal: null,
    });
  });
});

describe("numbers shown: one convention per language", () => {
  test.each([
    [1234.56, "money", "1,234.56", "1.234,56"],
    [2194.01, "money", "2,194.01", "2.194,01"], // Intl's es-ES leaves 4 digits ungrouped; never here
    [1962099.69, "money", "1,962,099.69", "1.962.099,69"],
    [0.095, "percent", "9.5%", "9,5 %"],
    [1234.4, "count", "1,234", "1.234"],
    [-30, "money", "-30.00", "-30,00"],
  ])("%d as %s: en %s, es %s", (value, format, en, es) => {
    expect(valueText(value, format, "en")).toBe(en);
    expect(valueText(value, format, "es")).toBe(es);
  });
  test("percentages and plain numbers", () => {
    expect(percentNumberText(0.024, "es")).toBe("2,4 %");
    expect(numberText(3278, "es")).toBe("3.278");
  });
});
