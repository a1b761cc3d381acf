/**
 * The SPEC functions as Excel calls them: raw cell values in, a number (or a spilled table) or a
 * SpecError out. Office-free, so tests and the scorecard engine call them directly.
 */
import { readActivity, readCustomerList } from "./activity";
import { countActive } from "./activation";
import { describeCell, isBlank } from "./cells";
import { readAmounts } from "./columnReaders";
import {
  CONCENTRATION_MEASURES,
  DEFAULT_N,
  checkMeasureN,
  concentration,
  totalsByCustomer,
} from "./concentration";
import { CustomerIndex } from "./customerIndex";
import { VALUE_METHODS, customerValueScores } from "./customerValue";
import { CellList, checkSameLength, readList, readMatrix } from "./lists";
import { Result, divError, numError, ok, valueError } from "./result";
import { CustomerModels, fitCustomerModels, predictCustomers, spendModel } from "./customerModels";
import { readChoiceArg, readDateArg, readNumberArg, readWholeArg } from "./scalars";
import { ModelCheck, modelCheck } from "./modelCheck";
import { serialToIso } from "./cells";

const isOmittedList = (v: unknown): boolean => v === null || v === undefined;

/** The sales lists of a call: customers and dates, and amounts unless omitted, all of one size. */
interface SalesLists {
  readonly customers: CellList;
  readonly dates: CellList;
  readonly amounts: CellList | null;
}

function readSalesLists(
  customersArg: unknown,
  datesArg: unknown,
  amountsArg: unknown
): Result<SalesLists> {
  const customers = readList(customersArg, "customers");
  if (!customers.ok) return customers;
  const dates = readList(datesArg, "dates");
  if (!dates.ok) return dates;
  const sameDates = checkSameLength(customers.value, "customers", dates.value, "dates");
  if (!sameDates.ok) return sameDates;
  let amounts: CellList | null = null;
  if (!isOmittedList(amountsArg)) {
    const read = readList(amountsArg, "amounts");
    if (!read.ok) return read;
    const same = checkSameLength(customers.value, "customers", read.value, "amounts");
    if (!same.ok) return same;
    amounts = read.value;
  }
  return ok({ customers: customers.value, dates: dates.value, amounts });
}

export function activationRateOfCells(
  customersArg: unknown,
  datesArg: unknown,
  amountsArg?: unknown,
  asOfArg?: unknown,
  windowArg?: unknown,
  minPurchasesArg?: unknown,
  minAmountArg?: unknown,
  baseArg?: unknown
): Result<number> {
  const lists = readSalesLists(customersArg, datesArg, amountsArg);
  if (!lists.ok) return lists;
  const asOf = readDateArg(asOfArg, "as_of");
  if (!asOf.ok) return asOf;
  const windowDays = readWholeArg(windowArg, "window_days", 90, 1);
  if (!windowDays.ok) return windowDays;
  const minPurchases = readWholeArg(minPurchasesArg, "min_purchases", 1, 1);
  if (!minPurchases.ok) return minPurchases;
  const minAmount = readNumberArg(minAmountArg, "min_amount", 0);
  if (!minAmount.ok) return minAmount;
  if (minAmount.value < 0)
    return numError(`min_amount must be 0 or more; it is ${minAmount.value}`);

  const index = new CustomerIndex();
  const rows = readActivity(lists.value.customers, lists.value.dates, lists.value.amounts, index);
  if (!rows.ok) return rows;
  let base: Int32Array | null = null;
  if (!isOmittedList(baseArg)) {
    const list = readList(baseArg, "base");
    if (!list.ok) return list;
    const codes = readCustomerList(list.value, index, (i) => `base: position ${i + 1}`);
    if (!codes.ok) return codes;
    base = codes.value;
  }
  const count = countActive(
    rows.value,
    index.count,
    {
      asOf: asOf.value,
      windowDays: windowDays.value,
      minPurchases: minPurchases.value,
      minAmount: minAmount.value,
    },
    base
  );
  if (count.base === 0) {
    return divError(
      base === null
        ? "no customer has a purchase dated on or before as_of"
        : "base holds no customer ids"
    );
  }
  return ok(count.active / count.base);
}

