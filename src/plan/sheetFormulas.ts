/**
 * The live formulas of the sheet's blocks besides the indicators' own (those are in their
 * definitions, engine/stages/): the as-of day, revenue and customers by segment, leads by source,
 * the revenue forecasts and each top customer's revenue. Written from the parts in
 * engine/formulaText.ts, under the same two rules: keys as the engine compares them, and no
 * formula that costs rows × customers.
 */
import {
  DataRefs,
  JOIN,
  NOTHING,
  SpanCells,
  hasCustomer,
  isPurchase,
  key,
  letName as v,
  searchable,
  textColumn,
  within,
  withKeys,
} from "../engine/formulaText";
import { leadConvertedNames, leadsWithin } from "../engine/stages/marketing";

/** The as-of day: the latest sales date of a row with a customer. */
export function latestSaleFormula(r: DataRefs): string {
  return withKeys(r, `INT(MAX(IF(${hasCustomer},${r.date},0)))`);
}

/**
 * Leads and converted leads of each source ("" for leads without one), as one formula spilling
 * one row per source and two columns: the leads' keys and conversions computed once.
 */
export function leadSourceFormula(
  r: DataRefs,
  s: SpanCells,
  sourceKeys: readonly string[]
): string | null {
  if (r.leadCreated === undefined || r.leadSource === undefined) return null;
  const sources = textColumn(sourceKeys);
  const bySource = `--(${sources}=TRANSPOSE(${v("s")}))`;
  return `LET(${v("s")},${key(r.leadSource)},${leadConvertedNames(r)},${v("w")},${leadsWithin(r, s.start, s.end)},CHOOSE({1,2},MMULT(${bySource},${v("w")}),MMULT(${bySource},${v("w")}*${v("cv")})))`;
}

/**
 * Revenue and buying customers of each segment, as one formula spilling one row per segment and
 * two columns. Each sales row's segment is its customer's in the Customers table (its first row,
 * as in the engine), found by binary search in the ids sorted once, each id kept once. LibreOffice
 * 25.2's binary search never finds an
 * array's last entry, so the sorted list carries its last id twice (harmless in Excel).
 */
export function segmentFormula(
  r: DataRefs,
  s: SpanCells,
  segmentKeys: readonly string[]
): string | null {
  if (r.customerIds === undefined || r.customerSegments === undefined) return null;
  const segments = textColumn(segmentKeys);
  const inSpan = `${hasCustomer}*${within(r, s.start, s.end)}`;
  return withKeys(
    r,
    `${v("i")},${key(r.customerIds)},${firstRowsSorted(r.customerSegments)}` +
      `${searchable("o", `FILTER(${v("si")},${v("sf")})`, `FILTER(${v("sg")},${v("sf")})`)}` +
      `${v("g")},XLOOKUP(${v("k")},${v("o")},${v("oby")},"",0,2),` +
      `${v("x")},UNIQUE(FILTER(${v("g")}&${JOIN}&${v("k")},${inSpan}*(${r.amount}>0),${NOTHING})),` +
      `${v("y")},LEFT(${v("x")},FIND(${JOIN},${v("x")}&${JOIN})-1),` +
      `CHOOSE({1,2},MMULT(--(${segments}=TRANSPOSE(${v("g")})),${inSpan}*${r.amount}),MMULT(--(${segments}=TRANSPOSE(${v("y")})),SEQUENCE(ROWS(${v("x")}),1,1,0)))`
  );
}

/**
 * LET names §si, §sg: the Customers ids §i and their segments sorted by id, then by row, so that
 * an id listed twice has its first row first; §sf marks those first rows. A binary search over
 * the first rows alone finds the row the engine takes (the first), whichever id repeats.
 */
function firstRowsSorted(segments: string): string {
  const [i, r, si] = [v("i"), v("r"), v("si")];
  return (
    `${r},SEQUENCE(ROWS(${i})),${si},SORTBY(${i},${i},1,${r},1),` +
    `${v("sg")},SORTBY(${key(segments)},${i},1,${r},1),` +
    `${v("sf")},(${r}=1)+(${si}<>INDEX(${si},IF(${r}>1,${r}-1,1)))>0,`
  );
}

/** Run rate to the period end: the value so far × days in the period ÷ days elapsed. */
export function runRateFormula(value: string, daysInPeriod: string, elapsed: string): string {
  return `IF(ISNUMBER(${value}),${value}*${daysInPeriod}/${elapsed},"")`;
}

/** Cells the forecasts to the period end read. */
export interface ForecastCells {
  /** The period's first day, its length in months, days in it and days elapsed. */
  readonly start: string;
  readonly months: string;
  readonly daysInPeriod: string;
  readonly elapsed: string;
  readonly asOf: string;
}

/**
 * Prior-year pace (SPEC.md §3.4): `value` × F ÷ P, F the column's total over the same period a year
 * earlier and P over its first elapsed days; blank when the sales start after that period's start
 * or P ≤ 0.
 */
export function priorYearFormula(
  r: DataRefs,
  column: string,
  value: string,
  c: ForecastCells
): string {
  const inRows = (from: string, to: string): string =>
    `SUM(${hasCustomer}*${within(r, from, to)}*${column})`;
  return withKeys(
    r,
    `${v("s")},EDATE(${c.start},-12),${v("e")},EDATE(${v("s")},${c.months})-1,` +
      `${v("w")},${inRows(v("s"), v("e"))},${v("p")},${inRows(v("s"), `MIN(${v("s")}+${c.elapsed}-1,${v("e")})`)},` +
      `${v("f")},INT(MIN(IF(${hasCustomer},${r.date},${LAST_DATE}))),` +
      `IF(AND(ISNUMBER(${value}),${v("f")}<=${v("s")},${v("p")}>0),${value}*${v("w")}/${v("p")},"")`
  );
}

/** Excel's last date, 9999-12-31: later than any sale. */
const LAST_DATE = 2958465;

/**
 * The customer model's forecast (SPEC.md §3.4): revenue so far + the revenue the customer models
 * expect to period end + the new customers' revenue so far at its pace for the remaining days.
 * New customers' revenue: rows in the period of customers with a purchase up to as of and none
 * before the period, found by binary search in the two sorted lists of buyers.
 */
export function customerModelFormula(
  r: DataRefs,
  revenue: string,
  expected: string,
  c: ForecastCells
): string {
  const buyers = (before: string): string =>
    `SORT(UNIQUE(FILTER(${v("k")},${v("p")}*(${r.date}<${before}),${NOTHING})))`;
  return withKeys(
    r,
    `${v("p")},${isPurchase(r)},${searchable("e", buyers(c.start))}${searchable("b", buyers(`${c.asOf}+1`))}` +
      `${v("n")},SUM(${hasCustomer}*${within(r, c.start, c.asOf)}*${r.amount}*ISNA(XMATCH(${v("k")},${v("e")},0,2))*ISNUMBER(XMATCH(${v("k")},${v("b")},0,2))),` +
      `IF(AND(ISNUMBER(${revenue}),ISNUMBER(${expected})),${revenue}+${expected}+${v("n")}*(${c.daysInPeriod}-${c.elapsed})/${c.elapsed},"")`
  );
}

/** Each listed customer's revenue in the span, as one formula spilling one row per customer. */
export function customerRevenueFormula(r: DataRefs, s: SpanCells, customers: string): string {
  return withKeys(
    r,
    `MMULT(--(${key(customers)}=TRANSPOSE(${v("k")})),${within(r, s.start, s.end)}*${r.amount})`
  );
}
