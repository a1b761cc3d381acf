/**
 * The sheet is a sequence of blocks (plan/scorecardPlan.ts lists them), each written by a builder
 * that starts at the first free row, as XlsxWriter assembles a part from small steps. A builder
 * returns its cells, the row after it, the parts it computed at the build, and the anchors other
 * blocks refer to (where its cells are). A cell that refers to a block further down is made in
 * `below`, once every block is placed: no block knows another's size in advance.
 */
import { Language } from "../core/language";
import { DataRefs, typedFormula } from "../engine/formulaText";
import { ColumnBytes } from "../engine/indicatorDefinition";
import { Scorecard } from "../engine/scorecard";
import { CUSTOM_FUNCTION_ARGUMENTS_LIMIT, megabytes } from "./argumentSize";
import { ChartSpec, chartArea } from "./chartSpec";
import { formulaLimitsExceeded } from "./formulaLimits";
import { Labels } from "./labels";
import { PlanCell, Snapshot, SnapshotReason } from "./planCells";
import type { ForecastAnchors } from "./blocks/forecastBlock";
import type { IndicatorAnchors } from "./blocks/indicatorBlock";
import type { ModelCheckAnchors } from "./blocks/modelCheckBlock";
import type { ParameterAnchors } from "./blocks/parameterBlock";
import type { ValueTableAnchors } from "./blocks/valueTableBlock";

/** The columns of the indicator table, which the other blocks share. */
export const COLUMN = {
  label: 1,
  value: 2,
  previous: 3,
  change: 4,
  target: 5,
  status: 6,
  forecast: 7,
  note: 8,
} as const;

/** What every block is built from. */
export interface PlanContext {
  readonly card: Scorecard;
  readonly language: Language;
  readonly words: Labels;
  /** The mapped columns as formula text. */
  readonly refs: DataRefs;
  /** What each mapped column adds to a custom function call's arguments. */
  readonly columnBytes: ColumnBytes;
  /** The plan's options (values mode). */
  readonly options: PlanOptions;
}

/** How the sheet is planned: live (the default), or as values (every cell the engine's value). */
export interface PlanOptions {
  /** The sheet is written as values; the writers take the same option (WriteOptions). */
  readonly values?: boolean;
  /** A line under the title saying why the sheet holds values (its data are not in the workbook). */
  readonly valuesNote?: string;
}

/** The title rows: the sheet's marker, and the rows kept in view while scrolling. */
export interface TitleAnchors {
  readonly marker: { readonly row: number; readonly column: number; readonly text: string };
  readonly frozenRows: number;
}

/** Where each block's cells are, for the blocks that refer to them (one entry per block that has any). */
export interface Anchors {
  readonly title: TitleAnchors;
  readonly parameters: ParameterAnchors;
  readonly indicators: IndicatorAnchors;
  readonly forecast: ForecastAnchors;
  readonly modelCheck: ModelCheckAnchors;
  readonly valueTable: ValueTableAnchors;
}

export interface Block {
  readonly cells: readonly PlanCell[];
  /** The first row after the block, its blank row included: where the next block starts. */
  readonly nextRow: number;
  readonly snapshots: readonly Snapshot[];
  readonly anchors?: Partial<Anchors>;
  /** Cells that refer to blocks further down, made once every block is placed. */
  readonly below?: (anchors: Anchors) => readonly PlanCell[];
  /**
   * The block's charts, over its own cells. A chart's rows are its block's: the next block starts
   * below the lowest chart, so no chart covers another block's cells.
   */
  readonly charts?: readonly ChartSpec[];
}

/** Where a block starts, and the anchors of the blocks above it. */
export interface Placement {
  readonly row: number;
  readonly anchors: Anchors;
}

export type BlockBuilder = (ctx: PlanContext, at: Placement) => Block;

/** Collects a block's cells row by row. */
export class BlockWriter {
  readonly cells: PlanCell[] = [];
  readonly snapshots: Snapshot[] = [];
  readonly charts: ChartSpec[] = [];

  /** `row`: the next row to write. */
  constructor(public row: number) {}

  put(cell: PlanCell): void {
    this.cells.push(cell);
  }

  /** A table's title row, a note under it when given, and its header row; the next row is the table's first. */
  table(title: string, headers: readonly string[], note?: string): void {
    this.put({ row: this.row++, column: 1, value: title, style: "section" });
    if (note !== undefined) this.put({ row: this.row++, column: 1, value: note, style: "note" });
    headers.forEach((h, j) =>
      this.put({ row: this.row, column: j + 1, value: h, style: "header" })
    );
    this.row++;
  }

  /** A chart of the block; the block keeps the rows it covers, and a blank row after them. */
  chart(spec: ChartSpec): void {
    this.charts.push(spec);
    this.row = Math.max(this.row, chartArea(spec).lastRow + 2);
  }

  /** The block written so far, with what else it gives. */
  block(rest: Pick<Block, "anchors" | "below"> = {}): Block {
    return {
      cells: this.cells,
      snapshots: this.snapshots,
      nextRow: this.row,
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
      ...rest,
    };
  }
}

/** Nothing: a block whose data are not mapped. */
export const noBlock = (at: Placement, anchors?: Partial<Anchors>): Block => ({
  cells: [],
  snapshots: [],
  nextRow: at.row,
  anchors,
});

/** True when a custom function call's arguments exceed what Excel on the web passes to one. */
export const tooLarge = (bytes: number): boolean => bytes > CUSTOM_FUNCTION_ARGUMENTS_LIMIT;

/** The note of a cell computed at the build. */
export function snapshotNote(
  words: Labels,
  reason: Exclude<SnapshotReason, "past_periods">,
  bytes = 0
): string {
  if (reason === "formula_too_long") return words.snapshot.formulaTooLong;
  return reason === "per_customer"
    ? words.snapshot.perCustomer
    : words.snapshot.argumentsTooLarge.replace("{size}", megabytes(bytes));
}

/**
 * True when Excel would refuse the formula (SPEC.md §5: over 8,192 characters, 64 levels of
 * nesting or 255 characters in a text constant), measured as typed, the LET sigil gone.
 */
export const exceedsExcelLimits = (formula: string): boolean =>
  formulaLimitsExceeded(typedFormula(formula)).length > 0;
