/**
 * The customer models (SPEC.md §2.5) on a SQL engine: the database sends, for each day a fit is
 * asked at, the customers' distinct (x, t_x, T) with how many share each and the sum of their mean
 * spends, and the repeat customers' distinct (x, m) with their counts; the models are fitted in
 * Node by the engine's own code (core/customerModels.ts) on those summaries, as the memory engine
 * fits them (the first fit from several starts, the others from its estimates). The twin of
 * engine/customerOutlook.ts's CustomerModelsByDay.
 */
import {
  CustomerGroup,
  FittedModels,
  ModelSummaries,
  fitModelsOnSummaries,
  groupPredictor,
} from "../core/customerModels";
import { Triples, triplesOfGroups } from "../core/bgnbd";
import { spendHistories } from "../core/gammaGamma";
import { ModelCheck, ModelCheckUnit, checkOfUnits } from "../core/modelCheck";
import { Result, ok } from "../core/result";
import { hasDaysToCome } from "../engine/customerOutlook";
import { IndicatorValue, Reason } from "../engine/indicatorValue";
import { fitBeside, fitsInWorker } from "./fitWorker";
import { SqlDialect } from "./dialect";
import { SqlConnection, doublesOf, integersOf, traced } from "./sqlConnection";

/**
 * A customer's (x, t_x, T, m) at `day` from spec_cust's columns days_f, last_f, value_f (`s`: the
 * table's alias and a dot, or ""). x is an INTEGER: a sum comes back as a 128-bit (DuckDB) or
 * 64-bit integer, which reaches JavaScript as a BigInt or a text, seconds over a million rows.
 */
export function historyColumns(d: SqlDialect, day: number, f: number, s = ""): string {
  const x = `CAST(${s}days_${f} - 1 AS INTEGER)`;
  const m = `CASE WHEN ${s}days_${f} > 1 THEN (${s}value_${f} - ${s}first_value) / ${d.double(x)} ELSE 0 END`;
  return `${x} AS x, ${s}last_${f} - ${s}first_purchase AS tx, ${day} - ${s}first_purchase AS t, ${m} AS m`;
}

/** A day's histories in spec_cust, of the customers who had bought by then. */
function historiesSql(c: SqlConnection, day: number, f: number, extra = ""): string {
  return `SELECT c, ${historyColumns(c.dialect, day, f)}${extra} FROM spec_cust WHERE first_purchase <= ${day}`;
}

/** The groups of customers with equal (x, t_x, T), in that order, as columns (a million objects cost seconds). */
interface Groups {
  readonly x: Int32Array;
  readonly tx: Int32Array;
  readonly T: Int32Array;
  readonly count: Float64Array;
  readonly sumM: Float64Array;
}

const groupOf = (g: Groups, i: number): CustomerGroup => ({
  x: g.x[i],
  tx: g.tx[i],
  T: g.T[i],
  count: g.count[i],
  sumM: g.sumM[i],
});

async function groupsAt(c: SqlConnection, day: number, f: number): Promise<Groups> {
  const r = await c.columns(
    `SELECT x, tx, t, CAST(COUNT(*) AS INTEGER) AS n, SUM(m) AS sm FROM (${historiesSql(c, day, f)}) h GROUP BY x, tx, t ORDER BY x, tx, t`
  );
  const [x, tx, T] = [r.x, r.tx, r.t].map(integersOf);
  return { x, tx, T, count: doublesOf(r.n), sumM: doublesOf(r.sm) };
}

/** The likelihoods' summaries at a day: the triples, and the repeat customers' (x, m) with counts. */
async function summariesAt(
  c: SqlConnection,
  day: number,
  f: number,
  groups: Groups
): Promise<ModelSummaries> {
  const triples: Triples = triplesOfGroups(groups.x, groups.tx, groups.T, groups.count);
  const r = await c.columns(
    `SELECT x, m, CAST(COUNT(*) AS INTEGER) AS n FROM (${historiesSql(c, day, f)}) h WHERE x > 0 GROUP BY x, m ORDER BY x, m`
  );
  const counts = doublesOf(r.n);
  let customers = 0;
  let repeatCustomers = 0;
  for (let i = 0; i < groups.x.length; i++) {
    customers += groups.count[i];
    if (groups.x[i] > 0) repeatCustomers += groups.count[i];
  }
  return {
    triples,
    spend: spendHistories(integersOf(r.x), doublesOf(r.m), counts),
    customers,
    repeatCustomers,
  };
}

export class SqlModelsByDay {
  private readonly fits = new Map<number, Result<FittedModels>>();
  private readonly groups = new Map<number, Groups>();
  private readonly expected = new Map<string, IndicatorValue>();
  private first: FittedModels | null = null;
  /** Fits from several starts under way beside the main thread (startFresh), by day. */
  private readonly freshFits = new Map<number, Promise<Result<FittedModels>>>();

  /** `days`: the days spec_cust holds histories for (columns days_f… for day `days[f]`). */
  constructor(
    private readonly c: SqlConnection,
    private readonly days: readonly number[]
  ) {}