export function concentrationOfCells(
  amountsArg: unknown,
  customersArg?: unknown,
  measureArg?: unknown,
  nArg?: unknown
): Result<number> {
  const amounts = readList(amountsArg, "amounts");
  if (!amounts.ok) return amounts;
  let customers: CellList | null = null;
  if (!isOmittedList(customersArg)) {
    const read = readList(customersArg, "customers");
    if (!read.ok) return read;
    const same = checkSameLength(amounts.value, "amounts", read.value, "customers");
    if (!same.ok) return same;
    customers = read.value;
  }
  const measure = readChoiceArg(measureArg, "measure", CONCENTRATION_MEASURES, "TOP_PCT");
  if (!measure.ok) return measure;
  let n = DEFAULT_N[measure.value];
  if (measure.value !== "HHI" && measure.value !== "GINI") {
    const read = readNumberArg(nArg, "n", n);
    if (!read.ok) return read;
    const checked = checkMeasureN(measure.value, read.value);
    if (!checked.ok) return checked;
    n = checked.value;
  }

  const list = amounts.value;
  const values = new Float64Array(list.length);
  if (customers === null) {
    const bad = readAmounts(list, null, values);
    if (bad >= 0)
      return valueError(
        `amounts: position ${bad + 1} is ${describeCell(list.at(bad))}, expected a number`
      );
    return concentration(values, measure.value, n);
  }
  const index = new CustomerIndex();
  const codes = new Int32Array(list.length);
  const badId = index.codeAll(customers, codes);
  if (badId >= 0)
    return valueError(
      `customers: position ${badId + 1} is ${describeCell(customers.at(badId))}, expected a customer id`
    );
  const bad = readAmounts(list, codes, values);
  if (bad >= 0)
    return valueError(
      `amounts: position ${bad + 1} is ${describeCell(list.at(bad))}, expected a number`
    );
  const totals = totalsByCustomer(codes, values, index.count);
  return concentration(totals, measure.value, n);
}

/** Scores as a column; a row with nothing to score is "" (a blank cell). */
export type ScoreColumn = (number | "")[][];

export function customerValueOfCells(
  attributesArg: unknown,
  weightsArg?: unknown,
  directionsArg?: unknown,
  methodArg?: unknown
): Result<ScoreColumn> {
  const matrix = readMatrix(attributesArg, "attributes");
  if (!matrix.ok) return matrix;
  const rows = matrix.value.length;
  const columns = matrix.value[0].length;
  if (columns === 0) return valueError("attributes: the range has no columns");

  const weights = new Float64Array(columns).fill(1);
  if (!isOmittedList(weightsArg)) {
    const list = readList(weightsArg, "weights");
    if (!list.ok) return list;
    if (list.value.length !== columns) {
      return valueError(
        `weights: give one weight per attribute column; attributes has ${columns} columns, weights has ${list.value.length} cells`
      );
    }
    let positive = false;
    for (let j = 0; j < columns; j++) {
      const w = list.value.at(j);
      const value = isBlank(w) ? 0 : w;
      if (typeof value !== "number" || !Number.isFinite(value))
        return valueError(`weights: position ${j + 1} is ${describeCell(w)}, expected a number`);
      if (value < 0)
        return numError(`weights: position ${j + 1} is ${value}; weights must be 0 or more`);
      if (value > 0) positive = true;
      weights[j] = value;
    }
    if (!positive) return numError("weights: at least one weight must be more than 0");
  }

  const directions = new Int8Array(columns).fill(1);
  if (!isOmittedList(directionsArg)) {
    const list = readList(directionsArg, "directions");
    if (!list.ok) return list;
    if (list.value.length !== columns) {
      return valueError(
        `directions: give one direction per attribute column; attributes has ${columns} columns, directions has ${list.value.length} cells`
      );
    }
    for (let j = 0; j < columns; j++) {
      const d = list.value.at(j);
      if (isBlank(d)) continue;
      if (d !== 1 && d !== -1)
        return valueError(
          `directions: position ${j + 1} is ${describeCell(d)}; use 1 where more is better, -1 where less is better`
        );
      directions[j] = d;
    }
  }

  const method = readChoiceArg(methodArg, "method", VALUE_METHODS, "RANK");
  if (!method.ok) return method;

  const values = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    const row = matrix.value[i];
    if (!Array.isArray(row) || row.length !== columns)
      return valueError(
        `attributes: row ${i + 1} has ${Array.isArray(row) ? row.length : 1} columns; every row needs ${columns}`
      );
    for (let j = 0; j < columns; j++) {
      const v = row[j];
      if (typeof v === "number" && Number.isFinite(v)) values[j * rows + i] = v;
      else if (isBlank(v)) values[j * rows + i] = NaN;
      else
        return valueError(
          `attributes: row ${i + 1}, column ${j + 1} is ${describeCell(v)}, expected a number`
        );
    }
  }
  const scores = customerValueScores({ rows, columns, values }, weights, directions, method.value);
  const out: ScoreColumn = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = [scores[i] === scores[i] ? scores[i] : ""];
  return ok(out);
}

