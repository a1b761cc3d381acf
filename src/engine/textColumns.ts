/**
 * A column's text read as dates or numbers by SPEC.md §3.5, the same rules for every CSV field
 * and every text cell of a workbook: the convention is inferred from all of the column's values
 * (a decimal comma as soon as one value needs it; day first as soon as one first part is over
 * 12), else settled by the caller (--decimal, --date-order) or, for dates, by the language.
 */
import { ErrorValue, FormulaWithoutValue, isBlank } from "../core/cells";
import {
  DateOrder,
  DateShape,
  dateFormatName,
  dateShape,
  isYearFirst,
  orderEvidence,
  shapeSerial,
} from "../core/dateText";
import { DecimalMark, decimalEvidence, numberReadings, readingWith } from "../core/numberText";

/** What the caller settles: from --decimal and --date-order, and the language (es: day first). */
export interface ReadingOptions {
  readonly decimal?: DecimalMark;
  readonly dateOrder?: DateOrder;
  readonly language: "en" | "es";
}

/** Where a convention came from, as the data check says it. */
export type SettledBy = "values" | "table" | "option" | "language";

export interface DatesFound {
  readonly kind: "date";
  /** Cells read from text. */
  readonly texts: number;
  /** The order of day and month (null when every text date was year first). */
  readonly order: DateOrder | null;
  readonly settledBy: SettledBy | null;
  /** How the first text date is written: "dd/mm/yyyy". */
  readonly format: string | null;
}

export interface NumbersFound {
  readonly kind: "number";
  readonly texts: number;
  /** The decimal separator (null when no text needed one: whole numbers). */
  readonly decimal: DecimalMark | null;
  readonly settledBy: SettledBy | null;
}

export type TextFound = DatesFound | NumbersFound;

/** Why a column cannot be read; `row` is the 0-based data row, `other` a second one. */
export type ColumnProblem =
  | {
      readonly kind: "not_a_date";
      readonly row: number;
      readonly text: string;
      readonly format: string | null;
    }
  | {
      readonly kind: "date_before_1900" | "impossible_date";
      readonly row: number;
      readonly text: string;
    }
  | {
      readonly kind: "mixed_date_orders";
      readonly row: number;
      readonly other: number;
      readonly text: string;
      readonly otherText: string;
    }
  | {
      readonly kind: "not_a_number";
      readonly row: number;
      readonly text: string;
      readonly decimal: DecimalMark | null;
    }
  | {
      readonly kind: "mixed_decimals";
      readonly row: number;
      readonly other: number;
      readonly text: string;
      readonly otherText: string;
    }
  | { readonly kind: "ambiguous_decimal"; readonly row: number; readonly text: string }
  | { readonly kind: "error_value"; readonly row: number; readonly text: string }
  | { readonly kind: "formula_without_value" | "blank_date"; readonly row: number }
  | { readonly kind: "boolean"; readonly row: number; readonly text: string };

export type ColumnReading<F extends TextFound> =
  | { readonly ok: true; readonly values: readonly unknown[]; readonly found: F }
  | { readonly ok: false; readonly problem: ColumnProblem };

/** A cell no typed column accepts: an error value, a formula never calculated, a boolean. */
export function cellProblem(v: unknown, row: number): ColumnProblem | null {
  if (v instanceof ErrorValue) return { kind: "error_value", row, text: v.code };
  if (v instanceof FormulaWithoutValue) return { kind: "formula_without_value", row };
  if (typeof v === "boolean") return { kind: "boolean", row, text: v ? "TRUE" : "FALSE" };
  return null;
}

const LANGUAGE_ORDER: Record<"en" | "es", DateOrder> = { en: "mdy", es: "dmy" };

/** Rows a reader passes over (1: the engine leaves the row out), or null for none. */
export type SkippedRows = Uint8Array | null;

