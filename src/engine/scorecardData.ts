/**
 * The mapped tables read into typed columns once, for every indicator to share. Bad cells are
 * errors that name the table, the column and the worksheet row.
 */
import { Activity, readActivity, readCustomerList } from "../core/activity";
import { describeCell, isBlank, readDay, BLANK_DAY } from "../core/cells";
import { readAmounts } from "../core/columnReaders";
import { CustomerIndex } from "../core/customerIndex";
import { CellList } from "../core/lists";
import { Result, ok, valueError } from "../core/result";
import { SourceTable, cellPlace } from "./sourceTable";
import { ColumnOf, TableMapping } from "./tableMapping";
import { cleanText, textKey } from "../core/textKey";

/** Text labels (segments, lines, sources) as dense codes; blank is -1. */
export interface LabelCodes {
  readonly codes: Int32Array;
  readonly names: readonly string[];
}

export interface LeadsData {
  readonly day: Int32Array;
  readonly source: LabelCodes;
  readonly converted: Uint8Array;
}

export interface ScorecardData {
  readonly index: CustomerIndex;
  /** Sales rows; amounts always present. */
  readonly sales: Activity & { readonly amount: Float64Array };
  readonly margin: Float64Array | null;
  readonly productLine: LabelCodes | null;
  /** Codes of the Customers table's ids, the activation base. */
  readonly customerBase: Int32Array | null;
  /** Segment code of each customer code (-1 when unknown), and the segments' names. */
  readonly segmentOfCustomer: Int32Array | null;
  readonly segments: readonly string[];
  readonly leads: LeadsData | null;
  /** Numeric attributes of the Customers table, per table row (NaN where blank). */
  readonly customerAttributes: Record<CustomerAttribute, Float64Array | null>;
  /** Potential accounts by segment name, and in all. */
  readonly market: {
    readonly total: number;
    readonly bySegment: ReadonlyMap<string, number>;
  } | null;
}

export const CUSTOMER_ATTRIBUTES = ["serviceCost", "creditDays", "daysLate"] as const;
export type CustomerAttribute = (typeof CUSTOMER_ATTRIBUTES)[number];

export const CONVERTED_STATUSES = [
  "won",
  "converted",
  "customer",
  "closed won",
  "ganado",
  "convertido",
  "cliente",
  "cerrado ganado",
];

function cells(table: SourceTable, column: number | undefined): CellList | null {
  return column === undefined ? null : CellList.of(table.columns[column]);
}

/** Distinct labels by their text key (as the sheet compares them); the first spelling seen is kept, cleaned. */
export function readLabels(values: readonly unknown[]): LabelCodes {
  const codes = new Int32Array(values.length);
  const byKey = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const text = v === null || v === undefined ? "" : cleanText(String(v));
    if (text === "") {
      codes[i] = -1;
      continue;
    }
    const key = text.toLowerCase();
    let c = byKey.get(key);
    if (c === undefined) {
      c = names.length;
      names.push(text);
      byKey.set(key, c);
    }
    codes[i] = c;
  }
  return { codes, names };
}

export function readScorecardData(mapping: TableMapping): Result<ScorecardData> {
  const sales = mapping.sales;
  if (sales === undefined)
    return valueError(
      "no sales table: the workbook needs a table with customer, date and amount columns"
    );
  const t = sales.table;
  const col = sales.columns as { [C in ColumnOf<"sales">]?: number };
  const index = new CustomerIndex();
  const columnOf = {
    customers: col.customer as number,
    dates: col.date as number,
    amounts: col.amount as number,
  };
  const activity = readActivity(
    cells(t, col.customer) as CellList,
    cells(t, col.date) as CellList,
    cells(t, col.amount) as CellList,
    index,
    {
      at: (list, i) => cellPlace(t, columnOf[list], i),
    }
  );
  if (!activity.ok) return activity;
  const salesRows = activity.value as Activity & { amount: Float64Array };

  let margin: Float64Array | null = null;
  if (col.margin !== undefined) {
    margin = new Float64Array(t.rowCount);
    const bad = readAmounts(CellList.of(t.columns[col.margin]), salesRows.customer, margin);
    if (bad >= 0)
      return valueError(
        `${cellPlace(t, col.margin, bad)} is ${describeCell(t.columns[col.margin][bad])}, expected a number`
      );
  }
  const productLine = col.productLine === undefined ? null : readLabels(t.columns[col.productLine]);

  let customerBase: Int32Array | null = null;
  let segmentOfCustomer: Int32Array | null = null;
  let segments: readonly string[] = [];
  if (mapping.customers !== undefined) {
    const ct = mapping.customers.table;
    const cc = mapping.customers.columns as { [C in ColumnOf<"customers">]?: number };
    const ids = readCustomerList(CellList.of(ct.columns[cc.id as number]), index, (i) =>
      cellPlace(ct, cc.id as number, i)
    );
    if (!ids.ok) return ids;
    customerBase = ids.value;
    if (cc.segment !== undefined) {
      const labels = readLabels(ct.columns[cc.segment]);
      segments = labels.names;
      segmentOfCustomer = new Int32Array(index.count).fill(-1);
      // A customer listed twice takes its first row's segment, as a lookup finds it.
      const listed = new Uint8Array(index.count);
      for (let i = 0; i < customerBase.length; i++) {
        const c = customerBase[i];
        if (c < 0 || listed[c] === 1) continue;
        listed[c] = 1;
        segmentOfCustomer[c] = labels.codes[i];
      }
    }
  }

  const customerAttributes = readCustomerAttributes(mapping);
  if (!customerAttributes.ok) return customerAttributes;

  let leads: LeadsData | null = null;
  if (mapping.leads !== undefined) {
    const read = readLeads(
      mapping.leads.table,
      mapping.leads.columns as { [C in ColumnOf<"leads">]?: number }
    );
    if (!read.ok) return read;
    leads = read.value;
  }

  let market: ScorecardData["market"] = null;
  if (mapping.market !== undefined) {
    const read = readMarket(
      mapping.market.table,
      mapping.market.columns as { [C in ColumnOf<"market">]?: number }
    );
    if (!read.ok) return read;
    market = read.value;
  }

  return ok({
    index,
    sales: salesRows,
    margin,
    productLine,
    customerBase,
    segmentOfCustomer,
    segments,
    customerAttributes: customerAttributes.value,
    leads,
    market,
  });
}

