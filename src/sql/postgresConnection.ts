/**
 * PostgreSQL through `pg`: the queries run in the database, only their results come back. Counts
 * (bigint) and numerics are read as JavaScript numbers; the session's work memory is raised so
 * that the grouping of sales rows by customer and day stays in memory, and so are its buffers
 * for temporary tables.
 */
import { Client, types } from "pg";
import { POSTGRES } from "./dialect";
import { LoadColumn, SqlColumns, SqlConnection, insertRows, traced } from "./sqlConnection";

/** int8, numeric: read as numbers (the pipeline's counts and sums fit a double). */
const NUMBER_TYPES = new Set([20, 1700]);

/** Seconds to wait for a server before giving up, unless the address or PGCONNECT_TIMEOUT says. */
export const CONNECT_TIMEOUT_SECONDS = 10;

/**
 * How long to wait for the server, in milliseconds: connect_timeout of the address, else
 * PGCONNECT_TIMEOUT, else CONNECT_TIMEOUT_SECONDS (pg waits forever by default: a server that
 * accepts and never answers would hang the run).
 */
function connectTimeout(connectionString: string): number {
  const given =
    /[?&]connect_timeout=(\d+)/.exec(connectionString)?.[1] ?? process.env.PGCONNECT_TIMEOUT;
  const seconds = Number(given);
  return 1000 * (given !== undefined && seconds > 0 ? seconds : CONNECT_TIMEOUT_SECONDS);
}

export class PostgresConnection implements SqlConnection {
  readonly dialect = POSTGRES;

  private constructor(private readonly client: Client) {}

  static async open(connectionString: string): Promise<PostgresConnection> {
    const client = new Client({
      connectionString,
      connectionTimeoutMillis: connectTimeout(connectionString),
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          NUMBER_TYPES.has(oid) && format !== "binary"
            ? (text: string) => Number(text)
            : types.getTypeParser(oid, format as "text")) as typeof types.getTypeParser,
      },
    });
    try {
      await client.connect();
    } catch (e) {
      // A half-open connection (the server asked for a password pg could not give) would keep
      // the process alive until the server's own timeout, a minute later.
      await client.end().catch(() => undefined);
      throw e;
    }
    // Temporary tables live in the session's temp_buffers (8 MB by default): the customers' facts
    // are hundreds of MB. JIT compiles each statement anew: seconds for one-off statements.
    await client.query("SET work_mem = '256MB'; SET temp_buffers = '1GB'; SET jit = off");
    return new PostgresConnection(client);
  }

  async run(sql: string): Promise<void> {
    await traced(sql, () => this.client.query(sql));
  }

  async columns(sql: string): Promise<SqlColumns> {
    const result = await traced(sql, () => this.client.query({ text: sql, rowMode: "array" }));
    const out: Record<string, unknown[]> = {};
    result.fields.forEach((f, j) => {
      out[f.name] = result.rows.map((r: unknown[]) => r[j]);
    });
    return out;
  }

  load(table: string, columns: readonly LoadColumn[], rows: readonly (readonly unknown[])[]) {
    return insertRows(this, table, columns, rows);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