/** Reads a date column: numbers (serials) as they are, text by the column's order. */
export function readDateColumn(
  values: readonly unknown[],
  options: ReadingOptions,
  skip: SkippedRows = null
): ColumnReading<DatesFound> {
  // Text dates repeat (a day per row): each distinct text is parsed once.
  const shapes = new Map<string, DateShape>();
  let firstText = -1;
  let dayFirst = -1;
  let monthFirst = -1;
  let needsOrder = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" || (skip !== null && skip[i] !== 0) || isBlank(v)) continue;
    const problem = cellProblem(v, i);
    if (problem !== null) return { ok: false, problem };
    const text = String(v);
    if (firstText < 0) firstText = i;
    let shape = shapes.get(text);
    if (shape !== undefined) continue;
    shape = dateShape(text) ?? undefined;
    if (shape === undefined)
      return { ok: false, problem: { kind: "not_a_date", row: i, text, format: null } };
    shapes.set(text, shape);
    if (isYearFirst(shape)) continue;
    if (needsOrder < 0) needsOrder = i;
    const evidence = orderEvidence(shape);
    if (evidence === "dmy" && dayFirst < 0) dayFirst = i;
    if (evidence === "mdy" && monthFirst < 0) monthFirst = i;
  }
  if (firstText < 0)
    return {
      ok: true,
      values,
      found: { kind: "date", texts: 0, order: null, settledBy: null, format: null },
    };
  let order: DateOrder | null = null;
  let settledBy: SettledBy | null = null;
  if (needsOrder >= 0) {
    if (options.dateOrder !== undefined) [order, settledBy] = [options.dateOrder, "option"];
    else if (dayFirst >= 0 && monthFirst >= 0) {
      const [a, b] = [Math.min(dayFirst, monthFirst), Math.max(dayFirst, monthFirst)];
      return {
        ok: false,
        problem: {
          kind: "mixed_date_orders",
          row: a,
          other: b,
          text: String(values[a]),
          otherText: String(values[b]),
        },
      };
    } else if (dayFirst >= 0 || monthFirst >= 0)
      [order, settledBy] = [dayFirst >= 0 ? "dmy" : "mdy", "values"];
    else [order, settledBy] = [LANGUAGE_ORDER[options.language], "language"];
  }
  const sample = shapes.get(String(values[needsOrder >= 0 ? needsOrder : firstText])) as DateShape;
  const format = dateFormatName(sample, order ?? "ymd");
  const serials = new Map<string, number>();
  const out = values.slice();
  let texts = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" || (skip !== null && skip[i] !== 0) || isBlank(v)) continue;
    const text = String(v);
    let serial = serials.get(text);
    if (serial === undefined) {
      const shape = shapes.get(text) as DateShape;
      serial = shapeSerial(shape, order ?? "ymd");
      if (serial !== serial)
        return { ok: false, problem: dateRefusal(shape, text, i, order, format) };
      serials.set(text, serial);
    }
    out[i] = serial;
    texts++;
  }
  return { ok: true, values: out, found: { kind: "date", texts, order, settledBy, format } };
}

/** Why a text shaped as a date is no day in its column's order. */
function dateRefusal(
  shape: DateShape,
  text: string,
  row: number,
  order: DateOrder | null,
  format: string
): ColumnProblem {
  const year = isYearFirst(shape) || order === "ymd" ? shape.first : shape.third;
  const kind = year.length === 4 && Number(year) < 1900 ? "date_before_1900" : "impossible_date";
  // A day that cannot be in the column's order (13 as a month) says which order was used.
  const evidence = isYearFirst(shape) ? null : orderEvidence(shape);
  return evidence !== null && evidence !== order
    ? { kind: "not_a_date", row, text, format }
    : { kind, row, text };
}

/** What a number column's text says of its decimal separator, before the table's other columns are heard. */
export interface DecimalClues {
  /** First row that only a decimal point reads, and first that only a decimal comma reads. */
  readonly point: number;
  readonly comma: number;
  /** First row the two conventions read differently (1.234). */
  readonly ambiguous: number;
  /** Whether any cell is text (1234 as text tells nothing of the mark, but is text to read). */
  readonly texts: boolean;
}

