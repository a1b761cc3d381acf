/**
 * The Scorecard sheet described once — cells, formulas with the engine's values cached,
 * number formats, styles, status rules — for the file writer and the Office.js
 * writer (the task pane) to write the same sheet.
 *
 * Every cell is a live formula over the analyst's tables, except what no formula can keep live at
 * the table's size: each customer's own sums (upsell, the customer value attributes), and custom
 * function calls whose arguments would exceed what Excel passes to one. Those hold the engine's
 * value, look different, and say so in their note; building again refreshes them.
 */
import { serialToParts } from "../core/cells";
import { textKey } from "../core/textKey";
import { INDICATORS, IndicatorFormat, IndicatorId, STAGES } from "../engine/indicatorCatalog";
import { Scorecard } from "../engine/scorecard";
import { MONTHS } from "../engine/period";
import { FORECAST_METHODS, ForecastMethod } from "../engine/revenueForecast";
import { AT_RISK_MARGIN, Status } from "../engine/status";
import { ColumnOf, Role, TableMapping } from "../engine/tableMapping";
import { DEFAULT_DIRECTIONS } from "../engine/valueTiers";
import { CUSTOM_FUNCTION_ARGUMENTS_LIMIT, blockBytes, listBytes, megabytes } from "./argumentSize";
import {
  DataRefs,
  ForecastCells,
  SpanCells,
  customerModelFormula,
  customerRevenueFormula,
  indicatorFormulas,
  latestSaleFormula,
  leadSourceFormula,
  priorYearFormula,
  runRateFormula,
  segmentFormula,
  textLiteral,
} from "./indicatorFormulas";
import { forecastHeadline } from "./forecastWords";
import { LABELS, Language } from "./labels";
import { absolute, cellAddress, columnReference, excelSheetName } from "./references";

export type CellStyle =
  | "title"
  | "subtitle"
  | "marker"
  | "section"
  | "header"
  | "label"
  | "input"
  | "body"
  | "note"
  | "snapshot";
export type NumberFormatKind = IndicatorFormat | "date" | "score" | "general";

/**
 * Number formats in Excel's invariant (en-US) codes; Excel shows separators by its locale. Dates
 * use the built-in short date (number format 14), which Excel shows in the locale's own order:
 * "m/d/yyyy" is how Office.js names it; the file writer maps it to id 14 itself.
 */
export const NUMBER_FORMATS: Record<NumberFormatKind, string> = {
  money: "#,##0.00",
  count: "#,##0",
  percent: "0.0%",
  index: "#,##0",
  date: "m/d/yyyy",
  score: "0.0",
  general: "General",
};

export type CellResult = string | number | null;

/** A dynamic array's extent from its formula's cell, and what the engine says fills it. */
export interface Spill {
  readonly rows: number;
  readonly columns: number;
  /** results[i][j]: row i, column j of the spill, the formula's own cell first. */
  readonly results: readonly (readonly CellResult[])[];
  /** The number format of each column, when they differ from the formula cell's. */
  readonly formats?: readonly NumberFormatKind[];
}

export interface PlanCell {
  readonly row: number;
  readonly column: number;
  /** A constant; or, with a formula, absent. */
  readonly value?: CellResult;
  /** Formula text without "=", in Excel's en-US syntax; LET variables carry the § sigil. */
  readonly formula?: string;
  /** What a one-cell formula evaluates to, as the engine computed it, cached in files. */
  readonly result?: CellResult;
  /** For a formula that fills more than its cell (a dynamic array). */
  readonly spill?: Spill;
  readonly format?: NumberFormatKind;
  readonly style?: CellStyle;
}

export interface StatusRule {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly texts: Record<Status, string>;
}

/** Why a part of the sheet holds values computed at the build instead of live formulas. */
export type SnapshotReason = "per_customer" | "arguments_too_large" | "past_periods";

/** A part of the sheet computed at the build: an indicator by id, or a block. */
export interface Snapshot {
  readonly subject:
    | IndicatorId
    | "customer_value"
    | "value_scores"
    | "tier_activation"
    | "backtest"
    | "customers_to_call";
  readonly reason: SnapshotReason;
}

export interface ScorecardPlan {
  readonly sheetName: string;
  /** The cell and text that mark a sheet as made by SPEC Scorecard. */
  readonly marker: { readonly row: number; readonly column: number; readonly text: string };
  readonly cells: readonly PlanCell[];
  readonly columnWidths: readonly number[];
  /** Rows kept in view while scrolling: the title block. */
  readonly frozenRows: number;
  readonly statusRule: StatusRule;
  /** What holds values computed at the build rather than live formulas, and why. */
  readonly snapshots: readonly Snapshot[];
  /** Ranges (first row, last row, label column, value columns) the task pane draws charts from. */
  readonly charts: {
    readonly funnel: { readonly firstRow: number; readonly lastRow: number } | null;
    readonly pareto: {
      readonly firstRow: number;
      readonly lastRow: number;
      readonly labelColumn: number;
      readonly valueColumn: number;
    } | null;
  };
}

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
      default:
        return L.indicators[s.subject];
    }
  };
  return L.snapshot.built.replace("{parts}", plan.snapshots.map(name).join("; "));
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

