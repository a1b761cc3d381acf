/**
 * The first rows of a SQL table where a condition holds, in the table's order (SqlTable.rowOrder:
 * a Parquet file's row number, a loaded CSV's rowid — its lines in file order — or a PostgreSQL
 * table's physical order, ctid), at a cost bounded whatever the table's size: never a sort of the
 * table. Rows are looked for window by window along that order, a first window of about a Parquet
 * row group (PostgreSQL: 128 blocks, 1 MiB) and each next one four times larger, until enough are
 * found: each window's query filters on the order (DuckDB skips the row groups outside it;
 * PostgreSQL reads the window's blocks alone, by a TID range scan) and keeps a few rows by a top-N.
 * Rows near the top, the usual case, cost one small window; rows met only at the end cost one pass
 * over the table. A table without an order (a view) gives the first rows the database returns.
 */
import { SqlConnection, SqlColumns, numberOf } from "./sqlConnection";
import { SqlTable } from "./sqlTables";

/** Rows of the first window: about one Parquet row group; PostgreSQL's in 8 KiB blocks. */
const FIRST_ROWS = 131_072;
const FIRST_BLOCKS = 128;
const GROWTH = 4;

export interface RowSearch {
  readonly table: SqlTable;
  /** What to read of each row found: SQL on the row (alias t), by name. */
  readonly select: Readonly<Record<string, string>>;
  /**
   * The rows searched: those where one of these conditions (on t, excluding one another) holds.
   * DuckDB searches each alone, so that its simple filters (an IN list, IS NULL) reach the scan,
   * which an OR of them would not; PostgreSQL reads them as one OR.
   */
  readonly branches: readonly string[];
  /** The group of a row found (SQL on t giving text), rows being wanted per group; null: one group, "". */
  readonly group: string | null;
  /** How many rows of each group are wanted. */
  readonly wanted: Readonly<Record<string, number>>;
  /** Values computed on the rows found (alias q, the `select` names), by name: the few rows only. */
  readonly after?: Readonly<Record<string, string>>;
  /** Each row's place in the table's order (costs a count on PostgreSQL). */
  readonly places: boolean;
  /** The first window's size, in rows (PostgreSQL: blocks), when not the usual (tests make it small). */
  readonly firstWindow?: number;
}

export interface FoundRow {
  readonly group: string;
  /** The row's place in the table's order, first row 0 (null without an order, or not asked). */
  readonly place: number | null;
  readonly values: Readonly<Record<string, unknown>>;
}

const rowsOf = (r: SqlColumns): Record<string, unknown>[] =>
  Array.from({ length: Object.values(r)[0]?.length ?? 0 }, (_, i) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v[i]]))
  );

const named = (exprs: Readonly<Record<string, string>>, d: SqlConnection["dialect"]): string[] =>
  Object.entries(exprs).map(([k, e]) => `${e} AS ${d.ident(k)}`);

/** One window's query: the rows of the groups still wanted (`need`), the first of each. */
function windowQuery(
  c: SqlConnection,
  s: RowSearch,
  window: string | null,
  need: Readonly<Record<string, number>>
): string {
  const d = c.dialect;
  const order = s.table.rowOrder ?? "NULL";
  const cols = [...named(s.select, d), `${s.group ?? "''"} AS spec_g`, `${order} AS spec_o`];
  const from = (condition: string): string =>
    `SELECT ${cols.join(", ")} FROM ${s.table.from} t WHERE ${window === null ? "" : `${window} AND `}${condition}`;
  const rows =
    d.name === "duckdb"
      ? s.branches.map((b) => from(`(${b})`)).join(" UNION ALL ")
      : from(`(${s.branches.map((b) => `(${b})`).join(" OR ")})`);
  const groups = Object.keys(need);
  const most = Math.max(...Object.values(need));
  const wanted = `SELECT * FROM (${rows}) b WHERE spec_g IN (${groups.map((g) => d.text(g)).join(", ")})`;
  const sort = s.table.rowOrder === null ? "" : " ORDER BY spec_o";
  const firsts =
    groups.length === 1
      ? `${wanted}${sort} LIMIT ${most}`
      : `SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY spec_g${sort}) AS spec_n FROM (${wanted}) w) n WHERE spec_n <= ${most}`;
  const after = [
    ...Object.keys(s.select).map((k) => `q.${d.ident(k)}`),
    ...named(s.after ?? {}, d),
  ];
  return `SELECT ${[...after, "q.spec_g", "q.spec_o"].join(", ")} FROM (${firsts}) q${sort.replace("spec_o", "q.spec_o")}`;
}

