import {
  isoDateToSerial,
  readAmount,
  readDay,
  serialToIso,
  BLANK_DAY,
  UNREADABLE_DAY,
} from "../../src/core/cells";
import { CustomerIndex, BLANK_CUSTOMER, UNREADABLE_CUSTOMER } from "../../src/core/customerIndex";

test.each([
  ["1900-01-01", 1],
  ["1900-02-28", 59],
  ["1900-03-01", 61],
  ["2025-01-01", 45658],
  ["2025-12-31", 46022],
  ["2024-02-29", 45351],
  ["2025-12-31T23:59:59", 46022],
  ["2025-12-31 08:00", 46022],
  ["  2025-12-31  ", 46022],
  ["9999-12-31", 2958465],
  ["2025-02-29", UNREADABLE_DAY],
  ["2025-13-01", UNREADABLE_DAY],
  ["2025-1-1", UNREADABLE_DAY],
  ["31/12/2025", UNREADABLE_DAY],
  ["1899-12-31", UNREADABLE_DAY],
])("ISO %s is serial %d", (text, serial) => {
  expect(isoDateToSerial(text)).toBe(serial);
});

test.each([
  [46022.99, 46022],
  [1, 1],
  [0.5, BLANK_DAY],
  [0, BLANK_DAY],
  [-3, BLANK_DAY],
  [null, BLANK_DAY],
  [undefined, BLANK_DAY],
  ["", BLANK_DAY],
  ["  ", BLANK_DAY],
  [2958466, UNREADABLE_DAY],
  [NaN, UNREADABLE_DAY],
  [true, UNREADABLE_DAY],
  ["ayer", UNREADABLE_DAY],
])("readDay(%p) is %d", (cell, day) => {
  expect(readDay(cell)).toBe(day);
});

test("serialToIso is the inverse of isoDateToSerial from March 1900", () => {
  for (const iso of ["1900-03-01", "2000-02-29", "2025-12-31", "2026-11-22"])
    expect(serialToIso(isoDateToSerial(iso))).toBe(iso);
});

test.each([
  [5, 5],
  [-2.5, -2.5],
  [null, 0],
  ["", 0],
  [" ", 0],
])("readAmount(%p) is %d", (cell, amount) => expect(readAmount(cell)).toBe(amount));

test.each([["1,200"], [true], ["5"], [Infinity]])("readAmount(%p) is unreadable", (cell) =>
  expect(readAmount(cell)).toBeNaN()
);

describe("CustomerIndex", () => {
  test("numbers and their text are one customer; text is trimmed and case-insensitive", () => {
    const index = new CustomerIndex();
    const a = index.code(1001);
    expect(index.code("1001")).toBe(a);
    expect(index.code(" 1001 ")).toBe(a);
    expect(index.code(1001.0)).toBe(a);
    const b = index.code("Acme");
    expect(index.code("ACME ")).toBe(b);
    expect(index.code("acme")).toBe(b);
    expect(index.code("1001.5")).toBe(index.code(1001.5));
    expect(index.code("1001.0")).not.toBe(a); // text is compared as text: "1001.0" is not "1001"
    expect(index.count).toBe(4);
    expect(index.label(b)).toBe("Acme");
  });

  test("blank ids: null, empty, white space, 0", () => {
    const index = new CustomerIndex();
    for (const blank of [null, undefined, "", "   ", 0, "0", "\u00a0"])
      expect(index.code(blank)).toBe(BLANK_CUSTOMER);
    expect(index.count).toBe(0);
  });

  test("booleans are not ids", () => {
    expect(new CustomerIndex().code(true)).toBe(UNREADABLE_CUSTOMER);
  });
});