/** Customers listed for the Pareto chart. */
export const TOP_CUSTOMERS = 20;

/** Indicators that are each customer's own sums compared: no formula keeps them live at this cost. */
const PER_CUSTOMER: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  "sales.upsell_customers",
  "sales.upsell_revenue",
  "svc.lapsing_customers",
]);

const COLUMN = {
  label: 1,
  value: 2,
  previous: 3,
  change: 4,
  target: 5,
  status: 6,
  forecast: 7,
  note: 8,
} as const;

/** Rows of the parameter block, and of the legend under it. */
const P = {
  asOf: 4,
  months: 5,
  start: 6,
  end: 7,
  previousStart: 8,
  previousEnd: 9,
  beforePreviousStart: 10,
  beforePreviousEnd: 11,
  daysInPeriod: 12,
  elapsed: 13,
  window: 14,
  minPurchases: 15,
  minAmount: 16,
  tierA: 17,
  tierB: 18,
  legend: 19,
} as const;

const param = (row: number): string => absolute(row, COLUMN.value);
const resultOf = (v: number | null): number | string => (v === null ? "" : v);

export function buildScorecardPlan(
  card: Scorecard,
  mapping: TableMapping,
  language: Language
): ScorecardPlan {
  const L = LABELS[language];
  const refs = dataRefs(mapping);
  if (refs === null) throw new Error("a scorecard plan needs a mapped sales table");
  const cells: PlanCell[] = [];
  const put = (cell: PlanCell): void => {
    cells.push(cell);
  };
  const snapshots: Snapshot[] = [];
  const p = card.period;
  const s = card.settings;

  // What one call of a custom function over the sales table would pass to it.
  const bytesOf = <R extends Role>(role: R, c: ColumnOf<R>): number =>
    listBytes(mappedColumn(mapping, role, c)?.cells ?? []);
  const [customerBytes, dateBytes, amountBytes] = [
    bytesOf("sales", "customer"),
    bytesOf("sales", "date"),
    bytesOf("sales", "amount"),
  ];
  const salesBytes = customerBytes + dateBytes + amountBytes;
  const activationBytes = salesBytes + bytesOf("customers", "id");
  const concentrationBytes = customerBytes + amountBytes;
  const tooLarge = (bytes: number): boolean => bytes > CUSTOM_FUNCTION_ARGUMENTS_LIMIT;
  const snapshotNote = (reason: Exclude<SnapshotReason, "past_periods">, bytes = 0): string =>
    reason === "per_customer"
      ? L.snapshot.perCustomer
      : L.snapshot.argumentsTooLarge.replace("{size}", megabytes(bytes));

  put({ row: 1, column: 1, value: L.title, style: "title" });
  put({ row: 2, column: 1, value: L.subtitle, style: "subtitle" });
  put({ row: 3, column: 1, value: MARKER_TEXT, style: "marker" });

  // Parameters: every formula below reads these cells, so editing one recomputes the sheet.
  const parameter = (row: number, label: string, cell: Omit<PlanCell, "row" | "column">): void => {
    put({ row, column: COLUMN.label, value: label, style: "label" });
    put({ row, column: COLUMN.value, ...cell });
  };
  // The latest sales date, live, unless the analyst fixed the as-of date.
  parameter(
    P.asOf,
    L.parameters.asOf,
    card.asOfGiven
      ? { value: p.asOf, format: "date", style: "input" }
      : { formula: latestSaleFormula(refs), result: p.asOf, format: "date", style: "input" }
  );
  parameter(P.months, L.parameters.period, {
    value: MONTHS[p.kind],
    format: "general",
    style: "input",
  });
  put({ row: P.months, column: COLUMN.previous, value: L.periodKinds[p.kind], style: "note" });
  parameter(P.start, L.parameters.periodStart, {
    formula: `DATE(YEAR(${param(P.asOf)}),INT((MONTH(${param(P.asOf)})-1)/${param(P.months)})*${param(P.months)}+1,1)`,
    result: p.current.start,
    format: "date",
  });
  parameter(P.end, L.parameters.periodEnd, {
    formula: `EDATE(${param(P.start)},${param(P.months)})-1`,
    result: p.full.end,
    format: "date",
  });
  parameter(P.previousStart, L.parameters.previousStart, {
    formula: `EDATE(${param(P.start)},-${param(P.months)})`,
    result: p.previous.start,
    format: "date",
  });
  parameter(P.previousEnd, L.parameters.previousEnd, {
    formula: `MIN(${param(P.previousStart)}+(${param(P.asOf)}-${param(P.start)}),${param(P.start)}-1)`,
    result: p.previous.end,
    format: "date",
  });
  parameter(P.beforePreviousStart, L.parameters.beforePreviousStart, {
    formula: `EDATE(${param(P.previousStart)},-${param(P.months)})`,
    result: p.beforePrevious.start,
    format: "date",
  });
  parameter(P.beforePreviousEnd, L.parameters.beforePreviousEnd, {
    formula: `MIN(${param(P.beforePreviousStart)}+(${param(P.previousEnd)}-${param(P.previousStart)}),${param(P.previousStart)}-1)`,
    result: p.beforePrevious.end,
    format: "date",
  });
  parameter(P.daysInPeriod, L.parameters.daysInPeriod, {
    formula: `${param(P.end)}-${param(P.start)}+1`,
    result: p.daysInPeriod,
    format: "count",
  });
  parameter(P.elapsed, L.parameters.elapsedDays, {
    formula: `${param(P.asOf)}-${param(P.start)}+1`,
    result: p.elapsedDays,
    format: "count",
  });
  parameter(P.window, L.parameters.window, {
    value: s.activation.windowDays,
    format: "count",
    style: "input",
  });
  parameter(P.minPurchases, L.parameters.minPurchases, {
    value: s.activation.minPurchases,
    format: "count",
    style: "input",
  });
  parameter(P.minAmount, L.parameters.minAmount, {
    value: s.activation.minAmount,
    format: "money",
    style: "input",
  });
  parameter(P.tierA, `${L.breakdowns.tier} A`, {
    value: s.value.tierShares.a,
    format: "percent",
    style: "input",
  });
  parameter(P.tierB, `${L.breakdowns.tier} B`, {
    value: s.value.tierShares.b,
    format: "percent",
    style: "input",
  });
  put({ row: P.legend, column: COLUMN.label, value: L.snapshot.legend, style: "snapshot" });

  const now: SpanCells = { start: param(P.start), end: param(P.asOf), periodEnd: param(P.end) };
  const before: SpanCells = {
    start: param(P.previousStart),
    end: param(P.previousEnd),
    periodEnd: `${param(P.start)}-1`,
  };
  const parameters = {
    window: param(P.window),
    minPurchases: param(P.minPurchases),
    minAmount: param(P.minAmount),
  };

  // The indicator table.
  const headerRow = 20;
  const headers = [
    L.columns.indicator,
    L.columns.value,
    L.columns.previous,
    L.columns.change,
    L.columns.target,
    L.columns.status,
    L.columns.forecast,
    L.columns.note,
  ];
  headers.forEach((h, j) => put({ row: headerRow, column: j + 1, value: h, style: "header" }));
  let row = headerRow + 1;
  const rowOf: Partial<Record<IndicatorId, number>> = {};
  for (const stage of STAGES) {
    put({ row: row++, column: 1, value: L.stages[stage], style: "section" });
    for (const info of INDICATORS.filter((i) => i.stage === stage)) rowOf[info.id] = row++;
  }
  const lastIndicatorRow = row - 1;
  const indicatorCells = {
    now: (id: IndicatorId): string => cellAddress(rowOf[id] as number, COLUMN.value),
    before: (id: IndicatorId): string => cellAddress(rowOf[id] as number, COLUMN.previous),
    both: (id: IndicatorId): string =>
      `${cellAddress(rowOf[id] as number, COLUMN.value)}:${cellAddress(rowOf[id] as number, COLUMN.previous)}`,
  };
  // The forecast block and the customers to call, right under the indicators.
  const forecastBlock = forecastRows(lastIndicatorRow + 2, card, refs.margin !== undefined);
  const statusTexts = L.statuses;
  for (const result of card.indicators) {
    const r = rowOf[result.info.id] as number;
    const info = result.info;
    put({ row: r, column: COLUMN.label, value: L.indicators[info.id], style: "label" });
    const formulas = indicatorFormulas(info.id, refs, { now, before }, parameters, indicatorCells);
    const value = cellAddress(r, COLUMN.value);
    const previous = cellAddress(r, COLUMN.previous);
    const target = cellAddress(r, COLUMN.target);
    const forecast = cellAddress(r, COLUMN.forecast);
    // Live, computed at the build (and why), or not available.
    const bytes =
      info.id === "svc.activation_rate"
        ? activationBytes
        : info.id === "svc.expected_revenue"
          ? salesBytes
          : concentrationBytes;
    const snapshot: SnapshotReason | null = PER_CUSTOMER.has(info.id)
      ? "per_customer"
      : formulas?.kind === "each" && tooLarge(bytes)
        ? "arguments_too_large"
        : null;
    if (snapshot === null && formulas === null) {
      put({ row: r, column: COLUMN.value, value: "", format: info.format });
      put({
        row: r,
        column: COLUMN.note,
        value: result.reason === null ? "" : L.reasons[result.reason],
        style: "note",
      });
      continue;
    }
    if (snapshot !== null) {
      snapshots.push({ subject: info.id, reason: snapshot });
      put({
        row: r,
        column: COLUMN.value,
        value: resultOf(result.value),
        format: info.format,
        style: "snapshot",
      });
      put({
        row: r,
        column: COLUMN.previous,
        value: resultOf(result.previous),
        format: info.format,
        style: "snapshot",
      });
      put({ row: r, column: COLUMN.note, value: snapshotNote(snapshot, bytes), style: "note" });
    } else if (formulas?.kind === "both") {
      // One formula gives the value and, beside it, the previous comparable value.
      put({
        row: r,
        column: COLUMN.value,
        formula: formulas.formula,
        spill: {
          rows: 1,
          columns: 2,
          results: [[resultOf(result.value), resultOf(result.previous)]],
        },
        format: info.format,
        style: "body",
      });
    } else if (formulas?.kind === "each") {
      put({
        row: r,
        column: COLUMN.value,
        formula: formulas.now,
        result: resultOf(result.value),
        format: info.format,
        style: "body",
      });
      put({
        row: r,
        column: COLUMN.previous,
        formula: formulas.before,
        result: resultOf(result.previous),
        format: info.format,
        style: "body",
      });
    }
    put({
      row: r,
      column: COLUMN.change,
      formula: `IF(AND(ISNUMBER(${value}),ISNUMBER(${previous})),${value}-${previous},"")`,
      result: resultOf(result.change),
      format: info.format === "percent" ? "percent" : info.format,
      style: "body",
    });
    put({
      row: r,
      column: COLUMN.target,
      value: result.target ?? "",
      format: info.format,
      style: "input",
    });
    if (info.id === "revenue") {
      // The headline: the method the backtest chose, from the forecast block below.
      put({
        row: r,
        column: COLUMN.forecast,
        formula: forecastBlock.methodCell(card.revenueForecasts.chosen),
        result: resultOf(result.forecast),
        format: info.format,
        style: "body",
      });
    } else if (info.flow) {
      put({
        row: r,
        column: COLUMN.forecast,
        formula: runRateFormula(value, param(P.daysInPeriod), param(P.elapsed)),
        result: resultOf(result.forecast),
        format: info.format,
        style: "body",
      });
    }
    const basis = info.flow ? forecast : value;
    const slack = `${AT_RISK_MARGIN}*ABS(${target})`;
    const [better, withinSlack] = info.lowerIsBetter
      ? [`${basis}<=${target}`, `${basis}<=${target}+${slack}`]
      : [`${basis}>=${target}`, `${basis}>=${target}-${slack}`];
    put({
      row: r,
      column: COLUMN.status,
      formula: `IF(OR(${target}="",NOT(ISNUMBER(${basis}))),"",IF(${better},${textLiteral(statusTexts.on_track)},IF(${withinSlack},${textLiteral(statusTexts.at_risk)},${textLiteral(statusTexts.off_track)})))`,
      result: result.status === null ? "" : statusTexts[result.status],
      style: "body",
    });
    if (snapshot === null && result.value === null && result.reason !== null)
      put({ row: r, column: COLUMN.note, value: L.reasons[result.reason], style: "note" });
  }

  const table = (title: string, columnHeaders: string[]): void => {
    put({ row: row++, column: 1, value: title, style: "section" });
    columnHeaders.forEach((h, j) => put({ row, column: j + 1, value: h, style: "header" }));
    row++;
  };

  // Revenue to the period end by each method (live), their backtests (computed at the build), the chosen one.
  row = forecastBlock.firstRow;
  {
    const f = card.revenueForecasts;
    const tested = f.backtest;
    snapshots.push({ subject: "backtest", reason: "past_periods" });
    put({ row: row++, column: 1, value: L.forecasts.title, style: "section" });
    const headline = forecastHeadline(f, L, language);
    put({ row: row++, column: 1, value: headline, style: "note" });
    const headers = [
      L.forecasts.method,
      L.forecasts.forecast,
      L.forecasts.backtestError,
      ...tested.map((b) =>
        L.forecasts.periodError.replace("{start}", periodName(p.kind, b.start, language))
      ),
    ];
    headers.forEach((h, j) => put({ row, column: j + 1, value: h, style: "header" }));
    put({ row: row++, column: COLUMN.note, value: L.columns.note, style: "header" });
    const revenueCell = indicatorCells.now("revenue");
    const cellsOf: ForecastCells = {
      start: param(P.start),
      months: param(P.months),
      daysInPeriod: param(P.daysInPeriod),
      elapsed: param(P.elapsed),
      asOf: param(P.asOf),
    };
    const live: Record<ForecastMethod, string> = {
      run_rate: runRateFormula(revenueCell, param(P.daysInPeriod), param(P.elapsed)),
      prior_year: priorYearFormula(refs, refs.amount, revenueCell, cellsOf),
      customer_model: customerModelFormula(
        refs,
        revenueCell,
        indicatorCells.now("svc.expected_revenue"),
        cellsOf
      ),
    };
    for (const method of FORECAST_METHODS) {
      const m = f.methods[method];
      put({ row, column: 1, value: L.forecasts.methods[method], style: "label" });
      put({
        row,
        column: 2,
        formula: live[method],
        result: resultOf(m.value),
        format: "money",
        style: "body",
      });
      put({
        row,
        column: 3,
        value: resultOf(m.backtestError),
        format: "percent",
        style: "snapshot",
      });
      tested.forEach((b, j) => {
        const forecast = b.forecasts[method];
        put({
          row,
          column: 4 + j,
          value: forecast === null ? "" : Math.abs(forecast - b.actual) / b.actual,
          format: "percent",
          style: "snapshot",
        });
      });
      const note =
        method === f.chosen
          ? L.forecasts.chosenNote
          : m.value === null
            ? method === "prior_year"
              ? L.forecasts.priorYearUnavailable
              : L.reasons[
                  card.indicators.find((i) => i.info.id === "svc.expected_revenue")?.reason ??
                    "model_not_fitted"
                ]
            : tested.length > 0 && m.backtestError === null
              ? L.forecasts.untested
              : "";
      put({ row, column: COLUMN.note, value: note, style: "note" });
      row++;
    }
    if (tested.length > 0) {
      put({ row, column: 1, value: L.forecasts.actual, style: "label" });
      tested.forEach((b, j) =>
        put({ row, column: 4 + j, value: b.actual, format: "money", style: "snapshot" })
      );
      row++;
    }
    if (refs.margin !== undefined) {
      put({ row, column: 1, value: L.forecasts.marginPriorYear, style: "label" });
      put({
        row,
        column: 2,
        formula: priorYearFormula(refs, refs.margin, indicatorCells.now("margin"), cellsOf),
        result: resultOf(card.marginPriorYear),
        format: "money",
        style: "body",
      });
      put({ row, column: COLUMN.note, value: L.forecasts.marginNote, style: "note" });
      row++;
    }
    if (row - 1 !== forecastBlock.lastRow)
      throw new Error("scorecard layout: the forecast block moved");
    row++;
  }

  // The customers to call: lapsing, the most revenue at stake first (computed at the build).
  {
    const list = card.customersToCall;
    snapshots.push({ subject: "customers_to_call", reason: "per_customer" });
    table(L.toCall.title, [
      L.toCall.customer,
      L.toCall.lastPurchase,
      L.toCall.lapseDay,
      L.toCall.pAlive,
      L.toCall.expectedRevenue,
    ]);
    put({ row: row - 2, column: COLUMN.note, value: L.toCall.note, style: "note" });
    for (const c of list.customers) {
      put({ row, column: 1, value: card.customerLabels[c.customer], style: "label" });
      put({ row, column: 2, value: c.lastPurchase, format: "date", style: "snapshot" });
      put({ row, column: 3, value: c.lapseDay, format: "date", style: "snapshot" });
      put({ row, column: 4, value: resultOf(c.pAlive), format: "percent", style: "snapshot" });
      put({
        row,
        column: 5,
        value: resultOf(c.expectedRevenue),
        format: "money",
        style: "snapshot",
      });
      row++;
    }
    if (list.customers.length === 0)
      put({ row: row++, column: 1, value: L.toCall.none, style: "note" });
    if (list.reason !== null)
      put({
        row: row++,
        column: 1,
        value: L.toCall.unranked.replace("{reason}", L.reasons[list.reason]),
        style: "note",
      });
    row++;
  }

  // Breakdowns.
  if (card.bySegment !== null) {
    table(L.breakdowns.bySegment, [
      L.breakdowns.segment,
      L.breakdowns.revenue,
      L.breakdowns.customers,
    ]);
    const formula = segmentFormula(
      refs,
      now,
      card.bySegment.map((seg) => (seg.segment === null ? "" : textKey(seg.segment)))
    );
    card.bySegment.forEach((seg, i) =>
      put({ row: row + i, column: 1, value: seg.segment ?? L.breakdowns.noSegment, style: "label" })
    );
    if (formula !== null) {
      // One formula fills both columns of every segment: B revenue, C customers.
      put({
        row,
        column: 2,
        formula,
        spill: {
          rows: card.bySegment.length,
          columns: 2,
          results: card.bySegment.map((seg) => [seg.revenue, seg.customers]),
          formats: ["money", "count"],
        },
        format: "money",
        style: "body",
      });
    }
    row += card.bySegment.length + 1;
  }
  let funnel: ScorecardPlan["charts"]["funnel"] = null;
  if (card.byLeadSource !== null) {
    table(L.breakdowns.byLeadSource, [
      L.breakdowns.source,
      L.breakdowns.leads,
      L.breakdowns.converted,
      L.breakdowns.conversion,
    ]);
    const sources = card.byLeadSource;
    const formula = leadSourceFormula(
      refs,
      now,
      sources.map((src) => (src.source === null ? "" : textKey(src.source)))
    );
    // One formula fills the leads and converted leads of every source: B leads, C converted.
    if (formula !== null)
      put({
        row,
        column: 2,
        formula,
        spill: {
          rows: sources.length,
          columns: 2,
          results: sources.map((src) => [src.leads, src.converted]),
        },
        format: "count",
        style: "body",
      });
    for (const src of sources) {
      put({ row, column: 1, value: src.source ?? L.breakdowns.noSource, style: "label" });
      if (formula !== null)
        put({
          row,
          column: 4,
          formula: `IF(N(${cellAddress(row, 2)})=0,"",${cellAddress(row, 3)}/${cellAddress(row, 2)})`,
          result: src.leads === 0 ? "" : src.converted / src.leads,
          format: "percent",
          style: "body",
        });
      row++;
    }
    row++;
    // The funnel: leads, converted leads, new customers, as the chart draws them.
    table(L.breakdowns.funnel, ["", L.columns.value]);
    const first = row;
    const leadsRow = rowOf["mkt.leads"] as number;
    const conversionRow = rowOf["mkt.lead_conversion"] as number;
    const newRow = rowOf["sales.new_customers"] as number;
    const leads = card.indicators.find((i) => i.info.id === "mkt.leads")?.value ?? null;
    const conversion =
      card.indicators.find((i) => i.info.id === "mkt.lead_conversion")?.value ?? null;
    const fresh = card.indicators.find((i) => i.info.id === "sales.new_customers")?.value ?? null;
    put({ row, column: 1, value: L.breakdowns.leads, style: "label" });
    put({
      row: row++,
      column: 2,
      formula: cellAddress(leadsRow, COLUMN.value),
      result: resultOf(leads),
      format: "count",
      style: "body",
    });
    put({ row, column: 1, value: L.breakdowns.converted, style: "label" });
    put({
      row: row++,
      column: 2,
      formula: `IF(ISNUMBER(${cellAddress(conversionRow, COLUMN.value)}),ROUND(${cellAddress(leadsRow, COLUMN.value)}*${cellAddress(conversionRow, COLUMN.value)},0),0)`,
      result: leads !== null && conversion !== null ? Math.round(leads * conversion) : 0,
      format: "count",
      style: "body",
    });
    put({ row, column: 1, value: L.indicators["sales.new_customers"], style: "label" });
    put({
      row: row++,
      column: 2,
      formula: cellAddress(newRow, COLUMN.value),
      result: resultOf(fresh),
      format: "count",
      style: "body",
    });
    funnel = { firstRow: first, lastRow: row - 1 };
    row++;
  }

  // Concentration: the top customers of the period, live revenue, for the Pareto chart.
  const top = Array.from(card.revenueByCustomer.keys())
    .filter((c) => card.revenueByCustomer[c] > 0)
    .sort((x, y) => card.revenueByCustomer[y] - card.revenueByCustomer[x] || x - y)
    .slice(0, TOP_CUSTOMERS);
  let pareto: ScorecardPlan["charts"]["pareto"] = null;
  if (top.length > 0) {
    table(L.breakdowns.topCustomers, [
      L.value.customer,
      L.breakdowns.revenue,
      L.breakdowns.cumulativeShare,
    ]);
    const first = row;
    const total = card.indicators.find((i) => i.info.id === "revenue")?.value ?? 0;
    top.forEach((code, i) =>
      put({ row: first + i, column: 1, value: card.customerLabels[code], style: "label" })
    );
    put({
      row: first,
      column: 2,
      formula: customerRevenueFormula(
        refs,
        now,
        `${absolute(first, 1)}:${absolute(first + top.length - 1, 1)}`
      ),
      spill: {
        rows: top.length,
        columns: 1,
        results: top.map((code) => [card.revenueByCustomer[code]]),
      },
      format: "money",
      style: "body",
    });
    let running = 0;
    for (const code of top) {
      running += card.revenueByCustomer[code];
      put({
        row,
        column: 3,
        formula: `IFERROR(SUM(${absolute(first, 2)}:${cellAddress(row, 2)})/${cellAddress(rowOf.revenue as number, COLUMN.value)},"")`,
        result: total !== 0 ? running / total : "",
        format: "percent",
        style: "body",
      });
      row++;
    }
    pareto = { firstRow: first, lastRow: row - 1, labelColumn: 1, valueColumn: 2 };
    row++;
  }

  // Value tiers: live activation per tier through SPEC.ACTIVATION_RATE with the tier as base.
  const v = card.value;
  const k = v.attributes.length;
  const valueHeaderRow = row + 10; // below the tier table (5 rows), a blank, title, note, weights, directions
  const firstCustomerRow = valueHeaderRow + 1;
  const lastCustomerRow = firstCustomerRow + Math.max(v.customers.length, 1) - 1;
  const customerColumn = 1;
  const revenueColumn = 2 + k;
  const scoreColumn = revenueColumn + 1;
  const tierColumn = scoreColumn + 1;
  const rangeOf = (col: number): string =>
    `${absolute(firstCustomerRow, col)}:${absolute(lastCustomerRow, col)}`;
  const tierBaseBytes =
    activationBytes +
    listBytes(
      v.customers.length === 0 ? [] : Array.from(v.customers, (c) => card.customerLabels[c])
    );
  const tierActivationLive = !tooLarge(tierBaseBytes);
  if (!tierActivationLive)
    snapshots.push({ subject: "tier_activation", reason: "arguments_too_large" });
  table(L.breakdowns.tiers, [
    L.breakdowns.tier,
    L.breakdowns.customers,
    L.breakdowns.revenueShare,
    L.breakdowns.activation,
    L.breakdowns.channel,
  ]);
  for (const t of card.tiers) {
    const tier = textLiteral(t.tier);
    put({ row, column: 1, value: t.tier, style: "label" });
    put({
      row,
      column: 2,
      formula: `COUNTIF(${rangeOf(tierColumn)},${tier})`,
      result: t.customers,
      format: "count",
      style: "body",
    });
    put({
      row,
      column: 3,
      formula: `IFERROR(SUMIFS(${rangeOf(revenueColumn)},${rangeOf(tierColumn)},${tier})/${cellAddress(rowOf.revenue as number, COLUMN.value)},"")`,
      result: resultOf(t.revenueShare),
      format: "percent",
      style: "body",
    });
    if (tierActivationLive) {
      put({
        row,
        column: 4,
        formula: `IFERROR(SPEC.ACTIVATION_RATE(${refs.customer},${refs.date},${refs.amount},${param(P.asOf)},${param(P.window)},${param(P.minPurchases)},${param(P.minAmount)},FILTER(${rangeOf(customerColumn)},${rangeOf(tierColumn)}=${tier})),"")`,
        result: resultOf(t.activation),
        format: "percent",
        style: "body",
      });
    } else
      put({ row, column: 4, value: resultOf(t.activation), format: "percent", style: "snapshot" });
    put({ row, column: 5, value: L.channels[t.channel], style: "body" });
    row++;
  }

  // The customer value block: attributes and revenue computed at the build, live scores and tiers.
  const scoresBytes = blockBytes(v.values, k);
  const scoresLive = !tooLarge(scoresBytes);
  snapshots.push({ subject: "customer_value", reason: "per_customer" });
  if (!scoresLive) snapshots.push({ subject: "value_scores", reason: "arguments_too_large" });
  row++;
  put({ row: row++, column: 1, value: L.value.title, style: "section" });
  put({
    row: row++,
    column: 1,
    value: scoresLive
      ? L.value.note
      : `${L.value.note} ${snapshotNote("arguments_too_large", scoresBytes)}`,
    style: "note",
  });
  const weightRow = row++;
  const directionRow = row++;
  put({ row: weightRow, column: 1, value: L.value.weight, style: "label" });
  put({ row: directionRow, column: 1, value: L.value.direction, style: "label" });
  v.attributes.forEach((a, j) => {
    put({ row: weightRow, column: 2 + j, value: v.weights[j], format: "general", style: "input" });
    put({
      row: directionRow,
      column: 2 + j,
      value: v.directions[j] ?? DEFAULT_DIRECTIONS[a],
      format: "general",
      style: "input",
    });
  });
  if (row !== valueHeaderRow) throw new Error("scorecard layout: the customer value block moved");
  put({ row, column: customerColumn, value: L.value.customer, style: "header" });
  v.attributes.forEach((a, j) =>
    put({ row, column: 2 + j, value: L.attributes[a], style: "header" })
  );
  put({ row, column: revenueColumn, value: L.value.revenueNow, style: "header" });
  put({ row, column: scoreColumn, value: L.value.score, style: "header" });
  put({ row, column: tierColumn, value: L.value.tier, style: "header" });
  const attributeRange = `${absolute(firstCustomerRow, 2)}:${absolute(lastCustomerRow, 1 + k)}`;
  const weights = `${absolute(weightRow, 2)}:${absolute(weightRow, 1 + k)}`;
  const directions = `${absolute(directionRow, 2)}:${absolute(directionRow, 1 + k)}`;
  const scoreCell = (r: number): string => cellAddress(r, scoreColumn);
  const scores = rangeOf(scoreColumn);
  // A customer is in tier A when its rank is within round(A share × scored), which is the same as
  // scoring at least the k-th largest score: one LARGE per tier instead of a RANK per customer
  // (O(customers²) in Excel). With k = 0 the threshold is "" and no number reaches it.
  const threshold = (r: number, share: string, value: number | string): void => {
    put({ row: r, column: COLUMN.change, value: L.value.scoreThreshold, style: "note" });
    put({
      row: r,
      column: COLUMN.target,
      formula: `IFERROR(LARGE(${scores},ROUND(COUNT(${scores})*${share},0)),"")`,
      result: value,
      format: "score",
      style: "body",
    });
  };
  threshold(P.tierA, param(P.tierA), v.tierThresholds.a ?? "");
  threshold(P.tierB, `(${param(P.tierA)}+${param(P.tierB)})`, v.tierThresholds.ab ?? "");
  const thresholdA = absolute(P.tierA, COLUMN.target);
  const thresholdAB = absolute(P.tierB, COLUMN.target);
  const money = new Set(["volume", "margin", "serviceCost"]);
  v.customers.forEach((code, i) => {
    const r = firstCustomerRow + i;
    put({ row: r, column: customerColumn, value: card.customerLabels[code] ?? "", style: "body" });
    for (let j = 0; j < k; j++) {
      const x = v.values[i * k + j];
      put({
        row: r,
        column: 2 + j,
        value: x === x ? x : "",
        format: money.has(v.attributes[j]) ? "money" : "count",
        style: "snapshot",
      });
    }
    put({
      row: r,
      column: revenueColumn,
      value: card.revenueByCustomer[code],
      format: "money",
      style: "snapshot",
    });
    put({
      row: r,
      column: tierColumn,
      formula: `IF(NOT(ISNUMBER(${scoreCell(r)})),"C",IF(${scoreCell(r)}>=${thresholdA},"A",IF(${scoreCell(r)}>=${thresholdAB},"B","C")))`,
      result: v.tiers[i],
      style: "body",
    });
    if (!scoresLive)
      put({
        row: r,
        column: scoreColumn,
        value: v.scores[i] === v.scores[i] ? v.scores[i] : "",
        format: "score",
        style: "snapshot",
      });
  });
  if (v.customers.length > 0 && scoresLive) {
    put({
      row: firstCustomerRow,
      column: scoreColumn,
      // An empty cell reaches a custom function as 0 in Excel desktop: written as "", it stays blank.
      formula: `SPEC.CUSTOMER_VALUE(IF(${attributeRange}="","",${attributeRange}),${weights},${directions})`,
      spill: {
        rows: v.customers.length,
        columns: 1,
        results: Array.from(v.scores, (x) => [x === x ? x : ""]),
      },
      format: "score",
      style: "body",
    });
  }

  return {
    sheetName: SCORECARD_SHEET,
    marker: { row: 3, column: 1, text: MARKER_TEXT },
    cells,
    columnWidths: [44, 16, 18, 14, 14, 14, 22, 60, 14, 14, 14, 14],
    frozenRows: 3,
    statusRule: {
      column: COLUMN.status,
      firstRow: headerRow + 1,
      lastRow: lastIndicatorRow,
      texts: statusTexts,
    },
    snapshots,
    charts: { funnel, pareto },
  };
}

/** Where the forecast block goes: its first and last rows, and the cell of each method's live forecast. */
function forecastRows(
  firstRow: number,
  card: Scorecard,
  hasMargin: boolean
): { firstRow: number; lastRow: number; methodCell: (m: ForecastMethod) => string } {
  // Title, headline, header, then a row per method.
  const methodRow = (m: ForecastMethod): number => firstRow + 3 + FORECAST_METHODS.indexOf(m);
  let last = firstRow + 2 + FORECAST_METHODS.length;
  if (card.revenueForecasts.backtest.length > 0) last++;
  if (hasMargin) last++;
  return { firstRow, lastRow: last, methodCell: (m) => cellAddress(methodRow(m), 2) };
}

/** A period's short name: 2024-07, Q3 2024 (T3 in Spanish), 2024. */
export function periodName(kind: keyof typeof MONTHS, start: number, language: Language): string {
  const { year, month } = serialToParts(start);
  if (kind === "year") return String(year);
  if (kind === "month") return `${year}-${String(month).padStart(2, "0")}`;
  return `${language === "es" ? "T" : "Q"}${Math.floor((month - 1) / 3) + 1} ${year}`;
}
