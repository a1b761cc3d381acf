/**
 * The live sheet reads the analyst's text as the engine does (SPEC.md §3.5): a mapped column
 * whose text the data check converted (dates in the column's order, numbers with its decimal
 * mark) or whose total rows it left out is read through a helper column on the Scorecard sheet —
 * one formula that converts the whole source column by the same rules, spilling one value per
 * row — and every formula reads the helper instead of the source column. The helpers sit in
 * hidden columns to the right of the sheet's content; the source tables stay untouched.
 */
import { DateOrder } from "../core/dateText";
import { textKeyFormula } from "../core/textKey";
import { ColumnOf, Role, TableMapping } from "../engine/tableMapping";
import { LIVE_COLUMNS, TOTAL_KEYS, TextReading } from "../engine/textReading";
import { DataRefs, LET_VARIABLE, textColumn, textLiteral } from "../engine/formulaText";
import { absolute, columnReference } from "./references";
import type { CellResult, NumberFormatKind, PlanCell } from "./planCells";

/** The first helper column: right of everything else the sheet holds (its widest block ends at L). */
export const HELPER_FIRST_COLUMN = 14;
/** A worksheet's last row. */
const SHEET_ROWS = 1048576;
/** The helpers' label row; their values spill from the row below. */
const LABEL_ROW = 1;

const v = (name: string): string => `${LET_VARIABLE}${name}`;

/** The DataRefs a helper can stand in for, and the mapped column each reads. */
const READ_THROUGH = LIVE_COLUMNS as readonly (readonly [keyof DataRefs, Role, string])[];

/** A two-digit year as Excel reads it, in a formula: 00–29 → 20xx, 30–99 → 19xx. */
const fullYear = (y: string): string => `(${y}+IF(${y}<100,IF(${y}<30,2000,1900),0))`;

/** Text dates (yyyy-mm-dd, d/m/y in the column's order, any of / - . between the parts) as serials. */
export function dateReadingFormula(source: string, order: DateOrder): string {
  const [a, b, c] = [v("a"), v("b"), v("c")];
  const day =
    order === "dmy"
      ? `DATE(${fullYear(c)},${b},${a})`
      : order === "mdy"
        ? `DATE(${fullYear(c)},${a},${b})`
        : `DATE(${fullYear(a)},${b},${c})`;
  return (
    `LET(${v("x")},${source},` +
    `${v("t")},SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${v("x")}&""),"-","/"),".","/"),"T"," "),` +
    `${v("d")},LEFT(${v("t")},FIND(" ",${v("t")}&" ")-1),` +
    `${v("p")},IFERROR(FIND("/",${v("d")}),1),${v("q")},IFERROR(FIND("/",${v("d")},${v("p")}+1),1),` +
    `${a},IFERROR(VALUE(LEFT(${v("d")},${v("p")}-1)),0),` +
    `${b},IFERROR(VALUE(MID(${v("d")},${v("p")}+1,${v("q")}-${v("p")}-1)),0),` +
    `${c},IFERROR(VALUE(MID(${v("d")},${v("q")}+1,9)),0),` +
    `IF(ISNUMBER(${v("x")}),${v("x")},IF(${v("t")}="",0,IFERROR(IF(${v("p")}=5,DATE(${a},${b},${c}),${day}),${v("x")}))))`
  );
}

/** Text numbers with the column's decimal mark (NUMBERVALUE reads them whatever Excel's locale). */
export function numberReadingFormula(
  source: string,
  decimal: "." | ",",
  blankIsZero: boolean
): string {
  const group = decimal === "." ? "," : ".";
  return (
    `LET(${v("x")},${source},${v("t")},TRIM(${v("x")}&""),` +
    `IF(ISNUMBER(${v("x")}),${v("x")},IF(${v("t")}="",${blankIsZero ? "0" : '""'},` +
    `IFERROR(NUMBERVALUE(${v("t")},${textLiteral(decimal)},${textLiteral(group)}),${v("x")}))))`
  );
}

/** Customer cells with a total row's word (Total, Suma…) made blank: no customer. */
export function totalsReadingFormula(source: string): string {
  return (
    `LET(${v("x")},${source},` +
    `IF(ISNUMBER(XMATCH(${textKeyFormula(v("x"))},${textColumn(TOTAL_KEYS)},0)),"",IF(${v("x")}&""="","",${v("x")})))`
  );
}

function readingFormula(source: string, reading: TextReading): string {
  switch (reading.kind) {
    case "date":
      return dateReadingFormula(source, reading.order);
    case "number":
      return numberReadingFormula(source, reading.decimal, reading.blankIsZero);
    case "totals":
      return totalsReadingFormula(source);
  }
}

/** What a helper caches: the engine's reading of each row (blank as the formula gives it). */
function cached(value: unknown, reading: TextReading): CellResult {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === ""))
    return reading.kind === "totals" || (reading.kind === "number" && !reading.blankIsZero)
      ? ""
      : 0;
  return typeof value === "number" || typeof value === "string" ? value : String(value);
}

export interface TextHelpers {
  /** The DataRefs that read a helper instead of their source column. */
  readonly refs: Partial<DataRefs>;
  readonly cells: readonly PlanCell[];
  /** How many helper columns, from HELPER_FIRST_COLUMN on. */
  readonly count: number;
}

/** The helper columns the mapping's readings need (none when its tables hold no text to read). */
export function textHelpers(mapping: TableMapping, label: (source: string) => string): TextHelpers {
  const refs: Partial<Record<keyof DataRefs, string>> = {};
  const cells: PlanCell[] = [];
  let column = HELPER_FIRST_COLUMN;
  for (const [key, role, name] of READ_THROUGH) {
    const m = mapping[role];
    const j =
      m === undefined
        ? undefined
        : (m.columns as Record<string, number | undefined>)[name as ColumnOf<Role>];
    if (m === undefined || j === undefined) continue;
    const reading = m.table.readings?.[j] ?? null;
    if (reading === null) continue;
    const source = columnReference(m.table, j);
    const rows = Math.max(1, m.table.rowCount);
    const values = m.table.columns[j] ?? [];
    const format: NumberFormatKind = reading.kind === "date" ? "date" : "general";
    cells.push({ row: LABEL_ROW, column, value: label(source), style: "note" });
    cells.push({
      row: LABEL_ROW + 1,
      column,
      formula: readingFormula(source, reading),
      format,
      spill: {
        rows,
        columns: 1,
        results: Array.from({ length: rows }, (_, i) => [cached(values[i], reading)]),
      },
    });
    const first = absolute(LABEL_ROW + 1, column);
    // An Excel table grows: the helper's range follows its rows; a plain range stays as read.
    refs[key] = m.table.isExcelTable
      ? `${first}:INDEX(${first}:${absolute(SHEET_ROWS, column)},ROWS(${source}))`
      : `${first}:${absolute(LABEL_ROW + rows, column)}`;
    column++;
  }
  return { refs, cells, count: column - HELPER_FIRST_COLUMN };
}

/** The sheet's column widths with the helpers' hidden (width 0), after a narrow spacer. */
export function withHelperWidths(widths: readonly number[], helpers: TextHelpers): number[] {
  if (helpers.count === 0) return [...widths];
  const spacer = new Array<number>(Math.max(0, HELPER_FIRST_COLUMN - 1 - widths.length)).fill(2);
  return [...widths, ...spacer, ...new Array<number>(helpers.count).fill(0)];
}
