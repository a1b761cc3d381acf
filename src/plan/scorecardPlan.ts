/**
 * The Scorecard sheet described once — cells, formulas with the engine's values cached,
 * number formats, styles, status rules — for the file writer and the Office.js
 * writer (the task pane) to write the same sheet.
 *
 * Every cell is a live formula over the analyst's tables, except what no formula can keep live at
 * the table's size: each customer's own sums (upsell, the customer value attributes), and custom
 * function calls whose arguments would exceed what Excel passes to one. Those hold the engine's
 * value, look different, and say so in their note; building again refreshes them.
 *
 * The sheet is the sequence of blocks in SHEET, top to bottom (plan/planBlock.ts says what a block
 * builder is): adding a block is one builder and one line there.
 */
import { indicatorById } from "../engine/indicatorCatalog";
import { DataRefs } from "../engine/formulaText";
import { Scorecard } from "../engine/scorecard";
import { ColumnOf, Role, TableMapping } from "../engine/tableMapping";
import { listBytes } from "./argumentSize";
import { customersToCallBlock } from "./blocks/customersToCallBlock";
import { forecastBlock } from "./blocks/forecastBlock";
import { funnelBlock } from "./blocks/funnelBlock";
import { indicatorBlock } from "./blocks/indicatorBlock";
import { leadSourceBlock } from "./blocks/leadSourceBlock";
import { modelCheckBlock } from "./blocks/modelCheckBlock";
import { parameterBlock } from "./blocks/parameterBlock";
import { segmentBlock } from "./blocks/segmentBlock";
import { tierBlock } from "./blocks/tierBlock";
import { topCustomerBlock } from "./blocks/topCustomerBlock";
import { trendBlock } from "./blocks/trendBlock";
import { valueTableBlock } from "./blocks/valueTableBlock";
import { LABELS, Language } from "./labels";
import { Anchors, Block, BlockBuilder, BlockWriter, PlanContext, PlanOptions } from "./planBlock";
import { PlanCell, ScorecardPlan, Snapshot } from "./planCells";
import { columnReference, excelSheetName } from "./references";
import { HELPER_FIRST_COLUMN, TextHelpers, textHelpers, withHelperWidths } from "./textReadings";
import { chartArea } from "./chartSpec";
import { layOutSheet } from "./sheetLayout";

export { NUMBER_FORMATS, eachShownValue } from "./planCells";
export type { PlanOptions } from "./planBlock";
export type { ChartSpec } from "./chartSpec";
export type {
  BlockRows,
  CellResult,
  CellStyle,
  NumberFormatKind,
  PlanCell,
  ScorecardPlan,
  Snapshot,
  SnapshotReason,
  Spill,
  StatusRule,
} from "./planCells";

export const SCORECARD_SHEET = "Scorecard";
export const MARKER_TEXT = "spec-scorecard/v1";

/** Where a sheet's marker is looked for: the top-left cells, rows 1–5 × columns A–C. */
export const MARKER_AREA = { address: "A1:C5", rows: 5, columns: 3 } as const;

/** True when the values of the marker area (rows × columns) hold the marker: a sheet an earlier build made. */
export function holdsMarker(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.includes(MARKER_TEXT));
}

/** What a build says of the parts computed at the build, in the analyst's language; null when there are none. */
export function snapshotSummary(
  plan: Pick<ScorecardPlan, "snapshots">,
  language: Language
): string | null {
  if (plan.snapshots.length === 0) return null;
  const L = LABELS[language];
  const name = (s: Snapshot): string => {
    switch (s.subject) {
      case "customer_value":
        return L.value.title;
      case "value_scores":
        return L.value.score;
      case "tier_activation":
        return `${L.breakdowns.tiers}: ${L.breakdowns.activation}`;
      case "backtest":
        return L.forecasts.backtestSubject;
      case "customers_to_call":
        return L.toCall.subject;
      case "history":
        return L.trend.subject;
      case "model_check":
        return L.modelCheck.subject;
      case "by_lead_source":
        return L.breakdowns.byLeadSource;
      case "by_segment":
        return L.breakdowns.bySegment;
      default:
        return indicatorById(s.subject)?.words[language] ?? s.subject;
    }
  };
  // A part built for two reasons (the trend: per-customer sums, past periods) is named once.
  const parts = [...new Set(plan.snapshots.map(name))];
  return L.snapshot.built.replace("{parts}", parts.join("; "));
}

/**
 * The sheet's name, or "Scorecard (2)", "(3)"… beside a user's own sheet of that name; always
 * one Excel accepts (references.ts). `taken` should compare ignoring case, as Excel does.
 */
