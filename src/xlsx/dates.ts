/** Dates stored as ISO text (cells of type "d"): to Excel's 1900-system serials, time of day kept. */
import { UNREADABLE_DAY, isoDateToSerial } from "../core/cells";

const TIME = /[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/;

/** "2025-03-01" or "2025-03-01T12:00:00Z" as a serial (12:00 is .5); NaN when it is not a date. */
export function isoDateTimeToSerial(text: string): number {
  const day = isoDateToSerial(text);
  if (day === UNREADABLE_DAY) return NaN;
  const t = TIME.exec(text);
  if (t === null) return day;
  const seconds = Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0);
  return day + seconds / 86400;
}
