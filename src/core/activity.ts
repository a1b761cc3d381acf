import { readAmount, readDay, describeCell, BLANK_DAY, UNREADABLE_DAY } from "./cells";
import { CustomerIndex, BLANK_CUSTOMER, UNREADABLE_CUSTOMER } from "./customerIndex";
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
  customers: readonly unknown[],
  dates: readonly unknown[],
  amounts: readonly unknown[] | null,
  index: CustomerIndex,
  names: ActivityNames = ARGUMENT_NAMES,
): Result<Activity> {
  const n = customers.length;
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = amounts === null ? null : new Float64Array(n);
  const offset = names.offset ?? 0;
  let latestDay = 0;
  for (let i = 0; i < n; i++) {
    const c = index.code(customers[i]);
    customer[i] = c;
    if (c === BLANK_CUSTOMER) continue;
    if (c === UNREADABLE_CUSTOMER) {
      return valueError(`${names.customers}: ${names.place} ${i + 1 + offset} is ${describeCell(customers[i])}, expected a customer id`);
    }
    const d = readDay(dates[i]);
    if (d === BLANK_DAY || d === UNREADABLE_DAY) {
      const what = d === BLANK_DAY ? "blank" : describeCell(dates[i]);
      return valueError(`${names.dates}: ${names.place} ${i + 1 + offset} is ${what}, expected a date (customer ${index.label(c)})`);
    }
    day[i] = d;
    if (d > latestDay) latestDay = d;
    if (amount !== null) {
      const a = readAmount((amounts as readonly unknown[])[i]);
      if (a !== a) {
        return valueError(`${names.amounts}: ${names.place} ${i + 1 + offset} is ${describeCell((amounts as readonly unknown[])[i])}, expected a number`);
      }
      amount[i] = a;
    }
  }
  return ok({ customer, day, amount, latestDay });
}

/** Marks the distinct non-blank ids of a list (a customer table's ids, say) in the index. */
export function readCustomerList(list: readonly unknown[], index: CustomerIndex, name: string, place = "position", offset = 0): Result<Int32Array> {
  const codes = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const c = index.code(list[i]);
    if (c === UNREADABLE_CUSTOMER) return valueError(`${name}: ${place} ${i + 1 + offset} is ${describeCell(list[i])}, expected a customer id`);
    codes[i] = c;
  }
  return ok(codes);
}