/** The Customers table's numeric attributes, per table row (NaN where blank). */
function readCustomerAttributes(
  mapping: TableMapping
): Result<Record<CustomerAttribute, Float64Array | null>> {
  const customerAttributes: Record<CustomerAttribute, Float64Array | null> = {
    serviceCost: null,
    creditDays: null,
    daysLate: null,
  };
  if (mapping.customers !== undefined) {
    const ct = mapping.customers.table;
    const cc = mapping.customers.columns as { [C in ColumnOf<"customers">]?: number };
    for (const key of CUSTOMER_ATTRIBUTES) {
      const j = cc[key];
      if (j === undefined) continue;
      const values = new Float64Array(ct.rowCount);
      for (let i = 0; i < ct.rowCount; i++) {
        const v = ct.columns[j][i];
        if (typeof v === "number" && Number.isFinite(v)) values[i] = v;
        else if (isBlank(v)) values[i] = NaN;
        else return valueError(`${cellPlace(ct, j, i)} is ${describeCell(v)}, expected a number`);
      }
      customerAttributes[key] = values;
    }
  }
  return ok(customerAttributes);
}

/** Potential accounts by segment (its cleaned name) and in all. */
function readMarket(
  mt: SourceTable,
  mc: { [C in ColumnOf<"market">]?: number }
): Result<NonNullable<ScorecardData["market"]>> {
  const bySegment = new Map<string, number>();
  let total = 0;
  const potential = mt.columns[mc.potentialAccounts as number];
  for (let i = 0; i < mt.rowCount; i++) {
    const v = potential[i];
    if (isBlank(v)) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      return valueError(
        `${cellPlace(mt, mc.potentialAccounts as number, i)} is ${describeCell(v)}, expected a number`
      );
    }
    total += v;
    const segment = mt.columns[mc.segment as number][i];
    if (!isBlank(segment)) {
      const key = cleanText(String(segment));
      bySegment.set(key, (bySegment.get(key) ?? 0) + v);
    }
  }
  return ok({ total, bySegment });
}

function readLeads(t: SourceTable, col: { [C in ColumnOf<"leads">]?: number }): Result<LeadsData> {
  const n = t.rowCount;
  const day = new Int32Array(n);
  const converted = new Uint8Array(n);
  const statuses = new Set(CONVERTED_STATUSES);
  const created = t.columns[col.created as number];
  const others = [col.source, col.status, col.customer]
    .filter((c): c is number => c !== undefined)
    .map((c) => t.columns[c]);
  for (let i = 0; i < n; i++) {
    const d = readDay(created[i]);
    if (d < 1) {
      if (d === BLANK_DAY && others.every((values) => isBlank(values[i]))) continue; // an empty row
      const what = d === BLANK_DAY ? "blank" : describeCell(created[i]);
      return valueError(`${cellPlace(t, col.created as number, i)} is ${what}, expected a date`);
    }
    day[i] = d;
    const status = col.status === undefined ? null : t.columns[col.status][i];
    const customer = col.customer === undefined ? null : t.columns[col.customer][i];
    const won = status !== null && status !== undefined && statuses.has(textKey(String(status)));
    // A customer id given (by the ids' own rules: 0, "0" and blank-looking text are none).
    const key = customer === null || customer === undefined ? "" : textKey(String(customer));
    const customerGiven = key !== "" && key !== "0";
    converted[i] = won || customerGiven ? 1 : 0;
  }
  const source =
    col.source === undefined
      ? { codes: new Int32Array(n).fill(-1), names: [] }
      : readLabels(t.columns[col.source]);
  return ok({ day, source, converted });
}
