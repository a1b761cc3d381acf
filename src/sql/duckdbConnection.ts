/** DuckDB embedded (@duckdb/node-api): no server, a prebuilt binary, files read where they are. */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
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

  async columns(sql: string): Promise<SqlColumns> {
    const reader = await traced(sql, () => this.connection.runAndReadAll(sql));
    const names = reader.columnNames();
    const columns = reader.getColumnsJS();
    const out: Record<string, unknown[]> = {};
    names.forEach((name, j) => {
      const values = (columns[j] ?? []) as unknown[];
      for (let i = 0; i < values.length; i++)
        if (typeof values[i] === "bigint") values[i] = Number(values[i]);
      out[name] = values;
    });
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
