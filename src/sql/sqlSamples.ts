/**
 * The data check's sample values and first rows left out (SPEC.md §3.5) from a SQL source, as the
 * memory engine gives them (engine/dataCheck.ts): each column's first three non-blank values among
 * the rows the engine reads, as written and as read; for each reason rows are left out, the first
 * ten of them, as worksheet rows (sheetRow: a file's rows numbered from 1 after its header, a CSV's
 * lines). "First" is the table's order, found by firstRows.ts at a bounded cost; a table without
 * one (a view) shows the first values the database returns and lists no rows.
 */
import { isBlank, serialToIso } from "../core/cells";
import { ColumnKind, DataProblem, LeftOutReason, Sample, TableCheck } from "../engine/dataCheck";
import { sheetRow } from "../engine/dataText";
import { firstRows } from "./firstRows";
import { ColumnRef, columnSql, isBlankSql, typeOf } from "./sqlColumns";
import { SqlConnection, numberOf } from "./sqlConnection";
import { SqlTable } from "./sqlTables";

/** Samples per column and rows per reason, as the memory engine shows them. */
export const SAMPLES = 3;
export const ROWS_LISTED = 10;

/** Up to this many raw ids are written into a query as literals; past it, a subquery of the map. */
const LISTED_IDS = 500;

/**
 * How the engine reads a column: the SQL of its read value from a raw one (a number column's
 * NumberReading.valueOf, a date column's dayOf), or null for ids and labels, read as written.
 */
export type ReadOf = ((raw: string) => string) | null;

/** A sample as the memory engine gives it: the text as written (trimmed), what it was read as. */
function sampleOf(kind: ColumnKind, raw: unknown, read: unknown): Sample {
  const text = typeof raw === "string" ? raw.trim() : null;
  // What the engine keeps of a value it does not convert: a number as it is, text trimmed.
  const kept = typeof raw === "number" ? raw : String(raw).trim();
  const r = numberOf(read);
  if (kind === "date")
    return { text, read: r !== null && r >= 1 ? serialToIso(Math.floor(r)) : kept };
  return { text, read: kind === "number" && r !== null ? r : kept };
}

/**
 * A column's first three non-blank values among the rows where `kept` holds (the rows the engine
 * reads), in the table's order: as written (a text column's) and as read by `read`.
 */
export async function columnSamples(
  c: SqlConnection,
  ref: ColumnRef,
  kind: ColumnKind,
  read: ReadOf,
  kept: string
): Promise<Sample[]> {
  const d = c.dialect;
  const col = `t.${columnSql(d, ref)}`;
  const type = typeOf(ref);
  // Text as it is, numbers as doubles, a date only through its reading (it has no text).
  const raw =
    type === "text" || type === "date" ? col : type === "number" ? d.double(col) : d.toText(col);
  const found = await firstRows(c, {
    table: ref.table,
    select: { raw },
    branches: [`NOT ${isBlankSql(d, col, type)} AND (${kept})`],
    group: null,
    wanted: { "": SAMPLES },
    after: { read: read === null ? "NULL" : read("q.raw") },
    places: false,
  });
  return found
    .map((f) => (type === "date" ? { ...f.values, raw: null } : f.values))
    .filter((v) => type === "date" || !isBlank(v.raw))
    .map((v) => sampleOf(kind, v.raw, v.read));
}

/** Which rows the engine reads and which it leaves out, as conditions on a row (alias t). */
export interface RowRules {
  readonly kept: string;
  /** The rows any reason leaves out (conditions excluding one another) … */
  readonly leftOut: readonly string[];
  /** … and each one's reason, as text. */
  readonly reason: string;
}

/** A table's rule: sales rows keyed by their customer, a Customers table's by its id, other tables' rows by blankness. */
export type TableRules =
  | { readonly kind: "sales" | "customers"; readonly idMap: string; readonly id: ColumnRef }
  | { readonly kind: "rows" };

/**
 * The raw ids an id map (sqlColumns.idMap: raw, c, total) keys to no customer — blanks, zeros,
 * total words: few, so written as literals, which let DuckDB skip row groups by their statistics.
 */
