/**
 * The tables a SQL source holds, as the mapping (engine/tableMapping.ts) sees any workbook's:
 * a name, headers and a row count, so that roles and columns are found by SPEC.md §3.1's rules
 * — plus what SQL needs to read each one: the FROM item, each column's type, and the order of its
 * rows when it has one (a file's; a database table's physical order; a view has none).
 */
import { SourceTable } from "../engine/sourceTable";

/** A column's type as the scorecard reads it. */
export type SqlType = "text" | "number" | "date" | "boolean" | "other";

export interface SqlTable {
  /** The table as the mapping and the data check see it (columns not read: empty). */
  readonly source: SourceTable;
  /** A FROM item that reads it. */
  readonly from: string;
  /** Each header's type. */
  readonly types: readonly SqlType[];
  /** Each header's type as the engine names it (DOUBLE[], interval), for messages. */
  readonly typeNames: readonly string[];
  /** An expression of each row's place, first row lowest; null when its rows have no order. */
  readonly rowOrder: string | null;
}

/** A DuckDB column type as the scorecard reads it. */
export function duckdbType(type: string): SqlType {
  // Whole names only: DOUBLE[] is a list, no number; STRUCT(d DATE) no date.
  const t = type.toUpperCase();
  if (/^VARCHAR(\(\d+\))?$/.test(t)) return "text";
  if (/^(DATE|TIMESTAMP(_S|_MS|_NS| WITH TIME ZONE)?)$/.test(t)) return "date";
  if (t === "BOOLEAN") return "boolean";
  if (
    /^((U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT))|FLOAT|DOUBLE|REAL|DECIMAL(\(\d+,\s*\d+\))?)$/.test(
      t
    )
  )
    return "number";
  return "other";
}

/** A PostgreSQL column type (information_schema's data_type) as the scorecard reads it. */
export function postgresType(type: string): SqlType {
  const t = type.toLowerCase();
  if (t === "text" || t.startsWith("character")) return "text";
  if (t === "date" || t.startsWith("timestamp")) return "date";
  if (t === "boolean") return "boolean";
  if (["smallint", "integer", "bigint", "numeric", "real", "double precision"].includes(t))
    return "number";
  return "other";
}

/** A SQL table as a SourceTable of the mapping: no cells read. */
export function describedTable(
  table: Omit<SourceTable, "columns" | "isExcelTable" | "firstColumn">
): SourceTable {
  return {
    ...table,
    columns: table.headers.map(() => []),
    isExcelTable: false,
    firstColumn: 1,
  };
}