/** Clues of a number column; a problem when a cell is no number under any convention. */
export function decimalClues(
  values: readonly unknown[],
  skip: SkippedRows = null
): DecimalClues | ColumnProblem {
  let point = -1;
  let comma = -1;
  let ambiguous = -1;
  let texts = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" || (skip !== null && skip[i] !== 0) || isBlank(v)) continue;
    texts = true;
    const problem = cellProblem(v, i);
    if (problem !== null) return problem;
    const evidence = decimalEvidence(numberReadings(String(v)));
    if (evidence === null) return { kind: "not_a_number", row: i, text: String(v), decimal: null };
    if (evidence === "." && point < 0) point = i;
    else if (evidence === "," && comma < 0) comma = i;
    else if (evidence === "ambiguous" && ambiguous < 0) ambiguous = i;
  }
  return { point, comma, ambiguous, texts };
}

export const isClues = (c: DecimalClues | ColumnProblem): c is DecimalClues => !("kind" in c);

/** The mark a table's columns agree on (one column told, none told otherwise); null when none or they differ. */
export function tableDecimal(clues: readonly DecimalClues[]): DecimalMark | null {
  const point = clues.some((c) => c.point >= 0 && c.comma < 0);
  const comma = clues.some((c) => c.comma >= 0 && c.point < 0);
  return point === comma ? null : point ? "." : ",";
}

/** Reads a number column with the decimal separator its values, the table or the caller settle. */
export function readNumberColumn(
  values: readonly unknown[],
  clues: DecimalClues,
  options: ReadingOptions,
  tableMark: DecimalMark | null,
  skip: SkippedRows = null
): ColumnReading<NumbersFound> {
  let decimal: DecimalMark | null = null;
  let settledBy: SettledBy | null = null;
  if (options.decimal !== undefined) [decimal, settledBy] = [options.decimal, "option"];
  else if (clues.point >= 0 && clues.comma >= 0) {
    const [a, b] = [Math.min(clues.point, clues.comma), Math.max(clues.point, clues.comma)];
    return {
      ok: false,
      problem: {
        kind: "mixed_decimals",
        row: a,
        other: b,
        text: String(values[a]),
        otherText: String(values[b]),
      },
    };
  } else if (clues.point >= 0 || clues.comma >= 0)
    [decimal, settledBy] = [clues.point >= 0 ? "." : ",", "values"];
  else if (clues.ambiguous >= 0) {
    if (tableMark === null)
      return {
        ok: false,
        problem: {
          kind: "ambiguous_decimal",
          row: clues.ambiguous,
          text: String(values[clues.ambiguous]),
        },
      };
    [decimal, settledBy] = [tableMark, "table"];
  }
  if (clues.point < 0 && clues.comma < 0 && clues.ambiguous < 0 && !clues.texts)
    return { ok: true, values, found: { kind: "number", texts: 0, decimal, settledBy } };
  const out = values.slice();
  let texts = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" || (skip !== null && skip[i] !== 0) || isBlank(v)) continue;
    const r = numberReadings(String(v));
    const n = decimal === null ? r.point : readingWith(r, decimal);
    if (n !== n)
      return { ok: false, problem: { kind: "not_a_number", row: i, text: String(v), decimal } };
    out[i] = n;
    texts++;
  }
  return { ok: true, values: out, found: { kind: "number", texts, decimal, settledBy } };
}

/**
 * One cell read as its column was (a row the engine leaves out, say): what the live sheet's
 * reading of the column gives it. Text that does not read stays as it is.
 */
export function readLikeColumn(v: unknown, found: TextFound): unknown {
  if (typeof v !== "string" || v.trim() === "") return v;
  if (found.kind === "date") {
    const shape = dateShape(v);
    const serial = shape === null ? NaN : shapeSerial(shape, found.order ?? "ymd");
    return serial === serial ? serial : v;
  }
  const n = readingWith(numberReadings(v), found.decimal ?? ".");
  return n === n ? n : v;
}
