import { readDay, describeCell, BLANK_DAY } from "./cells";
import { readAmounts, readDays } from "./columnReaders";
import { CustomerIndex } from "./customerIndex";
import { CellList } from "./lists";
import { Result, ok, valueError } from "./result";

/**
 * Sales rows as typed columns: one entry per row, customer codes from a CustomerIndex
 * (BLANK_CUSTOMER for a skipped row), whole-day serials and amounts.
 */
export interface Activity {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  /** null when the caller gave no amounts: every row is then a purchase. */
  readonly amount: Float64Array | null;
  /** The latest day of a row with a customer, 0 when there is none. */
  readonly latestDay: number;
}

/** The lists of an activity, as messages name them. */
export type ActivityList = "customers" | "dates" | "amounts";

/** Where position i of a list is, in a message: "dates: position 3", or a table's cell. */
export interface ActivityNames {
  readonly at: (list: ActivityList, i: number) => string;
}

export const ARGUMENT_NAMES: ActivityNames = { at: (list, i) => `${list}: position ${i + 1}` };

/**
 * Reads rows in one pass. A row with a blank customer is skipped; a row with a customer but a
 * blank or unreadable date, or an unreadable amount, is an error naming its place.
 */
export function readActivity(
  customers: CellList,
  dates: CellList,
  amounts: CellList | null,
  index: CustomerIndex,
  names: ActivityNames = ARGUMENT_NAMES
): Result<Activity> {
  const n = customers.length;
  const customer = new Int32Array(n);
  const badId = index.codeAll(customers, customer);
  if (badId >= 0) {
    return valueError(
      `${names.at("customers", badId)} is ${describeCell(customers.at(badId))}, expected a customer id`
    );
  }
  const day = new Int32Array(n);
  const badDay = readDays(dates, customer, day);
  if (badDay >= 0) {
    const cell = dates.at(badDay);
    const what = readDay(cell) === BLANK_DAY ? "blank" : describeCell(cell);
    return valueError(
      `${names.at("dates", badDay)} is ${what}, expected a date (customer ${index.label(customer[badDay])})`
    );
  }
  let amount: Float64Array | null = null;
  if (amounts !== null) {
    amount = new Float64Array(n);
    const badAmount = readAmounts(amounts, customer, amount);
    if (badAmount >= 0) {
      return valueError(
        `${names.at("amounts", badAmount)} is ${describeCell(amounts.at(badAmount))}, expected a number`
      );
    }
  }
  let latestDay = 0;
  for (let i = 0; i < n; i++) if (day[i] > latestDay) latestDay = day[i];
  return ok({ customer, day, amount, latestDay });
}

/** Marks the distinct non-blank ids of a list (a customer table's ids, say) in the index. */
export function readCustomerList(
  list: CellList,
  index: CustomerIndex,
  at: (i: number) => string
): Result<Int32Array> {
  const codes = new Int32Array(list.length);
  const bad = index.codeAll(list, codes);
  if (bad >= 0)
    return valueError(`${at(bad)} is ${describeCell(list.at(bad))}, expected a customer id`);
  return ok(codes);
}