/** A spilled table: a header row, then values; "" is a blank cell. */
export type Table = (string | number)[][];

/** The customer models fitted on a call's rows at its as_of (default: the latest date). */
function fittedModels(
  lists: SalesLists,
  asOf: number | null
): Result<{ models: CustomerModels; index: CustomerIndex }> {
  const index = new CustomerIndex();
  const rows = readActivity(lists.customers, lists.dates, lists.amounts, index);
  if (!rows.ok) return rows;
  const models = fitCustomerModels(rows.value, index.count, asOf ?? rows.value.latestDay);
  if (!models.ok) return models;
  return ok({ models: models.value, index });
}

const blankIfNaN = (v: number): number | "" => (v === v ? v : "");

/** The first position where either array holds ±Infinity, or -1. */
function firstInfinite(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < a.length; i++)
    if (a[i] === Infinity || a[i] === -Infinity || b[i] === Infinity || b[i] === -Infinity)
      return i;
  return -1;
}

export const CUSTOMER_FORECAST_HEADER = [
  "customer",
  "repeat_purchases",
  "recency_days",
  "age_days",
  "p_alive",
  "expected_purchases",
  "expected_value",
  "expected_revenue",
];

export function customerForecastOfCells(
  customersArg: unknown,
  datesArg: unknown,
  amountsArg?: unknown,
  asOfArg?: unknown,
  horizonArg?: unknown
): Result<Table> {
  const lists = readSalesLists(customersArg, datesArg, amountsArg);
  if (!lists.ok) return lists;
  const asOf = readDateArg(asOfArg, "as_of");
  if (!asOf.ok) return asOf;
  const horizon = readWholeArg(horizonArg, "horizon_days", 90, 1);
  if (!horizon.ok) return horizon;
  const fitted = fittedModels(lists.value, asOf.value);
  if (!fitted.ok) return fitted;
  const { models, index } = fitted.value;
  const predictions = predictCustomers(models, horizon.value);
  const h = models.history;
  const tooLarge = firstInfinite(predictions.expectedValue, predictions.expectedRevenue);
  if (tooLarge >= 0)
    return numError(
      `customer ${index.label(h.customers[tooLarge])}'s expected revenue exceeds the largest number a cell holds (about 1.8e308)`
    );
  const out: Table = [CUSTOMER_FORECAST_HEADER];
  for (let i = 0; i < h.customers.length; i++) {
    out.push([
      index.firstValue(h.customers[i]),
      h.x[i],
      h.tx[i],
      h.T[i],
      predictions.pAlive[i],
      predictions.expectedPurchases[i],
      blankIfNaN(predictions.expectedValue[i]),
      blankIfNaN(predictions.expectedRevenue[i]),
    ]);
  }
  return ok(out);
}

