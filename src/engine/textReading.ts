/**
 * How a column's cells are read beyond what they hold, once for the engine and the live
 * formulas alike: text dates in the column's order, text numbers with its decimal mark, and
 * total rows (a customer cell such as Total or Suma) left out of a table's customers.
 */
import { DateOrder } from "../core/dateText";
import { DecimalMark } from "../core/numberText";
import { textKey } from "../core/textKey";

export type TextReading =
  | { readonly kind: "date"; readonly order: DateOrder }
  | { readonly kind: "number"; readonly decimal: DecimalMark; readonly blankIsZero: boolean }
  | { readonly kind: "totals" };

/** Customer cells that mark a total row, by their text key (SPEC.md §3.5). */
export const TOTAL_WORDS: readonly string[] = [
  "total",
  "totals",
  "totales",
  "total general",
  "gran total",
  "grand total",
  "subtotal",
  "sub total",
  "suma",
  "suma total",
  "sum",
];

/** The keys a total row's customer cell may have: each word, also followed by ":" or ".". */
export const TOTAL_KEYS: readonly string[] = TOTAL_WORDS.flatMap((w) => [w, `${w}:`, `${w}.`]);

const TOTALS = new Set(TOTAL_KEYS);

/** The longest total key: a longer cell is no total (spaces around it allowed). */
const LONGEST = Math.max(...TOTAL_KEYS.map((k) => k.length)) + 8;

/** True when a customer cell says its row is a total, not a customer. */
export function isTotalCell(v: unknown): boolean {
  if (typeof v !== "string" || v.length > LONGEST) return false;
  // Every total word starts with g, s or t: most ids are passed over without making their key.
  let k = 0;
  while (k < v.length && v.charCodeAt(k) <= 32) k++;
  const first = v.charCodeAt(k) | 32;
  return (first === 103 || first === 115 || first === 116) && TOTALS.has(textKey(v));
}

/**
 * The mapped columns the live sheet reads (by the name its formulas give each), as role and
 * column: where one holds text the engine converted, the sheet reads it through a helper column.
 */
export const LIVE_COLUMNS: readonly (readonly [string, string, string])[] = [
  ["customer", "sales", "customer"],
  ["date", "sales", "date"],
  ["amount", "sales", "amount"],
  ["margin", "sales", "margin"],
  ["customerIds", "customers", "id"],
  ["leadCreated", "leads", "created"],
  ["potentialAccounts", "market", "potentialAccounts"],
];
