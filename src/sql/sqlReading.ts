/**
 * The mapped tables read into the relations every SQL query of the scorecard starts from, by the
 * engine's reading rules (sqlColumns.ts), with the data check of SPEC.md §3.5. The sales rows are
 * read once: grouped by their raw customer, day and product line (one pass, no text work per row),
 * then the distinct values keyed, and the groups folded into each customer's days:
 *
 * | relation | one row per | columns |
 * |---|---|---|
 * | `spec_days` | customer and day with a sales row | `c` (key), `d` (day), `net` (amounts), `pos` (amounts above 0: the day's purchase value), `prows` (rows above 0), `mg` (margin) |
 * | `spec_line_days` | customer, product line and day it was bought | `c`, `pl` (key), `d` |
 *
 * The Customers, Leads and Market tables (smallTables.ts) follow.
 */
import { DataProblem, TableCheck } from "../engine/dataCheck";
import { Language, Surface, noSalesRows, problemMessage } from "../engine/dataText";
import { ColumnOf, Role, RoleChoice, TableMapping } from "../engine/tableMapping";
import {
  ColumnProblem,
  DecimalClues,
  ReadingOptions,
  TextFound,
  tableDecimal,
} from "../engine/textColumns";
import { DecimalMark } from "../core/numberText";
import { keyOfCleanTextSql } from "../core/textKey";
import {
  ColumnRef,
  NumberReading,
  columnSql,
  firstRowWhere,
  idMap,
  isBlankSql,
  keySql,
  labelSql,
  numberClues,
  readDates,
  readNumbers,
  typeOf,
} from "./sqlColumns";
import { SqlConnection, firstRow, numberOf } from "./sqlConnection";
import { withExamples } from "./sqlSamples";
import { SqlTable } from "./sqlTables";

export interface SqlReadRequest {
  readonly mapping: TableMapping;
  /** The SQL side of each table of the mapping, by its name. */
  readonly tableOf: (name: string) => SqlTable;
  readonly options: ReadingOptions;
  readonly surface: Surface;
  readonly choices: readonly RoleChoice[];
}

/** What one table's reading adds to the check, or the problem that stops the reading. */
export type Step = { readonly check: TableCheck } | { readonly problem: DataProblem };

export interface ReadContext {
  readonly c: SqlConnection;
  readonly request: SqlReadRequest;
  readonly language: Language;
}

/** The mapped column of a role, or null. */
export function refOf<R extends Role>(
  ctx: ReadContext,
  role: R,
  column: ColumnOf<R>
): ColumnRef | null {
  const m = ctx.request.mapping[role];
  if (m === undefined) return null;
  const j = (m.columns as Record<string, number | undefined>)[column];
  return j === undefined ? null : { table: ctx.request.tableOf(m.table.name), j };
}

/** A problem of a column as the data check states it; `where` finds its row in the table. */
export async function refuse(
  ctx: ReadContext,
  ref: ColumnRef,
  p: ColumnProblem,
  where: string | null,
  expected: "date" | "number" | "id"
): Promise<{ problem: DataProblem }> {
  const row = where === null ? 0 : Math.max(0, await firstRowWhere(ctx.c, ref.table, where));
  const problem = { ...p, row } as ColumnProblem;
  const source = ref.table.source;
  return {
    problem: {
      table: source.name,
      column: source.headers[ref.j],
      row: source.headerRow + 1 + row,
      kind: p.kind,
      message: problemMessage(source, ref.j, problem, expected, ctx.language, ctx.request.surface),
    },
  };
}

/** The condition that finds the row of a problem's text in its column. */
export function holding(ctx: ReadContext, ref: ColumnRef, p: ColumnProblem): string | null {
  if (!("text" in p)) return null;
  const d = ctx.c.dialect;
  const col = columnSql(d, ref);
  // A date's text was read with its time set aside: the row starts with it.
  return p.kind === "not_a_number" || p.kind === "ambiguous_decimal" || p.kind === "mixed_decimals"
    ? `${col} = ${d.text(p.text)}`
    : `TRIM(${col}) LIKE ${d.text(`${p.text.replace(/[%_\\]/g, "_")}%`)}`;
}

/** Each number column's reading. */
export type NumberReadings = Map<ColumnRef, NumberReading & { ok: true }>;

