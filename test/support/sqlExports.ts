/**
 * The same tables as a workbook's, written where the SQL engines read them: one Parquet file per
 * table (through DuckDB), one CSV file per table, and PostgreSQL tables. A column whose number
 * format is a date's holds timestamps (the time of day kept); a column of numbers only holds
 * doubles; any other column holds text, its numbers written as JavaScript writes them (a Parquet
 * or database column has one type: 7004 and "7004" both become the text 7004).
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { DuckDbConnection } from "../../src/sql/duckdbConnection";
import { PostgresConnection } from "../../src/sql/postgresConnection";
import { SqlConnection } from "../../src/sql/sqlConnection";
import { NewTable } from "../../src/xlsx/newWorkbook";

type ColumnType = "timestamp" | "double" | "text";

const isDateFormat = (format: string | undefined): boolean =>
  format !== undefined && /y/.test(format) && /d/.test(format);

function typesOf(t: NewTable): ColumnType[] {
  return t.headers.map((_, j) => {
    if (isDateFormat(t.formats?.[j])) return "timestamp";
    const values = t.columns[j].filter((v) => v !== null && v !== undefined);
    return values.length > 0 && values.every((v) => typeof v === "number") ? "double" : "text";
  });
}

/** A 1900-system serial as ISO date and time ("2025-03-05 15:30:00"). */
export function serialTimestamp(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 86400000);
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

function cellText(v: unknown, type: ColumnType): string | null {
  if (v === null || v === undefined) return null;
  if (type === "timestamp" && typeof v === "number") return serialTimestamp(v);
  return String(v);
}

/** The rows of a table as SQL literals of its columns' types. */
function valueRows(c: SqlConnection, t: NewTable, types: ColumnType[]): string[] {
  const d = c.dialect;
  return Array.from({ length: t.rowCount }, (_, i) => {
    const cells = types.map((type, j) => {
      const text = cellText(t.columns[j][i], type);
      if (text === null) return "NULL";
      if (type === "double") return d.number(Number(text));
      if (type === "timestamp") return `CAST(${d.text(text)} AS TIMESTAMP)`;
      return d.text(text);
    });
    return `(${cells.join(", ")})`;
  });
}

/** The table created in the connected engine, as `name`. */
async function createTable(c: SqlConnection, name: string, t: NewTable): Promise<void> {
  const d = c.dialect;
  const types = typesOf(t);
  const sqlType = { timestamp: "TIMESTAMP", double: "DOUBLE PRECISION", text: "TEXT" };
  await c.run(
    `DROP TABLE IF EXISTS ${d.ident(name)}; CREATE TABLE ${d.ident(name)} (${t.headers.map((h, j) => `${d.ident(h)} ${sqlType[types[j]]}`).join(", ")})`
  );
  const rows = valueRows(c, t, types);
  for (let i = 0; i < rows.length; i += 500)
    await c.run(`INSERT INTO ${d.ident(name)} VALUES ${rows.slice(i, i + 500).join(", ")}`);
}

/** Each table as `<dir>/<name>.parquet`. */
export async function writeParquet(dir: string, tables: readonly NewTable[]): Promise<void> {
  const c = await DuckDbConnection.open();
  try {
    for (const t of tables) {
      await createTable(c, t.name, t);
      await c.run(
        `COPY ${c.dialect.ident(t.name)} TO '${join(dir, `${t.name}.parquet`).replace(/'/g, "''")}' (FORMAT parquet)`
      );
    }
  } finally {
    await c.close();
  }
}

const csvField = (text: string | null): string =>
  text === null ? "" : /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** Each table as `<dir>/<name>.csv` (UTF-8, comma-separated, dates as ISO text). */
export function writeCsv(dir: string, tables: readonly NewTable[]): void {
  for (const t of tables) {
    const types = typesOf(t);
    const lines = [t.headers.map(csvField).join(",")];
    for (let i = 0; i < t.rowCount; i++)
      lines.push(types.map((type, j) => csvField(cellText(t.columns[j][i], type))).join(","));
    writeFileSync(join(dir, `${t.name}.csv`), lines.join("\n") + "\n");
  }
}

/** Each table created in the database at `url` (in its first schema). */
export async function loadPostgres(url: string, tables: readonly NewTable[]): Promise<void> {
  const c = await PostgresConnection.open(url);
  try {
    for (const t of tables) await createTable(c, t.name, t);
  } finally {
    await c.close();
  }
}
