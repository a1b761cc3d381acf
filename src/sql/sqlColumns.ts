/**
 * A mapped column read in SQL by the rules the engine reads a workbook's cells with (SPEC.md §2.1,
 * §3.5), without bringing its rows to Node: ids and labels keyed in SQL (core/textKey.ts's rule);
 * typed dates and numbers read as they are; text dates and numbers read by the engine's own code
 * (engine/textColumns.ts) on the column's distinct values — distinct texts of a date column with
 * the time of day set aside, distinct shapes of a number column (every digit but 0 written 9,
 * which keeps what a text says of its decimal mark) — and the convention found applied in SQL.
 */
import { DecimalMark } from "../core/numberText";
import { cleanTextSql, keyOfCleanTextSql, textKeySql } from "../core/textKey";
import {
  ColumnProblem,
  DecimalClues,
  ReadingOptions,
  TextFound,
  decimalClues,
  isClues,
  readDateColumn,
  readNumberColumn,
} from "../engine/textColumns";
import { TOTAL_KEYS } from "../engine/textReading";
import { SqlDialect } from "./dialect";
import { firstRows } from "./firstRows";
import { SqlConnection, numberOf } from "./sqlConnection";
import { SqlTable, SqlType } from "./sqlTables";

/** A column of a table. */
export interface ColumnRef {
  readonly table: SqlTable;
  readonly j: number;
}

export const columnSql = (d: SqlDialect, ref: ColumnRef): string =>
  d.ident(ref.table.source.headers[ref.j]);

export const typeOf = (ref: ColumnRef): SqlType => ref.table.types[ref.j];

/** A blank cell: NULL, or text of spaces only. */
export function isBlankSql(d: SqlDialect, expr: string, type: SqlType): string {
  return type === "text" ? `(${expr} IS NULL OR TRIM(${expr}) = '')` : `${expr} IS NULL`;
}

/** The id key of a raw value (SPEC.md §2.1): text keyed, a number its shortest text. */
export function keySql(d: SqlDialect, raw: string, type: SqlType): string {
  return type === "text" ? textKeySql(raw, d.replaceAll) : d.numberText(raw);
}

/** The label shown for a raw value: the cleaned text, or a number's shortest text. */
export function labelSql(d: SqlDialect, raw: string, type: SqlType): string {
  return type === "text" ? cleanTextSql(raw, d.replaceAll) : d.numberText(raw);
}

/**
 * A map of an id column's distinct values to customer keys, as a temporary table `name` (raw, c,
 * label, total): c is NULL for a blank id (blank, 0, "0") and for a total row's (Total, Suma…),
 * which `total` marks. `numeric`: a CSV column whose every text is a number, read as numbers.
 */
export async function idMap(
  c: SqlConnection,
  name: string,
  ref: ColumnRef,
  numeric: { readonly convert: (e: string) => string } | null,
  /** A relation holding the column's values already (as `column`), smaller than its table. */
  distinct: { readonly from: string; readonly column: string } | null = null
): Promise<void> {
  const d = c.dialect;
  const type = typeOf(ref);
  const values =
    distinct === null
      ? `SELECT DISTINCT ${columnSql(d, ref)} AS raw FROM ${ref.table.from}`
      : `SELECT DISTINCT ${distinct.column} AS raw FROM ${distinct.from}`;
  // The key of a text is its label's lower case: the label (regular expressions) is made once
  // (OFFSET 0 keeps PostgreSQL from folding the subquery and writing the label's expression twice).
  const label = numeric !== null ? d.numberText(numeric.convert("raw")) : labelSql(d, "raw", type);
  const key = type === "text" && numeric === null ? keyOfCleanTextSql("label") : "label";
  const totals = TOTAL_KEYS.map((k) => d.text(k)).join(", ");
  const total = type === "text" && numeric === null ? `k IN (${totals})` : "1 = 0";
  await c.run(
    d.createTemp(
      name,
      `SELECT raw, CASE WHEN k IS NULL OR k IN ('', '0') OR ${total} THEN NULL ELSE k END AS c, label, CASE WHEN ${total} THEN 1 ELSE 0 END AS total FROM (SELECT raw, ${key} AS k, label FROM (SELECT raw, ${label} AS label FROM (${values}) v OFFSET 0) s) t`
    )
  );
}

/** The text of a date column with a time of day set aside, by dateText's own pattern of a time. */
const TIME_SQL =
  "(T|\\s+)\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?(\\s?[AaPp]\\.?\\s?[Mm]\\.?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$";

/** Where a problem of a column is: the row of a value found in the column. */
export type ProblemAt = (p: ColumnProblem, text: string) => Promise<ColumnProblem>;

/** How a date column's values become days: its expression on the raw value (`raw`), or a problem. */
export type DateReading =
  | { readonly ok: true; readonly dayOf: (raw: string) => string; readonly found: TextFound | null }
  | { readonly ok: false; readonly problem: ColumnProblem };

/**
 * A date column read: DATE and TIMESTAMP as their day; numbers as serials (below 1 blank); text by
 * readDateColumn on its distinct texts (times set aside), loaded as the map `name` (raw, d).
 */