  private index(day: number): number {
    const f = this.days.indexOf(day);
    if (f < 0) throw new Error(`no customer histories were gathered for day ${day}`);
    return f;
  }

  private async groupsOf(day: number): Promise<Groups> {
    let found = this.groups.get(day);
    if (found === undefined) {
      found = await groupsAt(this.c, day, this.index(day));
      this.groups.set(day, found);
    }
    return found;
  }

  /**
   * Starts the fit from several starts at `day` (the holdout's calibration end) in a worker
   * thread, to run beside the fit at as of; `at(day, true)` then waits for it.
   */
  async startFresh(day: number): Promise<void> {
    if (this.freshFits.has(day)) return;
    const summaries = await summariesAt(this.c, day, this.index(day), await this.groupsOf(day));
    this.freshFits.set(day, fitBeside(summaries, "calibration_end"));
  }

  /** Both models fitted on the purchases up to `day`; `fresh`: from the several starts, as MODEL_CHECK fits. */
  async at(day: number, fresh = false): Promise<Result<FittedModels>> {
    const beside = fresh ? this.freshFits.get(day) : undefined;
    if (beside !== undefined)
      return traced(
        `models fitted afresh at day ${day} (${fitsInWorker() ? "waited for the worker thread" : "in this thread"})`,
        () => beside
      );
    let fit = fresh ? undefined : this.fits.get(day);
    if (fit === undefined) {
      const summaries = await summariesAt(this.c, day, this.index(day), await this.groupsOf(day));
      const start = fresh ? null : this.first;
      fit = await traced(
        `models fitted at day ${day} (${summaries.triples.x.length} triples${start === null ? ", from several starts" : ""})`,
        async () => fitModelsOnSummaries(summaries, start, fresh ? "calibration_end" : "as of")
      );
      if (fresh) return fit;
      if (fit.ok && this.first === null) this.first = fit.value;
      this.fits.set(day, fit);
    }
    return fit;
  }

  /** Σ expected revenue over every customer, fitted at `day`, for the `horizon` days after it (svc.expected_revenue). */
  async expectedRevenue(day: number, horizon: number): Promise<IndicatorValue> {
    const key = `${day}/${horizon}`;
    let found = this.expected.get(key);
    if (found === undefined) {
      found = await this.sumExpectedRevenue(day, horizon);
      this.expected.set(key, found);
    }
    return found;
  }

  private async sumExpectedRevenue(day: number, horizon: number): Promise<IndicatorValue> {
    const none = (reason: Reason): IndicatorValue => ({ value: null, reason });
    if (!hasDaysToCome(horizon)) return none("no_days_left_in_period");
    const fit = await this.at(day);
    if (!fit.ok) return none("model_not_fitted");
    const g = fit.value.gammaGamma;
    if (g === null || !(g.q > 1)) return none("spend_model_undefined");
    const predict = groupPredictor(fit.value, horizon);
    let sum = 0;
    const groups = await this.groupsOf(day);
    for (let i = 0; i < groups.x.length; i++) sum += predict(groupOf(groups, i)).expectedRevenue;
    return { value: sum, reason: null };
  }

  /**
   * MODEL_CHECK on the holdout (calibrationEnd, holdoutEnd] (SPEC.md §2.6): the models fitted
   * afresh at the calibration end; each group of customers' purchases and revenue in the holdout
   * against what the models expected.
   */
  async checkOnHoldout(calibrationEnd: number, holdoutEnd: number): Promise<Result<ModelCheck>> {
    const fit = await this.at(calibrationEnd, true);
    if (!fit.ok) return fit;
    const f = this.index(calibrationEnd);
    const h = this.index(holdoutEnd);
    const r = await this.c.columns(
      `SELECT x, tx, t, CAST(COUNT(*) AS INTEGER) AS n, SUM(m) AS sm, ${this.c.dialect.double("SUM(bought)")} AS bought, SUM(spent) AS spent FROM (${historiesSql(this.c, calibrationEnd, f, `, days_${h} - days_${f} AS bought, value_${h} - value_${f} AS spent`)}) h GROUP BY x, tx, t ORDER BY x, tx, t`
    );
    const [x, tx, T, n] = [r.x, r.tx, r.t, r.n].map(integersOf);
    const [sm, bought, spent] = [r.sm, r.bought, r.spent].map(doublesOf);
    const predict = groupPredictor(fit.value, holdoutEnd - calibrationEnd);
    const units = Array.from(x, (_, i): ModelCheckUnit => {
      const p = predict({ x: x[i], tx: tx[i], T: T[i], count: n[i], sumM: sm[i] });
      return {
        x: x[i],
        count: n[i],
        actualPurchases: bought[i],
        expectedPurchases: p.expectedPurchases,
        actualRevenue: spent[i],
        expectedRevenue: p.expectedRevenue,
      };
    });
    return ok(
      checkOfUnits(units, { calibrationEnd, holdoutEnd, hasAmounts: true, models: fit.value })
    );
  }
}
