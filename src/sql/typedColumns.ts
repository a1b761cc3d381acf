/**
 * The mapped columns a SQL source hands over typed, checked before any is read: each must be of a
 * type its role reads (a list, a struct, JSON, an interval or a boolean is no amount), and hold
 * only values the engine would read as Excel does — no NaN or infinite number, no date before 1900
 * or after 9999, no day number past 9999-12-31 (a date written as 20250131). The first problem is
 * refused with its place (file or table, column, row), as the data check refuses a text. One query
 * per table checks all its typed columns; rows are looked for only when one fails.
 */
import { COLUMN_KINDS, ColumnKind } from "../engine/dataCheck";
import { Language, columnWhere, placeOf } from "../engine/dataText";
import { ROLES, ROLE_COLUMNS, TableMapping } from "../engine/tableMapping";
import { ColumnRef, columnSql, firstRowWhere, typeOf } from "./sqlColumns";
import { SqlConnection } from "./sqlConnection";
import { SqlTable, SqlType } from "./sqlTables";
import { SQL_TEXT } from "./sqlText";

/** The types each kind of column is read from; a label reads any (as its text). */
const READS: Record<ColumnKind, readonly SqlType[] | null> = {
  date: ["date", "number", "text"],
  number: ["number", "text"],
  id: ["text", "number"],
  label: null,
};

/** The largest double: a number past it (or NaN, which both engines sort above all) is none. */
const LARGEST = "1.7976931348623157e308";

/** Excel's last day, 9999-12-31, as a serial. */
const LAST_SERIAL = 2958465;

interface MappedColumn {
  readonly spec: string;
  readonly ref: ColumnRef;
  readonly kind: ColumnKind;
}

function mappedColumns(mapping: TableMapping, tableOf: (name: string) => SqlTable): MappedColumn[] {
  const list: MappedColumn[] = [];
  for (const role of ROLES) {
    const m = mapping[role];
    if (m === undefined) continue;
    const columns = m.columns as Record<string, number | undefined>;
    for (const column of ROLE_COLUMNS[role] as readonly string[]) {
      const j = columns[column];
      const spec = `${role}.${column}`;
      if (j !== undefined)
        list.push({ spec, ref: { table: tableOf(m.table.name), j }, kind: COLUMN_KINDS[spec] });
    }
  }
  return list;
}

/** The condition a typed value fails (one the engine would not read), or null for none. */
function failsSql(col: string, kind: ColumnKind, type: SqlType): string | null {
  if (kind === "number" && type === "number")
    return `(${col} > ${LARGEST} OR ${col} < -${LARGEST})`;
  if (kind === "date" && type === "date")
    return `(CAST(${col} AS DATE) < DATE '1900-01-01' OR CAST(${col} AS DATE) > DATE '9999-12-31')`;
  if (kind === "date" && type === "number") return `${col} >= ${LAST_SERIAL + 1}`; // below 1 is blank, as in the engine
  return null;
}

/** A value's text as the message shows it: NaN and the infinities as JavaScript writes them. */
function valueText(v: unknown): string {
  const text = String(v);
  if (/^nan$/i.test(text)) return "NaN";
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith("-") ? "-Infinity" : "Infinity";
  return text;
}

/** The refusal of a typed value: NaN or infinite, a date out of Excel's days, a day number past them. */
async function valueProblem(
  c: SqlConnection,
  m: MappedColumn,
  condition: string,
  language: Language
): Promise<string> {
  const d = c.dialect;
  const { table, j } = m.ref;
  const order = table.rowOrder === null ? "" : ` ORDER BY ${table.rowOrder}`;
  const r = await c.columns(
    `SELECT ${d.toText(columnSql(d, m.ref))} AS v FROM ${table.from} WHERE ${condition}${order} LIMIT 1`
  );
  const raw = String(r.v?.[0]);
  const value = valueText(raw);
  const row = Math.max(0, await firstRowWhere(c, table, condition));
  const place = placeOf(table.source, j, row, language);
  const T = SQL_TEXT[language];
  if (typeOf(m.ref) === "date") return T.dateOutOfRange(place, raw);
  return m.kind === "number" || value === "NaN" || value.endsWith("Infinity")
    ? T.notFinite(place, value)
    : T.serialOutOfRange(place, value);
}

/** The first mapped column of a type its role cannot read, or holding a value it would not read. */
export async function typedColumnsProblem(
  c: SqlConnection,
  mapping: TableMapping,
  tableOf: (name: string) => SqlTable,
  language: Language
): Promise<string | null> {
  const d = c.dialect;
  const columns = mappedColumns(mapping, tableOf);
  for (const m of columns) {
    const reads = READS[m.kind];
    const type = typeOf(m.ref);
    if (reads !== null && !reads.includes(type)) {
      const where = columnWhere(m.ref.table.source, m.ref.j, language);
      const typeName = m.ref.table.typeNames[m.ref.j];
      return SQL_TEXT[language].notReadable(where, typeName, m.kind, m.spec);
    }
  }
  const checks = columns
    .map((m) => ({ m, fails: failsSql(columnSql(d, m.ref), m.kind, typeOf(m.ref)) }))
    .filter((x): x is { m: MappedColumn; fails: string } => x.fails !== null);
  for (const table of new Set(checks.map((x) => x.m.ref.table))) {
    const mine = checks.filter((x) => x.m.ref.table === table);
    const r = await c.columns(
      `SELECT ${mine.map((x, k) => `MAX(CASE WHEN ${x.fails} THEN 1 ELSE 0 END) AS f${k}`).join(", ")} FROM ${table.from}`
    );
    const k = mine.findIndex((_, i) => Number(r[`f${i}`]?.[0]) === 1);
    if (k >= 0) return valueProblem(c, mine[k].m, mine[k].fails, language);
  }
  return null;
}
