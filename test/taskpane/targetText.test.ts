/** Targets read as the analyst reads them, in English and in Spanish Excel. */
import { readTarget, targetText } from "../../src/taskpane/ui/targetText";

test.each([
  // text, format, language, value
  ["80 %", "percent", "es", 0.8],
  ["0,8", "percent", "es", 0.8],
  ["80%", "percent", "en", 0.8],
  ["0.8", "percent", "en", 0.8],
  ["80", "percent", "en", 0.8],
  ["80", "percent", "es", 0.8],
  ["1", "percent", "en", 1],
  ["1,5", "percent", "es", 0.015],
  ["0,5 %", "percent", "es", 0.005],
  ["12.5%", "percent", "en", 0.125],
  ["250000", "money", "en", 250000],
  ["250,000", "money", "en", 250000],
  ["250.000", "money", "es", 250000],
  ["250.000,50", "money", "es", 250000.5],
  ["250 000", "money", "es", 250000],
  ["$250,000", "money", "en", 250000],
  ["250.000 €", "money", "es", 250000],
  ["1,234", "money", "es", 1.234],
  ["1,234", "money", "en", 1234],
  ["-1.500,25", "money", "es", -1500.25],
  ["120", "count", "en", 120],
  ["2500", "index", "es", 2500],
  ["2.500", "index", "es", 2500],
] as const)("%s as a %s target in %s is %d", (text, format, language, value) => {
  const r = readTarget(text, format, language);
  expect(r.kind).toBe("read");
  if (r.kind === "read") expect(r.value).toBeCloseTo(value, 12);
});

test("what the field says it read", () => {
  expect(readTarget("80", "percent", "en")).toEqual({ kind: "read", value: 0.8, shown: "80.0%" });
  expect(readTarget("0,8", "percent", "es")).toEqual({ kind: "read", value: 0.8, shown: "80,0 %" });
  expect(readTarget("250.000", "money", "es")).toMatchObject({ shown: "250.000,00" });
});

test.each([
  ["", "money", { kind: "empty" }],
  ["   ", "percent", { kind: "empty" }],
  ["lots", "money", { kind: "unreadable", why: "number" }],
  ["80 % ish", "percent", { kind: "unreadable", why: "number" }],
  ["50%", "money", { kind: "unreadable", why: "percent" }],
  ["1.2.3,4,5", "count", { kind: "unreadable", why: "number" }],
  ["€", "money", { kind: "unreadable", why: "number" }],
] as const)("%j as a %s target is %j", (text, format, reading) => {
  expect(readTarget(text, format, "en")).toEqual(reading);
});

test("a stored target is shown as it would be typed, and reads back to itself", () => {
  const cases = [
    [0.8, "percent", "en", "80%"],
    [0.8, "percent", "es", "80 %"],
    [0.125, "percent", "es", "12,5 %"],
    [0.07, "percent", "en", "7%"],
    [250000, "money", "en", "250,000"],
    [250000.5, "money", "es", "250.000,5"],
    [42, "count", "es", "42"],
  ] as const;
  for (const [value, format, language, text] of cases) {
    expect(targetText(value, format, language)).toBe(text);
    const back = readTarget(text, format, language);
    expect(back.kind === "read" && back.value).toBeCloseTo(value, 12);
  }
});