/** Number columns read: typed ones as they are, text ones by the mark their table's columns agree on. */
export async function readNumberColumns(
  ctx: ReadContext,
  refs: readonly ColumnRef[]
): Promise<NumberReadings | { problem: DataProblem }> {
  const clues = new Map<ColumnRef, { clues: DecimalClues; shapes: string[] }>();
  for (const ref of refs) {
    if (typeOf(ref) !== "text") continue;
    const found = await numberClues(ctx.c, ref);
    if ("problem" in found)
      return refuse(ctx, ref, found.problem, holding(ctx, ref, found.problem), "number");
    clues.set(ref, found);
  }
  const mark: DecimalMark | null = tableDecimal([...clues.values()].map((f) => f.clues));
  const readings = new Map<ColumnRef, NumberReading & { ok: true }>();
  for (const ref of refs) {
    const read = await readNumbers(ctx.c, ref, ctx.request.options, mark, clues.get(ref) ?? null);
    if (!read.ok) return refuse(ctx, ref, read.problem, holding(ctx, ref, read.problem), "number");
    readings.set(ref, read);
  }
  return readings;
}

/** A column's part of the check: how its text was read. */
export function columnCheck(
  role: Role,
  column: string,
  ref: ColumnRef,
  kind: TableCheck["columns"][number]["kind"],
  found: TextFound | null
): TableCheck["columns"][number] {
  const header = ref.table.source.headers[ref.j];
  return { role, column, header, kind, found, readThrough: false, samples: [] };
}

/** The check of a table read in SQL: its rows, the rows left out, its columns. */
export function tableCheck(
  table: SqlTable,
  roles: readonly Role[],
  rows: number,
  leftOut: TableCheck["leftOut"],
  columns: TableCheck["columns"],
  duplicateCount = 0
): TableCheck {
  const s = table.source;
  return {
    roles,
    table: s.name,
    sheet: s.sheet,
    file: s.file ?? null,
    encoding: s.csv?.encoding ?? null,
    separator: s.csv?.separator ?? null,
    hidden: false,
    excelTable: false,
    rows,
    leftOut: leftOut.filter((l) => l.count > 0),
    columns,
    duplicates: [],
    duplicateCount,
  };
}

/** A label column's distinct values keyed as the engine compares segments, lines, sources: (raw, k, label). */
export async function labelMap(ctx: ReadContext, name: string, ref: ColumnRef): Promise<void> {
  const d = ctx.c.dialect;
  const numeric = typeOf(ref) === "number";
  const raw = numeric || typeOf(ref) === "text" ? columnSql(d, ref) : d.toText(columnSql(d, ref));
  const type = numeric ? "number" : "text";
  await ctx.c.run(
    d.createTemp(
      name,
      `SELECT raw, CASE WHEN k = '' THEN NULL ELSE k END AS k, label FROM (SELECT raw, ${keySql(d, "raw", type)} AS k, ${labelSql(d, "raw", type)} AS label FROM (SELECT DISTINCT ${raw} AS raw FROM ${ref.table.from}) s) t`
    )
  );
}

interface SalesRefs {
  readonly customer: ColumnRef;
  readonly date: ColumnRef;
  readonly amount: ColumnRef;
  readonly margin: ColumnRef | null;
  readonly line: ColumnRef | null;
}

