/**
 * The little that differs between the SQL engines the scorecard runs on (DuckDB embedded and
 * PostgreSQL): every query is written once in a portable subset — CASE, SUM, MIN, MAX, COUNT,
 * GROUP BY, joins, window functions over ORDER BY with ROWS frames, integer day arithmetic — and
 * these few functions write what each engine spells its own way. Dates become whole-day serials
 * of Excel's 1900 system (days since 1899-12-30) as soon as they are read, so every span is a
 * comparison of integers; numbers are compared as double precision, never as decimals.
 */

export type DialectName = "duckdb" | "postgres";

export interface SqlDialect {
  readonly name: DialectName;
  /** An identifier, quoted ("Fecha Factura"). */
  ident(name: string): string;
  /** A text literal. */
  text(value: string): string;
  /** A double-precision literal holding exactly `value`. */
  number(value: number): string;
  /** An expression cast to double precision. */
  double(expr: string): string;
  /** An expression cast to text. */
  toText(expr: string): string;
  /** The whole-day serial of a DATE or TIMESTAMP expression (the time of day dropped). */
  daySerial(expr: string): string;
  /** The value of `value` on the row where `order` is least, among the group's rows (one row per `order`). */
  valueAtLeast(value: string, order: string): string;
  /** The text of a number as JavaScript writes its shortest form (1001, not 1001.0). */
  numberText(expr: string): string;
  /** Every match of `pattern` (a POSIX/RE2 regular expression both engines read alike) replaced. */
  replaceAll(expr: string, pattern: string, replacement: string): string;
  /** A temporary table made from a query. */
  createTemp(name: string, query: string): string;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A text literal; a NUL character (which ends a statement's text) written as chr(0). */
const quoteText = (value: string): string =>
  value
    .split("\0")
    .map((part) => `'${part.replace(/'/g, "''")}'`)
    .join(" || chr(0) || ");

/** A double literal both engines read as exactly the same double: its shortest round-trip text, cast. */
function doubleLiteral(value: number, cast: string): string {
  if (!Number.isFinite(value)) throw new Error(`no SQL literal for ${value}`);
  return `CAST('${String(value)}' AS ${cast})`;
}

/** 1899-12-30: day 0 of Excel's 1900 system for every day from 1900-03-01 on. */
const DAY_ZERO = "DATE '1899-12-30'";

/**
 * Excel counts a 29 February 1900 that never was: its days before 1900-03-01 are one less than
 * their distance from DAY_ZERO (1900-01-01 is 1), as the engine reads them (core/cells.ts).
 */
const beforeMarch1900 = (day: string): string =>
  `CASE WHEN ${day} < DATE '1900-03-01' THEN 1 ELSE 0 END`;

export const DUCKDB: SqlDialect = {
  name: "duckdb",
  ident: quoteIdent,
  text: quoteText,
  number: (v) => doubleLiteral(v, "DOUBLE"),
  double: (e) => `CAST(${e} AS DOUBLE)`,
  toText: (e) => `CAST(${e} AS VARCHAR)`,
  daySerial: (e) =>
    `CAST(CAST(${e} AS DATE) - ${DAY_ZERO} - ${beforeMarch1900(`CAST(${e} AS DATE)`)} AS INTEGER)`,
  valueAtLeast: (value, order) => `arg_min(${value}, ${order})`,
  // DuckDB writes 1001.0 for a whole double; JavaScript writes 1001.
  numberText: (e) =>
    `CASE WHEN ${e} = TRUNC(${e}) AND ABS(${e}) < 1e15 THEN CAST(CAST(${e} AS BIGINT) AS VARCHAR) ELSE CAST(${e} AS VARCHAR) END`,
  replaceAll: (e, pattern, replacement) =>
    `regexp_replace(${e}, ${quoteText(pattern)}, ${quoteText(replacement)}, 'g')`,
  createTemp: (name, query) => `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS ${query}`,
};

export const POSTGRES: SqlDialect = {
  name: "postgres",
  ident: quoteIdent,
  text: quoteText,
  number: (v) => doubleLiteral(v, "DOUBLE PRECISION"),
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  toText: (e) => `CAST(${e} AS TEXT)`,
  daySerial: (e) => `(CAST(${e} AS DATE) - ${DAY_ZERO} - ${beforeMarch1900(`CAST(${e} AS DATE)`)})`,
  // PostgreSQL has no arg_min: the first of the values ordered by `order`.
  // The least [order, value] pair: a plain aggregate, where array_agg(… ORDER BY …) would sort.
  // NULL orders compare above every day (PostgreSQL's array comparison), as they sort last there.
  valueAtLeast: (value, order) =>
    `(MIN(ARRAY[CAST(${order} AS DOUBLE PRECISION), CAST(${value} AS DOUBLE PRECISION)]))[2]`,
  numberText: (e) =>
    `CASE WHEN ${e} = TRUNC(${e}) AND ABS(${e}) < 1e15 THEN CAST(CAST(${e} AS BIGINT) AS TEXT) ELSE CAST(CAST(${e} AS DOUBLE PRECISION) AS TEXT) END`,
  replaceAll: (e, pattern, replacement) =>
    `regexp_replace(${e}, ${quoteText(pattern)}, ${quoteText(replacement)}, 'g')`,
  // Autovacuum never analyzes a temporary table: without statistics the planner guesses its size
  // wrong by orders of magnitude (merge joins on sorted texts where a hash join belongs).
  createTemp: (name, query) =>
    `DROP TABLE IF EXISTS ${quoteIdent(name)}; CREATE TEMP TABLE ${quoteIdent(name)} AS ${query}; ANALYZE ${quoteIdent(name)}`,
};
