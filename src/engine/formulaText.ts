/**
 * The parts every live formula of the Scorecard sheet is written from: the mapped columns as
 * formula text, LET names, text constants, and the row conditions the engine counts by. Plain
 * text in Excel's en-US syntax, for the indicator definitions and the sheet's blocks alike; each
 * writer turns the LET sigil into what its Excel expects.
 *
 * Two rules make every formula give exactly what the engine computes, on messy data and at
 * Excel's size:
 * - Ids and labels are compared by the key the engine uses (core/textKey.ts): cleaned, trimmed,
 *   lower case, so " 7004", 7004 and "7004" are one customer, and "", spaces and 0 are none.
 * - No formula costs rows × customers: distinct customers are counted with one UNIQUE per set,
 *   and what two sets share by inclusion–exclusion (|A ∩ B| = |A| + |B| − |A ∪ B|), never by
 *   looking each row up in another list. The only lookups are binary searches in sorted lists.
 *   What cannot be written so (each customer's own sums) is computed at the build.
 */
import { textKeyFormula } from "../core/textKey";

/** Formula text of the mapped columns; absent when not mapped. */
export interface DataRefs {
  readonly customer: string;
  readonly date: string;
  readonly amount: string;
  readonly margin?: string;
  readonly productLine?: string;
  readonly customerIds?: string;
  readonly customerSegments?: string;
  readonly leadCreated?: string;
  readonly leadSource?: string;
  readonly leadStatus?: string;
  readonly leadCustomer?: string;
  readonly potentialAccounts?: string;
}

/** Cells (absolute addresses) of a span of days: its first day, its last counted day (as of), and its period's last day (a formula). */
export interface SpanCells {
  readonly start: string;
  readonly end: string;
  readonly periodEnd: string;
}

/** The cells of the activation definition. */
export interface ParameterCells {
  readonly window: string;
  readonly minPurchases: string;
  readonly minAmount: string;
}

export const LET_VARIABLE = "§";

/** A formula as typed into Excel (Office.js takes them so): only the LET sigil goes. */
export function typedFormula(formula: string): string {
  return formula.split(LET_VARIABLE).join("");
}

/** A LET variable's name. */
export const letName = (name: string): string => `${LET_VARIABLE}${name}`;
const v = letName;

/** A text constant in a formula: quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A column of text constants, {"a";"b"}. */
export function textColumn(texts: readonly string[]): string {
  return `{${texts.map(textLiteral).join(";")}}`;
}

/** Stands for "nothing" where FILTER finds no row: no key can equal it (keys hold no control character). */
export const NOTHING = "CHAR(30)";
/** Joins a customer's key to a product line's or a segment's: no key holds it. */
export const JOIN = "CHAR(31)";

/** The key of a column or cell (core/textKey.ts). */
export const key = textKeyFormula;

/** Rows whose customer is not blank, given §k: "", spaces and 0 are no customer. */
export const hasCustomer = `(${v("k")}<>"")*(${v("k")}<>"0")`;

/** Sales rows that are a purchase (a customer, amount > 0), given §k. */
export const isPurchase = (r: DataRefs): string => `${hasCustomer}*(${r.amount}>0)`;

/** The LET names of the sales rows' customer keys, §k. */
export const customerKeys = (r: DataRefs): string => `${v("k")},${key(r.customer)},`;

/** Days from `start` to `end` inclusive; a date with a time of day counts on its day. */
export const within = (r: DataRefs, start: string, end: string): string =>
  `(${r.date}>=${start})*(${r.date}<${end}+1)`;

/** The number of distinct values of `list` where `condition` holds; 0 where it holds nowhere. */
export const distinct = (list: string, condition: string): string =>
  `IFERROR(ROWS(UNIQUE(FILTER(${list},${condition}))),0)`;

/** `a` then `b` as one column (VSTACK, which LibreOffice 25.2 lacks, written with INDEX). */
export function stacked(a: string, b: string, rowsOfA: string, rowsOfB: string): string {
  const t = `SEQUENCE(${rowsOfA}+${rowsOfB})`;
  return `IF(${t}<=${rowsOfA},INDEX(${a},${t}),INDEX(${b},${t}-${rowsOfA}))`;
}

/** The customer keys §k of the sales rows, then `body`. */
export const withKeys = (r: DataRefs, body: string): string =>
  `LET(${v("k")},${key(r.customer)},${body})`;

/** Values side by side in one row: CHOOSE({1,2,…}, a, b, …). */
export const sideBySide = (values: readonly string[]): string =>
  `CHOOSE({${values.map((_, i) => i + 1).join(",")}},${values.join(",")})`;

/**
 * LET names for a binary search: §name, the sorted list `sorted`, and §nameby, `alongside` (sorted
 * the same way) when given. LibreOffice 25.2's binary search never finds an array's last entry, so
 * both carry their last entry twice (harmless in Excel).
 */
export function searchable(name: string, sorted: string, alongside?: string): string {
  const n = v(`${name}count`);
  const t = v(`${name}seq`);
  const last = (list: string): string => `IF(${t}<=${n},INDEX(${list},${t}),INDEX(${list},${n}))`;
  const all = v(`${name}all`);
  const allAlongside = v(`${name}with`);
  return (
    `${all},${sorted},${alongside === undefined ? "" : `${allAlongside},${alongside},`}${n},ROWS(${all}),${t},SEQUENCE(${n}+1),` +
    `${v(name)},${last(all)},${alongside === undefined ? "" : `${v(`${name}by`)},${last(allAlongside)},`}`
  );
}