/** The sales table: its rows grouped once by raw customer, day and line, then keyed and folded into days. */
export async function readSales(ctx: ReadContext): Promise<Step> {
  const { c } = ctx;
  const d = c.dialect;
  const refs: SalesRefs = {
    customer: refOf(ctx, "sales", "customer") as ColumnRef,
    date: refOf(ctx, "sales", "date") as ColumnRef,
    amount: refOf(ctx, "sales", "amount") as ColumnRef,
    margin: refOf(ctx, "sales", "margin"),
    line: refOf(ctx, "sales", "productLine"),
  };
  const numbers = await readNumberColumns(
    ctx,
    refs.margin === null ? [refs.amount] : [refs.amount, refs.margin]
  );
  if ("problem" in numbers) return numbers;
  const dates = await readDates(c, "spec_date_map", refs.date, ctx.request.options);
  if (!dates.ok)
    return refuse(ctx, refs.date, dates.problem, holding(ctx, refs.date, dates.problem), "date");
  const value = (ref: ColumnRef): string =>
    (numbers.get(ref) as NumberReading & { ok: true }).valueOf(columnSql(d, ref));
  const a = value(refs.amount);
  const rawDay =
    typeOf(refs.date) === "date"
      ? `CAST(${columnSql(d, refs.date)} AS DATE)`
      : columnSql(d, refs.date);
  // Only what is mapped is grouped and summed: each aggregate costs a pass over the groups' states.
  // Rows are counted with FILTER, a count's state, not summed as integers (a wider state, 14%
  // slower at 100,000,000 rows).
  const mg = refs.margin === null ? null : value(refs.margin);
  const empty =
    mg === null
      ? `COUNT(*) - COUNT(${a})`
      : `COUNT(*) FILTER (WHERE ${a} IS NULL AND ${mg} IS NULL)`;
  const columns = [
    `${columnSql(d, refs.customer)} AS rc`,
    `${rawDay} AS rd`,
    ...(refs.line === null ? [] : [`${columnSql(d, refs.line)} AS rl`]),
    `SUM(${a}) AS net`,
    `SUM(GREATEST(${a}, 0)) AS pos`,
    `COUNT(*) FILTER (WHERE ${a} > 0) AS prows`,
    ...(mg === null ? [] : [`SUM(${mg}) AS mg`]),
    "COUNT(*) AS n",
    `${empty} AS empty`,
  ];
  await c.run(
    d.createTemp(
      "spec_raw",
      `SELECT ${columns.join(", ")} FROM ${refs.customer.table.from} GROUP BY ${refs.line === null ? "1, 2" : "1, 2, 3"}`
    )
  );
  await idMap(c, "spec_sales_ids", refs.customer, null, { from: "spec_raw", column: "rc" });
  if (refs.line !== null) await labelMap(ctx, "spec_line_ids", refs.line);
  const found = [
    dates.found,
    numbers.get(refs.amount)?.found ?? null,
    refs.margin === null ? null : (numbers.get(refs.margin)?.found ?? null),
  ];
  const step = await foldSales(ctx, refs, dates.dayOf, found);
  const mapped = [refs.customer, refs.date, refs.amount, refs.margin, refs.line];
  const readOf = (r: ColumnRef) =>
    r === refs.date ? dates.dayOf : (numbers.get(r)?.valueOf ?? null);
  const rules = { kind: "sales", idMap: "spec_sales_ids", id: refs.customer } as const;
  return withExamples(c, step, rules, mapped, readOf);
}

/** No two raw ids of the sales table share a key. */
async function keysAreDistinct(c: SqlConnection): Promise<boolean> {
  const r = await firstRow(
    c,
    "SELECT COUNT(c) AS ids, COUNT(DISTINCT c) AS keys FROM spec_sales_ids WHERE c IS NOT NULL"
  );
  return numberOf(r.ids) === numberOf(r.keys);
}

/** Every id of the sales table is its label already (cleaning changes none): its key is its lower case. */
async function idsAreTheirLabels(c: SqlConnection): Promise<boolean> {
  const r = await firstRow(c, "SELECT COUNT(*) AS n FROM spec_sales_ids WHERE raw <> label");
  return numberOf(r.n) === 0;
}

/**
 * The sales groups (spec_raw r) matched to the few ids without a key (x): a group has a customer
 * when its id is given and not among them. A join to the whole id map would cost a probe of a
 * million ids per group.
 */
const WITHOUT_KEY =
  "FROM spec_raw r LEFT JOIN (SELECT raw, total FROM spec_sales_ids WHERE c IS NULL AND raw IS NOT NULL) x ON x.raw = r.rc";
const HAS_KEY = "(r.rc IS NOT NULL AND x.raw IS NULL)";

/** What the sales groups hold: rows, rows left out, and rows with a customer but no date. */
async function salesCounts(ctx: ReadContext, refs: SalesRefs): Promise<Record<string, number>> {
  const d = ctx.c.dialect;
  const dateType = typeOf(refs.date);
  const noDay =
    dateType === "number" ? "(r.rd IS NULL OR r.rd < 1)" : isBlankSql(d, "r.rd", dateType);
  const blankId = isBlankSql(d, "r.rc", typeOf(refs.customer));
  const keyless = `NOT ${HAS_KEY} AND COALESCE(x.total, 0) = 0`;
  const row = await firstRow(
    ctx.c,
    `SELECT SUM(n) AS rows, SUM(CASE WHEN x.total = 1 THEN n ELSE 0 END) AS totals, SUM(CASE WHEN ${keyless} THEN n ELSE 0 END) AS keyless, SUM(CASE WHEN ${keyless} AND ${blankId} AND ${noDay}${refs.line === null ? "" : " AND r.rl IS NULL"} THEN empty ELSE 0 END) AS blank_rows, SUM(CASE WHEN ${HAS_KEY} AND ${noDay} THEN n ELSE 0 END) AS no_date, SUM(CASE WHEN ${HAS_KEY} THEN n ELSE 0 END) AS used ${WITHOUT_KEY}`
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, numberOf(v) ?? 0]));
}