export async function readDates(
  c: SqlConnection,
  name: string,
  ref: ColumnRef,
  options: ReadingOptions
): Promise<DateReading> {
  const d = c.dialect;
  const col = columnSql(d, ref);
  const type = typeOf(ref);
  if (type === "date") return { ok: true, dayOf: (raw) => d.daySerial(raw), found: null };
  if (type === "number")
    return {
      ok: true,
      dayOf: (raw) => `CASE WHEN ${raw} >= 1 THEN CAST(FLOOR(${raw}) AS INTEGER) END`,
      found: null,
    };
  if (type !== "text")
    return { ok: false, problem: { kind: "not_a_date", row: 0, text: col, format: null } };
  const stripped = `${d.replaceAll(`TRIM(${col})`, TIME_SQL, "")}`;
  // In the order the table first holds them: a text no date is reported at its first row, as
  // the engine reads a sheet from the top (a view's rows have no order).
  const order = ref.table.rowOrder === null ? "" : ` ORDER BY MIN(${ref.table.rowOrder})`;
  const texts = await c.columns(
    `SELECT ${stripped} AS t FROM ${ref.table.from} WHERE ${col} IS NOT NULL AND TRIM(${col}) <> '' GROUP BY 1${order}`
  );
  const values = (texts.t ?? []).map(String);
  const read = readDateColumn(values, options);
  if (!read.ok) return { ok: false, problem: read.problem };
  const days = read.values as number[];
  await c.load(
    name,
    [
      { name: "t", type: "text" },
      { name: "d", type: "integer" },
    ],
    values.map((v, i) => [v, days[i]])
  );
  return {
    ok: true,
    dayOf: (raw) =>
      `(SELECT m.d FROM ${d.ident(name)} m WHERE m.t = ${d.replaceAll(`TRIM(${raw})`, TIME_SQL, "")})`,
    found: read.found,
  };
}

/** The distinct shapes of a text column's values (digits 1–9 written 9), each with one value of it. */
async function numberShapes(
  c: SqlConnection,
  ref: ColumnRef
): Promise<{ shapes: string[]; examples: string[] }> {
  const d = c.dialect;
  const col = columnSql(d, ref);
  const r = await c.columns(
    `SELECT s, MIN(v) AS v FROM (SELECT ${d.replaceAll(col, "[1-9]", "9")} AS s, ${col} AS v FROM ${ref.table.from} WHERE ${col} IS NOT NULL AND TRIM(${col}) <> '') q GROUP BY s ORDER BY s`
  );
  return { shapes: (r.s ?? []).map(String), examples: (r.v ?? []).map(String) };
}

/** A text number column's clues to its decimal mark; a problem (its example text) when a value is none. */
export async function numberClues(
  c: SqlConnection,
  ref: ColumnRef
): Promise<{ clues: DecimalClues; shapes: string[] } | { problem: ColumnProblem }> {
  const { shapes, examples } = await numberShapes(c, ref);
  const clues = decimalClues(shapes);
  if (!isClues(clues)) {
    const p = clues as ColumnProblem & { row: number };
    return { problem: { ...p, text: examples[p.row] } as ColumnProblem };
  }
  return { clues, shapes };
}

/** How a number column's values are read: its expression on a raw value, or a problem. */
export type NumberReading =
  | {
      readonly ok: true;
      readonly valueOf: (raw: string) => string;
      readonly found: TextFound | null;
    }
  | { readonly ok: false; readonly problem: ColumnProblem };

/** A text number as SQL reads it once its decimal mark is known (its shape checked by the engine's rules). */
export function textNumberSql(d: SqlDialect, raw: string, mark: DecimalMark): string {
  const bare = `REPLACE(TRIM(${raw}), ' ', '')`;
  const point =
    mark === "." ? `REPLACE(${bare}, ',', '')` : `REPLACE(REPLACE(${bare}, '.', ''), ',', '.')`;
  return `CASE WHEN TRIM(${raw}) = '' THEN NULL ELSE ${d.double(point)} END`;
}

/** A number column read: numbers as they are; text by its mark, found by readNumberColumn on its shapes. */
export async function readNumbers(
  c: SqlConnection,
  ref: ColumnRef,
  options: ReadingOptions,
  tableMark: DecimalMark | null,
  found: { clues: DecimalClues; shapes: string[] } | null
): Promise<NumberReading> {
  const d = c.dialect;
  const type = typeOf(ref);
  if (type === "number") return { ok: true, valueOf: (raw) => d.double(raw), found: null };
  if (type !== "text" || found === null)
    return {
      ok: false,
      problem: { kind: "not_a_number", row: 0, text: columnSql(d, ref), decimal: null },
    };
  const read = readNumberColumn(found.shapes, found.clues, options, tableMark);
  if (!read.ok) return { ok: false, problem: read.problem };
  const mark = read.found.decimal ?? ".";
  return { ok: true, valueOf: (raw) => textNumberSql(d, raw, mark), found: read.found };
}

/**
 * The data row (0-based, in the table's order) of the first row where `condition` holds; -1 when
 * none. A table with an order is searched window by window along it (firstRows: never a sort of
 * the table); a view's rows are numbered as the database returns them.
 */
export async function firstRowWhere(
  c: SqlConnection,
  table: SqlTable,
  condition: string
): Promise<number> {
  if (table.rowOrder !== null) {
    const [found] = await firstRows(c, {
      table,
      select: {},
      branches: [condition],
      group: null,
      wanted: { "": 1 },
      places: true,
    });
    return found?.place ?? -1;
  }
  const r = await c.columns(
    `SELECT MIN(n) AS n FROM (SELECT ROW_NUMBER() OVER () - 1 AS n, * FROM ${table.from}) q WHERE ${condition}`
  );
  const n = numberOf(r.n?.[0]);
  return n === null ? -1 : n;
}
