/**
 * How one cell handed over by Excel is read: blank, a day, an amount.
 * Hot paths call these once per row, so they return numbers, never objects.
 */
import { isoTextSerial } from "./dateText";

/** Excel's last date, 9999-12-31, as a 1900-system serial. */
export const MAX_DAY_SERIAL = 2958465;

/** `readDay` answers BLANK_DAY for a blank cell and UNREADABLE_DAY for anything it cannot read as a date. */
export const BLANK_DAY = 0;
export const UNREADABLE_DAY = -1;

/** An error value a workbook cell holds (#N/A, #REF!…), as a file reader hands it over. */
export class ErrorValue {
  constructor(readonly code: string) {}
}

/**
 * A cell holding a formula whose value was never stored (files written by openpyxl or pandas):
 * what it shows is unknown until Excel or LibreOffice calculates it, so it is never read as 0.
 */
export class FormulaWithoutValue {
  constructor(readonly formula: string = "") {}
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** How a cell is named in a message: the text 'ayer', the number 5, TRUE. */
export function describeCell(v: unknown): string {
  if (v === null || v === undefined) return "blank";
  if (typeof v === "string") {
    if (v.trim() === "") return "blank";
    const shown = v.length > 40 ? v.slice(0, 37) + "..." : v;
    return `the text '${shown}'`;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return `the number ${v}`;
  if (Array.isArray(v)) return "a range";
  if (v instanceof ErrorValue) return `the error ${v.code}`;
  if (v instanceof FormulaWithoutValue) return "a formula without a stored value";
  return `a value of type ${typeof v}`;
}

const DAY_MS = 86400000;
const EPOCH_1900_MARCH = Date.UTC(1899, 11, 30); // serial 0 for dates from 1900-03-01 on

/**
 * An ISO `YYYY-MM-DD` date (optionally followed by a time of day, and nothing else) as a
 * 1900-system serial, or UNREADABLE_DAY.
 */
export function isoDateToSerial(text: string): number {
  const serial = isoTextSerial(text);
  return serial === serial ? serial : UNREADABLE_DAY;
}

/** A whole-day serial (from 61, 1900-03-01) as `YYYY-MM-DD`. */
export function serialToIso(serial: number): string {
  const ms = EPOCH_1900_MARCH + Math.floor(serial) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar parts of a serial (from 61 on). */
export function serialToParts(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH_1900_MARCH + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The serial of a calendar day (month 1-12; day may overflow, as in Excel's DATE). */
export function partsToSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH_1900_MARCH) / DAY_MS;
}

/**
 * A cell as a whole-day serial: the time of day is dropped; a serial below 1 is blank
 * (Excel desktop hands an empty cell over as 0).
 */
export function readDay(v: unknown): number {
  if (typeof v === "number") {
    if (!(v >= 1)) return v < 1 ? BLANK_DAY : UNREADABLE_DAY; // NaN is unreadable
    return v < MAX_DAY_SERIAL + 1 ? Math.floor(v) : UNREADABLE_DAY;
  }
  if (v === null || v === undefined) return BLANK_DAY;
  if (typeof v === "string") {
    if (v.trim() === "") return BLANK_DAY;
    return isoDateToSerial(v);
  }
  return UNREADABLE_DAY;
}

/** A cell as an amount: a blank is 0, anything but a finite number is NaN. */
export function readAmount(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (v === null || v === undefined) return 0;
  if (typeof v === "string" && v.trim() === "") return 0;
  return NaN;
}
