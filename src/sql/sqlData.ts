/**
 * Every mapped table read in SQL (sqlReading.ts, smallTables.ts), with the data check of SPEC.md
 * §3.5; the first problem stops the reading, as in the engine's check.
 */
import { CustomerAttribute } from "../engine/scorecardData";
import { DataCheck, TableCheck } from "../engine/dataCheck";
import { Language } from "../engine/dataText";
import { SqlConnection, firstRow, numberOf } from "./sqlConnection";
import { ReadContext, SqlReadRequest, Step, readSales } from "./sqlReading";
import { readCustomers, readLeads, readMarket } from "./smallTables";

/** What was read, for the queries that follow. */
export interface SqlData {
  readonly mapped: {
    readonly margin: boolean;
    readonly productLine: boolean;
    readonly leads: boolean;
    readonly market: boolean;
    /** A Customers table: its ids are the activation base and the scored customers. */
    readonly customers: boolean;
    readonly segments: boolean;
    readonly attributes: readonly CustomerAttribute[];
  };
  /** The latest day of a sales row with a customer. */
  readonly latestDay: number;
  /** The first day of a sales row with a customer. */
  readonly firstDay: number;
}

export interface ReadData {
  readonly check: DataCheck;
  /** Null when the check found a problem. */
  readonly data: SqlData | null;
}

export async function readSqlData(
  c: SqlConnection,
  request: SqlReadRequest,
  language: Language
): Promise<ReadData> {
  const ctx: ReadContext = { c, request, language };
  const tables: TableCheck[] = [];
  const check = (problem: DataCheck["problem"]): DataCheck => ({
    tables,
    choices: request.choices.map((ch) => ({
      role: ch.role,
      chosen: { name: ch.chosen.name, rows: ch.chosen.rowCount },
      others: ch.others.map((t) => ({ name: t.name, rows: t.rowCount })),
    })),
    hiddenSkipped: [],
    problem,
  });
  const take = (step: Step | null): DataCheck["problem"] => {
    if (step === null) return null;
    if ("problem" in step) return step.problem;
    tables.push(step.check);
    return null;
  };
  let problem = take(await readSales(ctx));
  const customers = problem === null ? await readCustomers(ctx) : null;
  if (problem === null && customers !== null) problem = take(customers.step);
  if (problem === null) problem = take(await readLeads(ctx));
  if (problem === null) problem = take(await readMarket(ctx));
  if (problem !== null) return { check: check(problem), data: null };
  const m = request.mapping;
  const days = await firstRow(c, "SELECT MIN(d) AS first, MAX(d) AS last FROM spec_days");
  return {
    check: check(null),
    data: {
      mapped: {
        margin: m.sales?.columns.margin !== undefined,
        productLine: m.sales?.columns.productLine !== undefined,
        leads: m.leads !== undefined,
        market: m.market !== undefined && m.market.columns.potentialAccounts !== undefined,
        customers: customers !== null,
        segments: customers?.segments ?? false,
        attributes: customers?.attributes ?? [],
      },
      latestDay: numberOf(days.last) ?? 0,
      firstDay: numberOf(days.first) ?? 0,
    },
  };
}
