/**
 * Dates written as text, as exports and analysts write them (SPEC.md §3.5): ISO `2025-03-07`,
 * `07/03/2025`, `7/3/25`, `03/07/2025`, with `/`, `-` or `.` between the parts, optionally
 * followed by a time of day (dropped: a date counts on its day). Text that is not wholly a date
 * is not one; years before 1900 are refused; a two-digit year is 20xx for 00–29 and 19xx for
 * 30–99, as Excel reads it.
 */

/** Which part is the day, the month and the year in `a/b/c`. */
export type DateOrder = "dmy" | "mdy" | "ymd";
export const DATE_ORDERS: readonly DateOrder[] = ["dmy", "mdy", "ymd"];

/** The parts of a text date, before its order is known. */
export interface DateShape {
  readonly first: string;
  readonly second: string;
  readonly third: string;
  readonly separator: string;
  readonly time: boolean;
}

const TIME =
  "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:\\s?[AaPp]\\.?\\s?[Mm]\\.?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?";
const SHAPE = new RegExp(`^(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:(?:T|\\s+)(${TIME}))?$`);

/** The parts of a text that is wholly a date of one of the forms read; null otherwise. */
export function dateShape(text: string): DateShape | null {
  const m = SHAPE.exec(text.trim());
  if (m === null) return null;
  const [, first, separator, second, third, time] = m;
  // A year-first date has a four-digit year and a day of one or two digits; other forms end in the year.
  if (first.length === 3 || third.length === 3) return null;
  if (first.length === 4 && third.length > 2) return null;
  return { first, second, third, separator, time: time !== undefined };
}

/** True when the shape is year first (a four-digit first part): its order needs no guessing. */
export const isYearFirst = (shape: DateShape): boolean => shape.first.length === 4;

/** A two-digit year as Excel reads it: 00–29 is 2000–2029, 30–99 is 1930–1999. */
export function fullYear(digits: string): number {
  const y = Number(digits);
  return digits.length <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

const DAY_MS = 86400000;
const EPOCH_1900_MARCH = Date.UTC(1899, 11, 30);
const EPOCH_1900_JANUARY = Date.UTC(1899, 11, 31);
/** Excel's last date, 9999-12-31. */
const LAST_SERIAL = 2958465;

/** The 1900-system serial of a real calendar day from 1900 to 9999; NaN for any other. */
export function calendarSerial(year: number, month: number, day: number): number {
  if (!(year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return NaN;
  const ms = date.getTime();
  // Excel counts a 29 February 1900 that never was: serials from 1900-03-01 on are one higher.
  const serial =
    ms >= Date.UTC(1900, 2, 1)
      ? (ms - EPOCH_1900_MARCH) / DAY_MS
      : (ms - EPOCH_1900_JANUARY) / DAY_MS;
  return serial >= 1 && serial <= LAST_SERIAL ? serial : NaN;
}

/**
 * The day a shape stands for in the order given (a year-first shape is always year, month, day);
 * NaN when the parts are not a real day from 1900 on.
 */
export function shapeSerial(shape: DateShape, order: DateOrder): number {
  const { first, second, third } = shape;
  if (isYearFirst(shape) || order === "ymd") {
    if (third.length > 2) return NaN;
    return calendarSerial(fullYear(first), Number(second), Number(third));
  }
  if (third.length !== 2 && third.length !== 4) return NaN;
  const [day, month] = order === "dmy" ? [first, second] : [second, first];
  return calendarSerial(fullYear(third), Number(month), Number(day));
}

/** What a shape says of the order: day first (its first part is over 12), month first (its second is), or nothing. */
export function orderEvidence(shape: DateShape): "dmy" | "mdy" | null {
  if (isYearFirst(shape)) return null;
  if (Number(shape.first) > 12) return "dmy";
  if (Number(shape.second) > 12) return "mdy";
  return null;
}

/** How a column's dates are written, for messages: "dd/mm/yyyy", "m/d/yy hh:mm", "yyyy-mm-dd". */
export function dateFormatName(shape: DateShape, order: DateOrder): string {
  const s = shape.separator;
  const d = shape.first.length === 1 && order === "dmy" ? "d" : "dd";
  const m = (order === "mdy" ? shape.first : shape.second).length === 1 ? "m" : "mm";
  const yearDigits = isYearFirst(shape) || order === "ymd" ? shape.first : shape.third;
  const y = yearDigits.length === 2 ? "yy" : "yyyy";
  const parts =
    isYearFirst(shape) || order === "ymd"
      ? [y, "mm", "dd"]
      : order === "dmy"
        ? [d, m, y]
        : [m, shape.second.length === 1 ? "d" : "dd", y];
  return parts.join(s) + (shape.time ? " hh:mm" : "");
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)(\S.*))?$/;
const TIME_ONLY = new RegExp(`^${TIME}$`);

/**
 * ISO `YYYY-MM-DD`, optionally followed by a time (`T` or a space, then `hh:mm[:ss[.fff]]`, a
 * zone allowed), as a 1900-system serial; NaN for any other text (`2025-01-01 (cancelled)`
 * included) or a day before 1900.
 */
export function isoTextSerial(text: string): number {
  const m = ISO.exec(text.trim());
  if (m === null) return NaN;
  if (m[4] !== undefined && !TIME_ONLY.test(m[4])) return NaN;
  return calendarSerial(Number(m[1]), Number(m[2]), Number(m[3]));
}
