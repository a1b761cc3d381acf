/**
 * Each indicator's history (SPEC.md §3.3): its value over each of the 8 whole periods before the
 * current one, oldest first. A past period is computed exactly as the scorecard computes a period
 * as of that period's last day: the whole period as the span, the previous comparable span as the
 * comparison (upsell), the period's last day as D — through the one call that computes every
 * indicator over a span (IndicatorCalculator.over). A period that ends before the first sale has
 * no data: every indicator is null there, with that reason.
 */
import { INDICATORS, IndicatorId, IndicatorValues } from "./indicatorCatalog";
import { currentSpan, SpanFigures } from "./indicators";
import { IndicatorSpan } from "./indicatorTotals";
import { IndicatorValue, Reason } from "./indicatorValue";
import { DaySpan, MONTHS, Period, periodOf, shiftMonths } from "./period";

/** Whole periods shown before the current one. */
export const HISTORY_PERIODS = 8;

/** What computes every indicator over a span: the in-memory calculator, or an SQL engine's. */
export interface SpanCalculator {
  over(span: IndicatorSpan): SpanFigures;
}

/** One indicator's value over one past period. */
export interface HistoryPoint extends IndicatorValue {
  /** The period's first and last day. */
  readonly start: number;
  readonly end: number;
}

export interface IndicatorHistory {
  /** The first day of a sales row with a customer: periods that end before it have no data. */
  readonly firstDay: number;
  /** The whole periods before the current one, oldest first, each as of its last day. */
  readonly periods: readonly Period[];
  /** Each indicator's value over them, in the same order. */
  readonly points: Readonly<Record<IndicatorId, readonly HistoryPoint[]>>;
}

/** The `count` whole periods before `current`, oldest first, each as the scorecard sees it as of its last day. */
export function pastPeriods(current: Period, count = HISTORY_PERIODS): Period[] {
  const months = MONTHS[current.kind];
  return Array.from({ length: count }, (_, i) => {
    const start = shiftMonths(current.current.start, -(count - i) * months);
    return periodOf(current.kind, shiftMonths(start, months) - 1);
  });
}

/** True when the period ends before the data begin (`firstDay`, 0 when there are no rows). */
export const beforeData = (span: DaySpan, firstDay: number): boolean =>
  firstDay === 0 || span.end < firstDay;

const BEFORE_DATA: Reason = "period_before_data";

/**
 * Every indicator over each past period: one span's totals per period with data (the loop an SQL
 * engine runs too, with its own calculator), none before the data begin.
 */
export function indicatorHistory(
  calculator: SpanCalculator,
  current: Period,
  firstDay: number,
  count = HISTORY_PERIODS
): IndicatorHistory {
  const periods = pastPeriods(current, count);
  const figures = periods.map((p) =>
    beforeData(p.current, firstDay) ? null : calculator.over(currentSpan(p)).values
  );
  return historyOf(periods, figures, firstDay);
}

/** The history from each past period's values (null for a period before the data begin). */
export function historyOf(
  periods: readonly Period[],
  figures: readonly (IndicatorValues | null)[],
  firstDay: number
): IndicatorHistory {
  const points = Object.fromEntries(
    INDICATORS.map((d) => [
      d.id,
      periods.map((p, i): HistoryPoint => {
        const found = figures[i]?.[d.id] ?? { value: null, reason: BEFORE_DATA };
        return { start: p.current.start, end: p.current.end, ...found };
      }),
    ])
  ) as Record<IndicatorId, HistoryPoint[]>;
  return { firstDay, periods, points };
}
