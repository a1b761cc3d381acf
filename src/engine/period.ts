/**
 * Periods of SPEC.md §3.2 as whole-day serials: the current period to date and the previous
 * comparable one (its first day plus the same number of elapsed days, cut at its end).
 */
import { partsToSerial, serialToParts } from "../core/cells";

export const PERIOD_KINDS = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** A span of days, both ends included. */
export interface DaySpan {
  readonly start: number;
  readonly end: number;
}

export interface Period {
  readonly kind: PeriodKind;
  readonly asOf: number;
  /** From the period's first day to as_of. */
  readonly current: DaySpan;
  /** The whole current period, for the forecast. */
  readonly full: DaySpan;
  readonly previous: DaySpan;
  /** The period before the previous one, to compare the previous period's upsell with. */
  readonly beforePrevious: DaySpan;
  readonly daysInPeriod: number;
  readonly elapsedDays: number;
}

/** The first day of the period holding `day`. */
export function periodStart(kind: PeriodKind, day: number): number {
  const { year, month } = serialToParts(day);
  const months = MONTHS[kind];
  return partsToSerial(year, Math.floor((month - 1) / months) * months + 1, 1);
}

/** The same day of the month `months` later (earlier when negative). */
export function shiftMonths(day: number, months: number): number {
  const { year, month, day: d } = serialToParts(day);
  return partsToSerial(year, month + months, d);
}

/** The same elapsed days in the period before the one starting at `start`. */
function comparable(kind: PeriodKind, start: number, elapsed: number): DaySpan {
  const previousStart = shiftMonths(start, -MONTHS[kind]);
  return { start: previousStart, end: Math.min(previousStart + elapsed - 1, start - 1) };
}

export function periodOf(kind: PeriodKind, asOf: number): Period {
  const start = periodStart(kind, asOf);
  const fullEnd = shiftMonths(start, MONTHS[kind]) - 1;
  const elapsed = asOf - start + 1;
  const previous = comparable(kind, start, elapsed);
  const beforePrevious = comparable(kind, previous.start, previous.end - previous.start + 1);
  return {
    kind,
    asOf,
    current: { start, end: asOf },
    full: { start, end: fullEnd },
    previous,
    beforePrevious,
    daysInPeriod: fullEnd - start + 1,
    elapsedDays: elapsed,
  };
}