export function freeSheetName(wanted: string, taken: (name: string) => boolean): string {
  return excelSheetName(wanted, taken);
}

/**
 * The sheet the product made is the one a hidden workbook-level defined name points to: a copy
 * of it (which keeps the marker in A3 but not the workbook-level name) is the user's sheet and
 * is never replaced. Both writers (Office.js and the file writer) set and read it this way.
 */
export const SCORECARD_NAME = "SPEC_Scorecard";

/** The name's formula for a sheet: `'<sheet name>'!$A$1`, apostrophes doubled. */
export function scorecardNameFormula(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/** The sheet a formula of the name points to (quoted or not, "=" first or not); null when none (#REF!). */
export function sheetOfScorecardName(formula: string): string | null {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!:\\/?*[\]#]+))!\$?A\$?1\s*$/.exec(formula);
  if (m === null) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
}

/** A mapped column: its formula text, and its cells (for the size of a call that passes it). */
interface MappedColumn {
  readonly ref: string;
  readonly cells: readonly unknown[];
}

function mappedColumn<R extends Role>(
  mapping: TableMapping,
  role: R,
  column: ColumnOf<R>
): MappedColumn | undefined {
  const m = mapping[role];
  if (m === undefined) return undefined;
  const j = (m.columns as Record<string, number | undefined>)[column];
  return j === undefined
    ? undefined
    : { ref: columnReference(m.table, j), cells: m.table.columns[j] ?? [] };
}

/** The formula text of every mapped column. */
export function dataRefs(mapping: TableMapping): DataRefs | null {
  if (mapping.sales === undefined) return null;
  const ref = <R extends Role>(role: R, column: ColumnOf<R>): string | undefined =>
    mappedColumn(mapping, role, column)?.ref;
  return {
    customer: ref("sales", "customer") as string,
    date: ref("sales", "date") as string,
    amount: ref("sales", "amount") as string,
    margin: ref("sales", "margin"),
    productLine: ref("sales", "productLine"),
    customerIds: ref("customers", "id"),
    customerSegments: ref("customers", "segment"),
    leadCreated: ref("leads", "created"),
    leadSource: ref("leads", "source"),
    leadStatus: ref("leads", "status"),
    leadCustomer: ref("leads", "customer"),
    potentialAccounts: ref("market", "potentialAccounts"),
  };
}

/** The title rows: title, subtitle and the marker, kept in view while scrolling. */
const titleBlock: BlockBuilder = ({ words: L, options }, at) => {
  const w = new BlockWriter(at.row);
  w.put({ row: w.row++, column: 1, value: L.title, style: "title" });
  w.put({ row: w.row++, column: 1, value: L.subtitle, style: "subtitle" });
  if (options.valuesNote !== undefined)
    w.put({ row: w.row++, column: 1, value: options.valuesNote, style: "note" });
  const marker = { row: w.row++, column: 1, text: MARKER_TEXT };
  w.put({ row: marker.row, column: marker.column, value: MARKER_TEXT, style: "marker" });
  return w.block({ anchors: { title: { marker, frozenRows: w.row - 1 } } });
};

/** The sheet's blocks, top to bottom. */
const SHEET: readonly BlockBuilder[] = [
  titleBlock,
  indicatorBlock,
  forecastBlock,
  customersToCallBlock,
  modelCheckBlock,
  trendBlock,
  parameterBlock,
  segmentBlock,
  leadSourceBlock,
  funnelBlock,
  topCustomerBlock,
  tierBlock,
  valueTableBlock,
];

/**
 * Blocks whose anchors (cells) the others read as they are built: built before every other block,
 * wherever they stand on the sheet. The parameters sit below the indicators, so that the first
 * screen shows the indicators, while every formula reads the parameters' cells.
 */
const BUILT_FIRST: ReadonlySet<BlockBuilder> = new Set([parameterBlock]);

/** What the blocks are built from: the scorecard, its words, the mapped columns and their sizes. */
function planContext(
  card: Scorecard,
  mapping: TableMapping,
  language: Language,
  helpers: TextHelpers,
  options: PlanOptions
): PlanContext {
  const sourceRefs = dataRefs(mapping);
  if (sourceRefs === null) throw new Error("a scorecard plan needs a mapped sales table");
  // Columns whose text the engine read (text dates and numbers, total rows) are read through helpers.
  const refs: DataRefs = { ...sourceRefs, ...helpers.refs };
  // What one call of a custom function over a column would pass to it.
  const bytesOf = <R extends Role>(role: R, c: ColumnOf<R>): number =>
    listBytes(mappedColumn(mapping, role, c)?.cells ?? []);
  return {
    card,
    language,
    words: LABELS[language],
    refs,
    columnBytes: {
      customer: bytesOf("sales", "customer"),
      date: bytesOf("sales", "date"),
      amount: bytesOf("sales", "amount"),
      customerIds: bytesOf("customers", "id"),
    },
    options,
  };
}

/**
 * The anchors of the blocks placed so far. A block that reads the anchors of one not placed yet
 * (further down the sheet) must do so in its `below`: reading them earlier is a mistake in the
 * sequence, said as such rather than as an undefined cell address.
 */
function placed(anchors: Partial<Anchors>): Anchors {
  return new Proxy(anchors, {
    get(target, name: string) {
      const found = target[name as keyof Anchors];
      if (found === undefined)
        throw new Error(`scorecard plan: the ${name} block's anchors are read before it is placed`);
      return found;
    },
  }) as Anchors;
}

/** A block's rows, its charts' rows included (no chart covers the next block's cells). */
function withChartRows(block: Block): Block {
  const lowest = Math.max(0, ...(block.charts ?? []).map((c) => chartArea(c).lastRow));
  return lowest + 2 > block.nextRow ? { ...block, nextRow: lowest + 2 } : block;
}

/** The blocks built in order, each at the row the sheet's order gives it. */
function placeBlocks(ctx: PlanContext): { blocks: Block[]; rows: number[]; anchors: Anchors } {
  const order = [
    ...SHEET.filter((b) => BUILT_FIRST.has(b)),
    ...SHEET.filter((b) => !BUILT_FIRST.has(b)),
  ];
  const heights = new Map<BlockBuilder, number>();
  // A block built first but shown below others needs their heights: a trial build measures them.
  const lastFirst = Math.max(-1, ...SHEET.map((b, i) => (BUILT_FIRST.has(b) ? i : -1)));
  const measured = new Set(SHEET.slice(0, lastFirst));
  if (measured.size > 0) {
    const trial: Partial<Anchors> = {};
    let row = 1;
    for (const build of order.slice(
      0,
      Math.max(...[...measured].map((b) => order.indexOf(b))) + 1
    )) {
      const block = withChartRows(build(ctx, { row, anchors: placed(trial) }));
      Object.assign(trial, block.anchors);
      heights.set(build, block.nextRow - row);
      row = block.nextRow;
    }
  }
  const anchors: Partial<Anchors> = {};
  const built = new Map<BlockBuilder, Block>();
  const rowOf = (build: BlockBuilder): number =>
    SHEET.slice(0, SHEET.indexOf(build)).reduce((row, b) => {
      const height = heights.get(b);
      if (height === undefined) throw new Error("scorecard plan: a block above is not measured");
      return row + height;
    }, 1);
  for (const build of order) {
    const row = rowOf(build);
    const block = withChartRows(build(ctx, { row, anchors: placed(anchors) }));
    if (heights.has(build) && heights.get(build) !== block.nextRow - row)
      throw new Error("scorecard plan: a block's height changed with its place");
    heights.set(build, block.nextRow - row);
    Object.assign(anchors, block.anchors);
    built.set(build, block);
  }
  return {
    blocks: SHEET.map((b) => built.get(b) as Block),
    rows: SHEET.map(rowOf),
    anchors: placed(anchors),
  };
}

export function buildScorecardPlan(
  card: Scorecard,
  mapping: TableMapping,
  language: Language,
  options: PlanOptions = {}
): ScorecardPlan {
  const helpers = textHelpers(mapping, (source) =>
    language === "es" ? `Leído de ${source}` : `Read from ${source}`
  );
  const ctx = planContext(card, mapping, language, helpers, options);
  const { blocks, rows, anchors: all } = placeBlocks(ctx);
  const cells: PlanCell[] = [...helpers.cells, ...blocks.flatMap((b) => b.cells)];
  for (const b of blocks) if (b.below !== undefined) cells.push(...b.below(all));
  const charts = blocks.flatMap((b) => b.charts ?? []);
  const blockRows = blocks.map((b, i) => ({ firstRow: rows[i], lastRow: b.nextRow - 1 }));
  const layout = layOutSheet(cells, blockRows, charts, HELPER_FIRST_COLUMN);
  return {
    sheetName: SCORECARD_SHEET,
    marker: all.title.marker,
    cells: layout.cells,
    columnWidths: withHelperWidths(layout.columnWidths, helpers),
    rowHeights: layout.rowHeights,
    merges: layout.merges,
    frozenRows: all.title.frozenRows,
    statusRule: all.indicators.statusRule,
    snapshots: blocks.flatMap((b): readonly Snapshot[] => b.snapshots),
    charts,
    blocks: blockRows,
    print: layout.print,
  };
}
