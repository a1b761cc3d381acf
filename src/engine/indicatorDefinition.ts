/**
 * What makes an indicator (SPEC.md §3.3), written once per indicator in engine/stages/: its id,
 * stage and words; how the engine computes it from a span's totals; how the sheet keeps it live.
 * The engine, the sheet's plan, the JSON, the command line's summary and the task pane read these
 * definitions and name no indicator themselves.
 */
import type { Language } from "../core/language";
import type { DataRefs, ParameterCells, SpanCells } from "./formulaText";
import { letName, sideBySide } from "./formulaText";
import type { SpanTotals } from "./indicatorTotals";
import type { IndicatorValue } from "./indicatorValue";

export type Stage = "overview" | "information" | "marketing" | "sales" | "service";
export const STAGES: readonly Stage[] = [
  "overview",
  "information",
  "marketing",
  "sales",
  "service",
];

export type IndicatorFormat = "money" | "count" | "percent" | "index";

export interface IndicatorDefinition<Id extends string = string> {
  /** Stable (SPEC.md §3.3): the JSON's key and the command line's --target name. */
  readonly id: Id;
  readonly stage: Stage;
  readonly format: IndicatorFormat;
  /** Which way is good, for the status against a target. */
  readonly better: "more" | "less";
  /**
   * A flow accumulates over the period's days (revenue, leads, new customers…): it is forecast to
   * the period end and judged against its target by that forecast (SPEC.md §3.4). Counts of
   * distinct customers and ratios are not: they do not grow with the days.
   */
  readonly flow: boolean;
  /** Among the few the task pane shows after a build. */
  readonly headline: boolean;
  /** Its value over a span, from the span's totals (engine/indicatorTotals.ts). */
  readonly value: (totals: SpanTotals) => IndicatorValue;
  /** How the sheet keeps it live. */
  readonly live: LiveForm;
  /** Its name on the sheet, in the summary and in the task pane. */
  readonly words: Readonly<Record<Language, string>>;
}

/** A definition whose id keeps its literal type, for the catalog's IndicatorId. */
export const indicator = <const Id extends string>(
  definition: IndicatorDefinition<Id>
): IndicatorDefinition<Id> => definition;

/** How the sheet keeps an indicator live, or why it cannot. */
export type LiveForm =
  /**
   * Native functions over the analyst's tables: one formula that spills the indicator's value for
   * every span of `LiveCells.spans`, side by side (what the spans share, such as the customer
   * keys, computed once); null when its data are not mapped.
   */
  | { readonly kind: "formula"; readonly formula: (cells: LiveCells) => string | null }
  /**
   * A call of the add-in's custom functions, one per span. Excel on the web passes at most 5 MB of
   * arguments to one call: past that it is computed at the build, and `argumentBytes` says the size.
   */
  | {
      readonly kind: "call";
      readonly call: (cells: LiveCells, span: SpanCells) => string;
      readonly argumentBytes: (columns: ColumnBytes) => number;
    }
  /** It compares each customer's own sums, which no formula keeps live at a table's size. */
  | { readonly kind: "atBuild"; readonly reason: "per_customer" };

/** What each mapped column adds to a custom function call's arguments, in bytes (plan/argumentSize.ts). */
export interface ColumnBytes {
  readonly customer: number;
  readonly date: number;
  readonly amount: number;
  /** The Customers table's ids; 0 when not mapped. */
  readonly customerIds: number;
}

/** One span as a column of the sheet: where its days are, and where each indicator's value for it is. */
export interface SpanColumn {
  readonly span: SpanCells;
  /** Appended to the span's own LET names, so that several spans share one LET. */
  readonly suffix: string;
  /** The cell of an indicator's value for this span. */
  readonly cellOf: (indicator: IndicatorDefinition) => string;
}

/** Where a live formula finds its inputs on the sheet. */
export interface LiveCells {
  readonly refs: DataRefs;
  readonly parameters: ParameterCells;
  /** The spans a formula spills over, left to right (now: the period so far, then the previous one). */
  readonly spans: readonly SpanColumn[];
  /** An indicator's cells over all the spans, as one range ("B22:C22"). */
  readonly rangeOf: (indicator: IndicatorDefinition) => string;
}

/** One span's part of a formula over several spans: its own LET names and its value. */
export interface SpanPart {
  readonly names: string;
  readonly value: string;
}

/** LET(shared names, each span's names, CHOOSE({1,2,…}, each span's value)). */
export function overSpans(
  cells: LiveCells,
  shared: string,
  part: (span: SpanColumn) => SpanPart
): string {
  const parts = cells.spans.map(part);
  return `LET(${shared}${parts.map((p) => p.names).join("")}${sideBySide(parts.map((p) => p.value))})`;
}

/** A span's part that is only a value. */
export const valueOf =
  (value: (span: SpanCells) => string) =>
  (s: SpanColumn): SpanPart => ({ names: "", value: value(s.span) });

/** A LET name of one span: `name` with the span's suffix. */
export const spanName = (s: SpanColumn, name: string): string => letName(`${name}${s.suffix}`);
