/**
 * Customer value (SPEC.md §1, §2.4) from the customers' own attributes over the 365 days ending
 * as_of, scored by the same core as SPEC.CUSTOMER_VALUE, and tiers A/B/C by rank.
 */
import { customerValueScores } from "../core/customerValue";
import { NumberCodes } from "../core/numberCodes";
import { CUSTOMER_ATTRIBUTES, CustomerAttribute, ScorecardData } from "./scorecardData";
import { SalesFacts } from "./indicatorTotals";

export const VALUE_ATTRIBUTES = [
  "volume",
  "frequency",
  "margin",
  "breadth",
  "tenure",
  "serviceCost",
  "creditDays",
  "daysLate",
] as const;
export type ValueAttribute = (typeof VALUE_ATTRIBUTES)[number];

/** More is better, except what costs: service cost, credit days, days late. */
export const DEFAULT_DIRECTIONS: Record<ValueAttribute, 1 | -1> = {
  volume: 1,
  frequency: 1,
  margin: 1,
  breadth: 1,
  tenure: 1,
  serviceCost: -1,
  creditDays: -1,
  daysLate: -1,
};

export interface ValueSettings {
  readonly weights: Partial<Record<ValueAttribute, number>>;
  readonly directions: Partial<Record<ValueAttribute, 1 | -1>>;
  /** Shares of scored customers in tiers A and B (C is the rest). */
  readonly tierShares: { readonly a: number; readonly b: number };
}

export const DEFAULT_VALUE_SETTINGS: ValueSettings = {
  weights: {},
  directions: {},
  tierShares: { a: 0.2, b: 0.3 },
};

export type Tier = "A" | "B" | "C";
export const TIERS: readonly Tier[] = ["A", "B", "C"];

export interface ValueTable {
  /** The attributes the data has, in VALUE_ATTRIBUTES order. */
  readonly attributes: readonly ValueAttribute[];
  readonly weights: readonly number[];
  readonly directions: readonly (1 | -1)[];
  /** Customer codes scored, and their attribute values (row-major, NaN for blank). */
  readonly customers: Int32Array;
  readonly values: Float64Array;
  readonly scores: Float64Array;
  readonly tiers: readonly Tier[];
  /**
   * The lowest score in tier A and in tiers A+B: the k-th largest score, k = round(share ×
   * scored); null when k is 0. A customer scoring at least the threshold ranks within the top k,
   * so this is the rank rule, and the sheet computes it the same way with LARGE.
   */
  readonly tierThresholds: { readonly a: number | null; readonly ab: number | null };
}

/** Tier of each score against the thresholds; a blank score is C. */
export function tiersByThreshold(
  scores: Float64Array,
  thresholdA: number | null,
  thresholdAB: number | null
): Tier[] {
  return Array.from(scores, (s) =>
    s !== s
      ? "C"
      : thresholdA !== null && s >= thresholdA
        ? "A"
        : thresholdAB !== null && s >= thresholdAB
          ? "B"
          : "C"
  );
}

