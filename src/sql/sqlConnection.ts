/**
 * A session with a SQL engine, as the scorecard's SQL pipeline uses it: statements run, results
 * read back as columns of JavaScript values (numbers, texts, null), small tables loaded, closed.
 * DuckDB embedded (duckdbConnection.ts) and PostgreSQL (postgresConnection.ts) implement it.
 */
import { SqlDialect } from "./dialect";

/** A result as columns, by name: numbers, texts or null. */
export type SqlColumns = Record<string, readonly unknown[]>;

/** A column of a table loaded from Node: its name and type. */
export interface LoadColumn {
  readonly name: string;
  readonly type: "text" | "double" | "integer";
}

export interface SqlConnection {
  readonly dialect: SqlDialect;
  /** Runs statements that return nothing the caller reads. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its columns. */
  columns(sql: string): Promise<SqlColumns>;
  /** A new temporary table holding `rows`. */
  load(
    table: string,
    columns: readonly LoadColumn[],
    rows: readonly (readonly unknown[])[]
  ): Promise<void>;
  close(): Promise<void>;
}

/**
 * `statement` timed, and written to stderr with its time when SPEC_SQL_TRACE is set (its first
 * 160 characters; all of it with SPEC_SQL_TRACE=full): where a slow source spends its time.
 */
export async function traced<T>(sql: string, statement: () => Promise<T>): Promise<T> {
  const trace = process.env.SPEC_SQL_TRACE;
  if (trace === undefined || trace === "") return statement();
  const started = process.hrtime.bigint();
  const result = await statement();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`${seconds.toFixed(2)} s ${trace === "full" ? sql : sql.slice(0, 160)}\n`);
  return result;
}

/** The first row of a result as an object (empty when there is no row). */
export async function firstRow(
  connection: SqlConnection,
  sql: string
): Promise<Record<string, unknown>> {
  const columns = await connection.columns(sql);
  const row: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(columns)) row[name] = values[0] ?? null;
  return row;
}

/** A number read back (a count may come as a bigint or a numeric text); null stays null. */
export function numberOf(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && v.trim() !== "") return Number(v);
  return null;
}

/** A column of numbers as a typed array (null as NaN). */
export function doublesOf(values: readonly unknown[] | undefined): Float64Array {
  const out = new Float64Array(values?.length ?? 0);
  for (let i = 0; i < out.length; i++) out[i] = numberOf((values as unknown[])[i]) ?? NaN;
  return out;
}

/** A column of whole numbers as a typed array (null as 0). */
export function integersOf(values: readonly unknown[] | undefined): Int32Array {
  const out = new Int32Array(values?.length ?? 0);
  for (let i = 0; i < out.length; i++) out[i] = numberOf((values as unknown[])[i]) ?? 0;
  return out;
}

/** Rows inserted in batches of literals (the small tables the pipeline loads: text readings). */
export async function insertRows(
  connection: SqlConnection,
  table: string,
  columns: readonly LoadColumn[],
  rows: readonly (readonly unknown[])[]
): Promise<void> {
  const d = connection.dialect;
  const types = {
    text: d.name === "duckdb" ? "VARCHAR" : "TEXT",
    double: "DOUBLE PRECISION",
    integer: "INTEGER",
  };
  await connection.run(
    `${d.name === "duckdb" ? "CREATE OR REPLACE TEMP TABLE" : "DROP TABLE IF EXISTS " + d.ident(table) + "; CREATE TEMP TABLE"} ${d.ident(table)} (${columns.map((c) => `${d.ident(c.name)} ${types[c.type]}`).join(", ")})`
  );
  const literal = (v: unknown, c: LoadColumn): string =>
    v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))
      ? "NULL"
      : c.type === "text"
        ? d.text(String(v))
        : c.type === "integer"
          ? String(Math.trunc(Number(v)))
          : d.number(Number(v));
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows
      .slice(i, i + 1000)
      .map((r) => `(${columns.map((c, j) => literal(r[j], c)).join(", ")})`)
      .join(", ");
    await connection.run(`INSERT INTO ${d.ident(table)} VALUES ${values}`);
  }
}