/** Windows along the order: [lo, hi) of DuckDB's row numbers, or of PostgreSQL's blocks (ctid). */
interface Windows {
  readonly at: (lo: number, hi: number) => string;
  readonly first: number;
  readonly end: number;
}

async function windowsOf(c: SqlConnection, table: SqlTable): Promise<Windows> {
  const order = table.rowOrder as string;
  if (c.dialect.name === "duckdb")
    return {
      at: (lo, hi) => `${order} >= ${lo} AND ${order} < ${hi}`,
      first: FIRST_ROWS,
      end: table.source.rowCount,
    };
  const r = await c.columns(
    `SELECT pg_relation_size(${c.dialect.text(table.from)}::regclass) / current_setting('block_size')::int AS n`
  );
  const tid = (block: number): string => `'(${block},0)'::tid`;
  return {
    at: (lo, hi) => `${order} >= ${tid(lo)} AND ${order} < ${tid(hi)}`,
    first: FIRST_BLOCKS,
    end: numberOf(r.n?.[0]) ?? 0,
  };
}

/**
 * Each ctid's place in a PostgreSQL table: the rows before it, counted range by range between the
 * ctids found (in order), each range read alone by a TID range scan — one pass up to the last.
 */
async function placesOf(
  c: SqlConnection,
  table: SqlTable,
  ctids: readonly string[]
): Promise<number[]> {
  if (ctids.length === 0) return [];
  const tid = (x: string): string => `${c.dialect.text(x)}::tid`;
  const ranges = ctids.map(
    (x, i) =>
      `(SELECT COUNT(*) FROM ${table.from} WHERE ${i === 0 ? "" : `ctid >= ${tid(ctids[i - 1])} AND `}ctid < ${tid(x)}) AS p${i}`
  );
  const r = await c.columns(`SELECT ${ranges.join(", ")}`);
  let before = 0;
  return ctids.map((_, i) => (before += numberOf(r[`p${i}`]?.[0]) ?? 0));
}

/** The rows wanted of each group, the first in the table's order (as returned without one), in order. */
export async function firstRows(c: SqlConnection, s: RowSearch): Promise<FoundRow[]> {
  const found: { group: string; order: unknown; values: Record<string, unknown> }[] = [];
  const need: Record<string, number> = Object.fromEntries(
    Object.entries(s.wanted).filter(([, n]) => n > 0)
  );
  const take = (r: SqlColumns): void => {
    for (const row of rowsOf(r)) {
      const group = String(row.spec_g);
      if ((need[group] ?? 0) <= 0) continue;
      need[group]--;
      if (need[group] === 0) delete need[group];
      found.push({ group, order: row.spec_o, values: row });
    }
  };
  if (Object.keys(need).length === 0) return [];
  if (s.table.rowOrder === null) take(await c.columns(windowQuery(c, s, null, need)));
  else {
    const windows = await windowsOf(c, s.table);
    const first = s.firstWindow ?? windows.first;
    for (let lo = 0, size = first; lo < windows.end; lo += size, size *= GROWTH) {
      take(await c.columns(windowQuery(c, s, windows.at(lo, lo + size), need)));
      if (Object.keys(need).length === 0) break;
    }
  }
  const places =
    !s.places || s.table.rowOrder === null
      ? found.map(() => null)
      : c.dialect.name === "postgres"
        ? await placesOf(
            c,
            s.table,
            found.map((f) => String(f.order))
          )
        : found.map((f) => numberOf(f.order));
  return found.map((f, i) => ({ group: f.group, place: places[i], values: f.values }));
}