async function unkeyed(c: SqlConnection, map: string, id: ColumnRef) {
  const d = c.dialect;
  const col = `t.${columnSql(d, id)}`;
  const type = typeOf(id);
  const r = await c.columns(
    `SELECT raw, total FROM ${d.ident(map)} WHERE c IS NULL AND raw IS NOT NULL LIMIT ${LISTED_IDS + 1}`
  );
  const raws = r.raw ?? [];
  const lit = (v: unknown): string => (type === "text" ? d.text(String(v)) : d.number(Number(v)));
  const among = (which: "all" | "total"): string => {
    if (raws.length > LISTED_IDS || (type !== "text" && type !== "number"))
      return `${col} IN (SELECT raw FROM ${d.ident(map)} WHERE c IS NULL AND raw IS NOT NULL${which === "total" ? " AND total = 1" : ""})`;
    const values = raws.filter((_, i) => which === "all" || numberOf(r.total[i]) === 1);
    return values.length === 0 ? "1 = 0" : `${col} IN (${values.map(lit).join(", ")})`;
  };
  return { col, any: among("all"), total: `(${col} IS NOT NULL AND ${among("total")})` };
}

/** The rules of a table whose mapped columns are `columns`, as the memory engine's rowsLeftOut has them. */
export async function rowRules(
  c: SqlConnection,
  rules: TableRules,
  columns: readonly ColumnRef[]
): Promise<RowRules> {
  const d = c.dialect;
  const blank = `(${columns.map((r) => isBlankSql(d, `t.${columnSql(d, r)}`, typeOf(r))).join(" AND ")})`;
  if (rules.kind === "rows")
    return { kept: `NOT ${blank}`, leftOut: [blank], reason: "'blank_row'" };
  const ids = await unkeyed(c, rules.idMap, rules.id);
  // A row left out has an id keyed to no customer (a blank one included), or none.
  const leftOut = [ids.any, `${ids.col} IS NULL`];
  if (rules.kind === "sales")
    return {
      kept: `${ids.col} IS NOT NULL AND NOT (${ids.any})`,
      leftOut,
      reason: `CASE WHEN ${ids.total} THEN 'total_row' WHEN ${blank} THEN 'blank_row' ELSE 'no_customer' END`,
    };
  // A Customers table leaves out its total rows and its blank ones (their id is blank).
  return {
    kept: `NOT ${ids.total} AND NOT ${blank}`,
    leftOut,
    reason: `CASE WHEN ${ids.total} THEN 'total_row' WHEN ${blank} THEN 'blank_row' ELSE '' END`,
  };
}

/**
 * The worksheet rows of the first ten rows left out for each reason of `leftOut` (its counts known),
 * in the table's order, in one search; none without an order.
 */
export async function rowsLeftOut(
  c: SqlConnection,
  table: SqlTable,
  rules: RowRules,
  leftOut: TableCheck["leftOut"]
): Promise<Map<LeftOutReason, number[]>> {
  const rows = new Map<LeftOutReason, number[]>(leftOut.map((l) => [l.reason, []]));
  if (table.rowOrder === null) return rows;
  const found = await firstRows(c, {
    table,
    select: {},
    branches: rules.leftOut,
    group: rules.reason,
    wanted: Object.fromEntries(leftOut.map((l) => [l.reason, Math.min(ROWS_LISTED, l.count)])),
    places: true,
  });
  for (const f of found)
    rows.get(f.group as LeftOutReason)?.push(sheetRow(table.source, f.place ?? 0));
  return rows;
}

type Checked = { readonly check: TableCheck } | { readonly problem: DataProblem };

/**
 * A table's check with its samples and first rows left out filled in: `mapped` the refs of its
 * mapped columns (null: not mapped; each check column found by its header), `readOf` how each
 * is read.
 */
export async function withExamples<S extends Checked>(
  c: SqlConnection,
  step: S,
  rules: TableRules,
  mapped: readonly (ColumnRef | null)[],
  readOf: (ref: ColumnRef) => ReadOf
): Promise<S> {
  const columns = mapped.filter((r): r is ColumnRef => r !== null);
  if (!("check" in step) || columns.length === 0) return step;
  const check = step.check;
  const r = await rowRules(c, rules, columns);
  const table = columns[0].table;
  const headers = table.source.headers;
  const filled: TableCheck["columns"][number][] = [];
  for (const col of check.columns) {
    const ref = columns.find((x) => headers[x.j] === col.header);
    const samples =
      ref === undefined ? [] : await columnSamples(c, ref, col.kind, readOf(ref), r.kept);
    filled.push({ ...col, samples });
  }
  const rows = await rowsLeftOut(c, table, r, check.leftOut);
  const leftOut = check.leftOut.map((l) => ({ ...l, rows: rows.get(l.reason) ?? [] }));
  return { ...step, check: { ...check, columns: filled, leftOut } };
}