export function valueTable(
  data: ScorecardData,
  facts: SalesFacts,
  asOf: number,
  settings: ValueSettings
): ValueTable {
  const m = data.index.count;
  const { volume, frequency, margin, breadth, hasRow } = salesAttributes(data, asOf);

  // Scored: the Customers table's customers when there is one, else everyone with a sale by as_of.
  const scoredFlags = new Uint8Array(m);
  if (data.customerBase !== null) {
    for (const c of data.customerBase) if (c >= 0) scoredFlags[c] = 1;
  } else {
    for (let c = 0; c < m; c++) scoredFlags[c] = hasRow[c];
  }
  const customers = Int32Array.from({ length: m }, (_, c) => c).filter((c) => scoredFlags[c] === 1);

  const customerAttribute = customerTableAttributes(data);
  const available: ValueAttribute[] = VALUE_ATTRIBUTES.filter((a) => {
    if (a === "margin") return data.margin !== null;
    if (a === "breadth") return data.productLine !== null;
    if (a === "serviceCost" || a === "creditDays" || a === "daysLate")
      return customerAttribute[a] !== null;
    return true;
  });
  const k = available.length;
  const rows = customers.length;
  const values = new Float64Array(rows * k);
  const columnMajor = new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const c = customers[r];
    for (let j = 0; j < k; j++) {
      const a = available[j];
      let v: number;
      switch (a) {
        case "volume":
          v = hasRow[c] ? volume[c] : 0;
          break;
        case "frequency":
          v = frequency[c];
          break;
        case "margin":
          v = margin[c];
          break;
        case "breadth":
          v = breadth[c];
          break;
        case "tenure":
          v =
            facts.firstPurchase[c] > 0 && facts.firstPurchase[c] <= asOf
              ? asOf - facts.firstPurchase[c]
              : NaN;
          break;
        default:
          v = (customerAttribute[a] as Float64Array)[c];
      }
      values[r * k + j] = v;
      columnMajor[j * rows + r] = v;
    }
  }
  const weights = available.map((a) => settings.weights[a] ?? 1);
  const directions = available.map((a) => settings.directions[a] ?? DEFAULT_DIRECTIONS[a]);
  const scores = weights.some((w) => w > 0)
    ? customerValueScores(
        { rows, columns: k, values: columnMajor },
        Float64Array.from(weights),
        Int8Array.from(directions),
        "RANK"
      )
    : new Float64Array(rows).fill(NaN);
  const descending = Array.from(scores)
    .filter((s) => s === s)
    .sort((x, y) => y - x);
  const kth = (share: number): number | null => {
    const k = Math.min(descending.length, Math.round(descending.length * share));
    return k >= 1 ? descending[k - 1] : null;
  };
  const a = kth(settings.tierShares.a);
  const ab = kth(settings.tierShares.a + settings.tierShares.b);
  return {
    attributes: available,
    weights,
    directions,
    customers,
    values,
    scores,
    tiers: tiersByThreshold(scores, a, ab),
    tierThresholds: { a, ab },
  };
}

/** Each customer's sales attributes over the 365 days to as of, and whether it has any row by then. */
function salesAttributes(
  data: ScorecardData,
  asOf: number
): Record<"volume" | "frequency" | "margin" | "breadth", Float64Array> & { hasRow: Uint8Array } {
  const m = data.index.count;
  const { customer, day, amount } = data.sales;
  const from = asOf - 365; // the 365 days ending as_of: from < d <= asOf
  const volume = new Float64Array(m);
  const frequency = new Float64Array(m);
  const margin = new Float64Array(m);
  const breadth = new Float64Array(m);
  const seenLine = data.productLine === null ? null : new NumberCodes();
  const lines = data.productLine === null ? 1 : Math.max(1, data.productLine.names.length);
  const hasRow = new Uint8Array(m);
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    const d = day[i];
    if (c < 0 || d > asOf) continue;
    hasRow[c] = 1;
    if (d <= from) continue;
    volume[c] += amount[i];
    if (amount[i] > 0) frequency[c]++;
    if (data.margin !== null) margin[c] += data.margin[i];
    if (seenLine !== null && data.productLine !== null && amount[i] > 0) {
      const l = data.productLine.codes[i];
      if (l >= 0 && seenLine.get(c * lines + l) < 0) {
        seenLine.set(c * lines + l, 1);
        breadth[c]++;
      }
    }
  }
  return { volume, frequency, margin, breadth, hasRow };
}

/** Service cost, credit days and days late by customer code, from the Customers table. */
function customerTableAttributes(
  data: ScorecardData
): Record<CustomerAttribute, Float64Array | null> {
  const out: Record<CustomerAttribute, Float64Array | null> = {
    serviceCost: null,
    creditDays: null,
    daysLate: null,
  };
  if (data.customerBase === null) return out;
  for (const key of CUSTOMER_ATTRIBUTES) {
    const column = data.customerAttributes[key];
    if (column === null) continue;
    const byCode = new Float64Array(data.index.count).fill(NaN);
    // A customer listed twice takes its first row, as everywhere else (SPEC.md §3.5).
    const listed = new Uint8Array(data.index.count);
    for (let i = 0; i < column.length; i++) {
      const c = data.customerBase[i];
      if (c < 0 || listed[c] === 1) continue;
      listed[c] = 1;
      byCode[c] = column[i];
    }
    out[key] = byCode;
  }
  return out;
}
