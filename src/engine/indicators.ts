/**
 * Every indicator of SPEC.md §3.3 over any span of days: the span's totals in one pass, then each
 * definition's value from them. The scorecard asks for the current and the previous span; a
 * history asks for as many past spans as it shows.
 */
import { ActivationDefinition } from "../core/activation";
import { CustomerModelsByDay } from "./customerOutlook";
import { INDICATORS, IndicatorValues } from "./indicatorCatalog";
import {
  CustomerTotals,
  IndicatorSpan,
  SalesFacts,
  SpanTotals,
  salesFacts,
  spanTotals,
} from "./indicatorTotals";
import { Period } from "./period";
import { ScorecardData } from "./scorecardData";

export interface SpanFigures<Totals extends SpanTotals = CustomerTotals> {
  readonly values: IndicatorValues;
  readonly totals: Totals;
}

/** A period's span as of its as of: from its first day to as of, against the previous comparable span. */
export const currentSpan = (p: Period): IndicatorSpan => ({
  span: p.current,
  comparison: p.previous,
  periodEnd: p.full.end,
});

/** The previous comparable span of a period, against the one before it; its period ends where `p` starts. */
export const previousSpan = (p: Period): IndicatorSpan => ({
  span: p.previous,
  comparison: p.beforePrevious,
  periodEnd: p.current.start - 1,
});

/** Each indicator's value from a span's totals. */
export function valuesOf(totals: SpanTotals): IndicatorValues {
  return Object.fromEntries(INDICATORS.map((d) => [d.id, d.value(totals)])) as IndicatorValues;
}

/** Computes the indicators over any span of one data set: the facts every span shares are read once. */
export class IndicatorCalculator {
  readonly facts: SalesFacts;

  /** `activation`: the definition (its as of is each span's end); `models`: the customer models by day. */
  constructor(
    private readonly data: ScorecardData,
    private readonly activation: ActivationDefinition,
    private readonly models: CustomerModelsByDay
  ) {
    this.facts = salesFacts(data);
  }

  /** Every indicator over `span`. */
  over(span: IndicatorSpan): SpanFigures {
    const totals = spanTotals(
      { data: this.data, facts: this.facts, activation: this.activation, models: this.models },
      span
    );
    return { values: valuesOf(totals), totals };
  }
}