export function forecastModelOfCells(
  customersArg: unknown,
  datesArg: unknown,
  amountsArg?: unknown,
  asOfArg?: unknown
): Result<Table> {
  const lists = readSalesLists(customersArg, datesArg, amountsArg);
  if (!lists.ok) return lists;
  const asOf = readDateArg(asOfArg, "as_of");
  if (!asOf.ok) return asOf;
  const fitted = fittedModels(lists.value, asOf.value);
  if (!fitted.ok) return fitted;
  const { bgnbd, history, repeatCustomers } = fitted.value.models;
  const gammaGamma = spendModel(fitted.value.models);
  if (gammaGamma !== null && !Number.isFinite(gammaGamma.gamma))
    return numError("gamma, the spend model's scale, exceeds the largest number a cell holds");
  const spend = (v: number | undefined): number | "" => (v === undefined ? "" : v);
  return ok([
    ["r", bgnbd.r],
    ["alpha", bgnbd.alpha],
    ["a", bgnbd.a],
    ["b", bgnbd.b],
    ["bgnbd_log_likelihood", bgnbd.logLikelihood],
    ["p", spend(gammaGamma?.p)],
    ["q", spend(gammaGamma?.q)],
    ["gamma", spend(gammaGamma?.gamma)],
    ["gamma_gamma_log_likelihood", spend(gammaGamma?.logLikelihood)],
    ["customers", history.customers.length],
    ["repeat_customers", repeatCustomers],
  ]);
}

export const MODEL_CHECK_HEADER = [
  "calibration_purchases",
  "customers",
  "actual_purchases",
  "expected_purchases",
  "actual_revenue",
  "expected_revenue",
];

/** The check as MODEL_CHECK spills it: a header, x = 0 … 6, 7+, all; a mean with no customers is blank. */
export function modelCheckTable(check: ModelCheck): Table {
  return [
    MODEL_CHECK_HEADER,
    ...check.rows.map((row) => [
      row.calibrationPurchases,
      row.customers,
      blankIfNaN(row.actualPurchases),
      blankIfNaN(row.expectedPurchases),
      blankIfNaN(row.actualRevenue),
      blankIfNaN(row.expectedRevenue),
    ]),
  ];
}

export function modelCheckOfCells(
  customersArg: unknown,
  datesArg: unknown,
  amountsArg: unknown,
  calibrationEndArg: unknown,
  holdoutEndArg?: unknown
): Result<Table> {
  const lists = readSalesLists(customersArg, datesArg, amountsArg);
  if (!lists.ok) return lists;
  const calibrationEnd = readDateArg(calibrationEndArg, "calibration_end");
  if (!calibrationEnd.ok) return calibrationEnd;
  if (calibrationEnd.value === null)
    return valueError(
      "calibration_end: give the last day the models learn from, e.g. 90 days before the latest date"
    );
  const holdoutEndGiven = readDateArg(holdoutEndArg, "holdout_end");
  if (!holdoutEndGiven.ok) return holdoutEndGiven;
  const index = new CustomerIndex();
  const rows = readActivity(lists.value.customers, lists.value.dates, lists.value.amounts, index);
  if (!rows.ok) return rows;
  const holdoutEnd = holdoutEndGiven.value ?? rows.value.latestDay;
  // With no rows at all, the fit below says there are no customers.
  if (holdoutEnd <= calibrationEnd.value && rows.value.latestDay > 0) {
    const which = holdoutEndGiven.value === null ? "the latest date in dates, " : "";
    return numError(
      `holdout_end (${which}${serialToIso(holdoutEnd)}) must be after calibration_end (${serialToIso(calibrationEnd.value)}): the holdout is the days after calibration_end`
    );
  }
  const check = modelCheck(rows.value, index.count, calibrationEnd.value, holdoutEnd);
  if (!check.ok) return check;
  return ok(modelCheckTable(check.value));
}
