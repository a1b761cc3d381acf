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

/** How the lists of an activity are named in messages: an argument's name and "position", or a column and "row". */
export interface ActivityNames {
  readonly customers: string;
  readonly dates: string;
  readonly amounts: string;
  /** "position" for a function argument, "row" for a table. */
  readonly place: string;
  /** Added to the 1-based index when naming a place (a table's header row, say). */
  readonly offset?: number;
}

export const ARGUMENT_NAMES: ActivityNames = { customers: "customers", dates: "dates", amounts: "amounts", place: "position" };

/**
 * Reads rows in one pass. A row with a blank customer is skipped; a row with a customer but a
 * blank or unreadable date, or an unreadable amount, is an error naming its place.
 */
export function readActivity(
  customers: CellList,
  dates: CellList,
  amounts: CellList | null,
  index: CustomerIndex,
  names: ActivityNames = ARGUMENT_NAMES,
): Result<Activity> {
  const n = customers.length;
  const offset = names.offset ?? 0;
  const customer = new Int32Array(n);
  const badId = index.codeAll(customers, customer);
  if (badId >= 0) {
    return valueError(`${names.customers}: ${names.place} ${badId + 1 + offset} is ${describeCell(customers.at(badId))}, expected a customer id`);
  }
  const day = new Int32Array(n);
  const badDay = readDays(dates, customer, day);
  if (badDay >= 0) {
    const cell = dates.at(badDay);
    const what = readDay(cell) === BLANK_DAY ? "blank" : describeCell(cell);
    return valueError(`${names.dates}: ${names.place} ${badDay + 1 + offset} is ${what}, expected a date (customer ${index.label(customer[badDay])})`);
  }
  let amount: Float64Array | null = null;
  if (amounts !== null) {
    amount = new Float64Array(n);
    const badAmount = readAmounts(amounts, customer, amount);
    if (badAmount >= 0) {
      return valueError(`${names.amounts}: ${names.place} ${badAmount + 1 + offset} is ${describeCell(amounts.at(badAmount))}, expected a number`);
    }
  }
  let latestDay = 0;
  for (let i = 0; i < n; i++) if (day[i] > latestDay) latestDay = day[i];
  return ok({ customer, day, amount, latestDay });
}

/** Marks the distinct non-blank ids of a list (a customer table's ids, say) in the index. */
export function readCustomerList(list: CellList, index: CustomerIndex, name: string, place = "position", offset = 0): Result<Int32Array> {
  const codes = new Int32Array(list.length);
  const bad = index.codeAll(list, codes);
  if (bad >= 0) return valueError(`${name}: ${place} ${bad + 1 + offset} is ${describeCell(list.at(bad))}, expected a customer id`);
  return ok(codes);
}
