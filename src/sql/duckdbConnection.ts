/** DuckDB embedded (@duckdb/node-api): no server, a prebuilt binary, files read where they are. */
import {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBTypeId,
  DuckDBVector,
  JSDuckDBValueConverter,
} from "@duckdb/node-api";
import { DUCKDB } from "./dialect";
import { LoadColumn, SqlColumns, SqlConnection, insertRows, traced } from "./sqlConnection";

/** How much memory DuckDB may hold before it spills to its temporary directory. */
export interface DuckDbSettings {
  readonly memoryLimit?: string;
  readonly threads?: number;
  readonly tempDirectory?: string;
}

export class DuckDbConnection implements SqlConnection {
  readonly dialect = DUCKDB;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection
  ) {}

  static async open(settings: DuckDbSettings = {}): Promise<DuckDbConnection> {
    const options: Record<string, string> = {};
    if (settings.memoryLimit !== undefined) options.memory_limit = settings.memoryLimit;
    if (settings.threads !== undefined) options.threads = String(settings.threads);
    if (settings.tempDirectory !== undefined) options.temp_directory = settings.tempDirectory;
    const instance = await DuckDBInstance.create(":memory:", options);
    return new DuckDbConnection(instance, await instance.connect());
  }

  async run(sql: string): Promise<void> {
    await traced(sql, () => this.connection.run(sql));
  }

  /**
   * Numbers and texts are taken from each chunk's vectors as they are; other types go through
   * the library's conversion to JavaScript values. The library converts every value through its
   * converter, which took seconds for the model summaries' million rows.
   */
  async columns(sql: string): Promise<SqlColumns> {
    const result = await traced(sql, () => this.connection.run(sql));
    const names = result.columnNames();
    const columns: unknown[][] = names.map(() => []);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      for (let j = 0; j < names.length; j++) readVector(chunk.getColumnVector(j), columns[j]);
    }
    const out: Record<string, unknown[]> = {};
    names.forEach((name, j) => (out[name] = columns[j]));
    return out;
  }

  load(table: string, columns: readonly LoadColumn[], rows: readonly (readonly unknown[])[]) {
    return insertRows(this, table, columns, rows);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Types whose vectors hold JavaScript numbers or texts already. */
const AS_THEY_ARE = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.VARCHAR,
]);

/** A vector's values appended to `out`: numbers (a 64- or 128-bit integer as a number), texts, or the library's JavaScript value. */
function readVector(vector: DuckDBVector, out: unknown[]): void {
  const n = vector.itemCount;
  const type = vector.type;
  if (AS_THEY_ARE.has(type.typeId)) {
    for (let i = 0; i < n; i++) out.push(vector.getItem(i));
    return;
  }
  for (let i = 0; i < n; i++) {
    const value = JSDuckDBValueConverter(vector.getItem(i), type, JSDuckDBValueConverter);
    out.push(typeof value === "bigint" ? Number(value) : value);
  }
}