/** The sales groups keyed and folded into each customer's days (and lines), with the table's check. */
async function foldSales(
  ctx: ReadContext,
  refs: SalesRefs,
  dayOf: (raw: string) => string,
  found: readonly (TextFound | null)[]
): Promise<Step> {
  const { c } = ctx;
  const d = c.dialect;
  const counts = await salesCounts(ctx, refs);
  const table = refs.customer.table;
  if (counts.no_date > 0) {
    const customer = columnSql(d, refs.customer);
    const blankDate = isBlankSql(d, columnSql(d, refs.date), typeOf(refs.date));
    return refuse(
      ctx,
      refs.date,
      { kind: "blank_date", row: 0 },
      `${blankDate} AND NOT ${isBlankSql(d, customer, typeOf(refs.customer))}`,
      "date"
    );
  }
  if (counts.used === 0) {
    const s = table.source;
    const message = noSalesRows(s, ctx.language);
    return {
      problem: { table: s.name, column: "", row: s.headerRow, kind: "no_sales_rows", message },
    };
  }
  const keyed = `FROM spec_raw r JOIN spec_sales_ids i ON r.rc = i.raw${refs.line === null ? "" : " LEFT JOIN spec_line_ids l ON r.rl = l.raw"} WHERE i.c IS NOT NULL`;
  const mg = refs.margin === null ? d.double("0") : "r.mg";
  // Each group of spec_raw is already one customer's day when no two ids share a key, no line
  // splits a day and the dates are typed: then the days are the groups keyed, not grouped again.
  const oneDayEach =
    refs.line === null && typeOf(refs.date) === "date" && (await keysAreDistinct(c));
  // When, besides, every text id is its own clean label, its key is its lower case, made on the
  // spot: the groups are not joined to the id map, only kept from the few ids without a key.
  const keyOnTheSpot =
    oneDayEach && typeOf(refs.customer) === "text" && (await idsAreTheirLabels(c));
  const days = `${dayOf("r.rd")} AS d, COALESCE(r.net, 0) AS net, r.pos AS pos, r.prows AS prows, COALESCE(${mg}, 0) AS mg`;
  await c.run(
    d.createTemp(
      "spec_days",
      keyOnTheSpot
        ? `SELECT ${keyOfCleanTextSql("r.rc")} AS c, ${days} ${WITHOUT_KEY} WHERE ${HAS_KEY}`
        : oneDayEach
          ? `SELECT i.c AS c, ${days} ${keyed}`
          : `SELECT i.c AS c, ${dayOf("r.rd")} AS d, COALESCE(SUM(r.net), 0) AS net, COALESCE(SUM(r.pos), 0) AS pos, SUM(r.prows) AS prows, COALESCE(SUM(${mg}), 0) AS mg ${keyed} GROUP BY 1, 2`
    )
  );
  if (refs.line !== null)
    await c.run(
      d.createTemp(
        "spec_line_days",
        `SELECT i.c AS c, l.k AS pl, ${dayOf("r.rd")} AS d ${keyed} AND l.k IS NOT NULL AND r.pos > 0 GROUP BY 1, 2, 3`
      )
    );
  // The groups are in the days now: their memory (a gigabyte at 100,000,000 rows) is let go.
  await c.run("DROP TABLE spec_raw");
  const columns = [
    columnCheck("sales", "customer", refs.customer, "id", null),
    columnCheck("sales", "date", refs.date, "date", found[0]),
    columnCheck("sales", "amount", refs.amount, "number", found[1]),
    ...(refs.margin === null
      ? []
      : [columnCheck("sales", "margin", refs.margin, "number", found[2])]),
    ...(refs.line === null ? [] : [columnCheck("sales", "productLine", refs.line, "label", null)]),
  ];
  const leftOut: TableCheck["leftOut"] = [
    { reason: "total_row", count: counts.totals, rows: [] },
    { reason: "no_customer", count: counts.keyless - counts.blank_rows, rows: [] },
    { reason: "blank_row", count: counts.blank_rows, rows: [] },
  ];
  return { check: tableCheck(table, ["sales"], counts.rows, leftOut, columns) };
}
