/**
 * The Customers, Leads and Market tables read in SQL, by the rules the engine reads them with
 * (engine/scorecardData.ts): an id listed twice takes its first row everywhere; labels compared by
 * their key, shown as first written; a lead converted by its status or a customer given.
 *
 * | relation | one row per | columns |
 * |---|---|---|
 * | `spec_base` | id of the Customers table (its first row) | `c`, `seg`, `service_cost`, `credit_days`, `days_late` |
 * | `spec_segments` | segment, in the order the Customers table first lists it | `k`, `label`, `ord` |
 * | `spec_leads` | lead with a created date | `day`, `src`, `converted` |
 * | `spec_sources` | lead source, in the order the Leads table first lists it | `k`, `label`, `ord` |
 * | `spec_market` | Market row with potential accounts | `potential` |
 */
import { CONVERTED_STATUSES, CustomerAttribute } from "../engine/scorecardData";
import { TableCheck } from "../engine/dataCheck";
import { ColumnRef, columnSql, idMap, isBlankSql, keySql, readDates, typeOf } from "./sqlColumns";
import { firstRow, numberOf } from "./sqlConnection";
import {
  NumberReadings,
  ReadContext,
  Step,
  columnCheck,
  holding,
  labelMap,
  readNumberColumns,
  refOf,
  refuse,
  tableCheck,
} from "./sqlReading";
import { withExamples } from "./sqlSamples";

const ATTRIBUTE_COLUMNS: Record<CustomerAttribute, string> = {
  serviceCost: "service_cost",
  creditDays: "credit_days",
  daysLate: "days_late",
};

/** A table's rows in their order, its alias being t (a view's: as the database returns them). */
const orderOf = (ref: ColumnRef): string =>
  ref.table.rowOrder === null ? "0" : `t.${ref.table.rowOrder}`;

/** The first row of each key of a label column, in the order the table first lists them: (k, label, ord). */
async function firstLabels(ctx: ReadContext, name: string, ref: ColumnRef, map: string) {
  const d = ctx.c.dialect;
  await ctx.c.run(
    d.createTemp(
      name,
      `SELECT k, label, ord FROM (SELECT s.k, s.label, ${orderOf(ref)} AS ord, ROW_NUMBER() OVER (PARTITION BY s.k ORDER BY ${orderOf(ref)}) AS rn FROM ${ref.table.from} t JOIN ${d.ident(map)} s ON t.${columnSql(d, ref)} = s.raw WHERE s.k IS NOT NULL) q WHERE rn = 1`
    )
  );
}

/** The Customers table: the activation base, each id's first row (segment, attributes), the segments. */
export async function readCustomers(
  ctx: ReadContext
): Promise<{ step: Step; attributes: CustomerAttribute[]; segments: boolean } | null> {
  const { c } = ctx;
  const d = c.dialect;
  const id = refOf(ctx, "customers", "id");
  if (id === null) return null;
  const segment = refOf(ctx, "customers", "segment");
  const attributes = (Object.keys(ATTRIBUTE_COLUMNS) as CustomerAttribute[]).filter(
    (a) => refOf(ctx, "customers", a) !== null
  );
  const attributeRefs = attributes.map((a) => refOf(ctx, "customers", a) as ColumnRef);
  const numbers = await readNumberColumns(ctx, attributeRefs);
  if ("problem" in numbers) return { step: numbers, attributes, segments: false };
  await idMap(c, "spec_cust_ids", id, null);
  if (segment !== null) {
    await labelMap(ctx, "spec_seg_ids", segment);
    await firstLabels(ctx, "spec_segments", segment, "spec_seg_ids");
  }
  const values = attributes.map((a, k) => {
    const ref = attributeRefs[k];
    const read = (numbers as NumberReadings).get(ref);
    return `${read?.valueOf(`t.${columnSql(d, ref)}`) ?? "NULL"} AS ${ATTRIBUTE_COLUMNS[a]}`;
  });
  const segmentJoin =
    segment === null ? "" : ` LEFT JOIN spec_seg_ids s ON t.${columnSql(d, segment)} = s.raw`;
  await c.run(
    d.createTemp(
      "spec_base",
      `SELECT * FROM (SELECT i.c AS c, ${segment === null ? "NULL" : "s.k"} AS seg${values.map((v) => `, ${v}`).join("")}, ROW_NUMBER() OVER (PARTITION BY i.c ORDER BY ${orderOf(id)}) AS rn FROM ${id.table.from} t JOIN spec_cust_ids i ON t.${columnSql(d, id)} = i.raw${segmentJoin} WHERE i.c IS NOT NULL) q WHERE rn = 1`
    )
  );
  // A row is blank when every mapped column is (as the memory engine's data check says).
  const allBlank = [id, ...(segment === null ? [] : [segment]), ...attributeRefs]
    .map((r) => isBlankSql(d, `t.${columnSql(d, r)}`, typeOf(r)))
    .join(" AND ");
  const counts = await firstRow(
    c,
    `SELECT COUNT(*) AS rows, SUM(CASE WHEN i.total = 1 THEN 1 ELSE 0 END) AS totals, SUM(CASE WHEN i.c IS NOT NULL THEN 1 ELSE 0 END) AS listed, SUM(CASE WHEN COALESCE(i.total, 0) <> 1 AND ${allBlank} THEN 1 ELSE 0 END) AS blank, (SELECT COUNT(*) FROM spec_base) AS ids FROM ${id.table.from} t LEFT JOIN spec_cust_ids i ON t.${columnSql(d, id)} = i.raw`
  );
  const n = (k: string): number => numberOf(counts[k]) ?? 0;
  const columns = [
    columnCheck("customers", "id", id, "id", null),
    ...(segment === null ? [] : [columnCheck("customers", "segment", segment, "label", null)]),
    ...attributes.map((a, k) =>
      columnCheck(
        "customers",
        a,
        attributeRefs[k],
        "number",
        numbers.get(attributeRefs[k])?.found ?? null
      )
    ),
  ];
  const leftOut: TableCheck["leftOut"] = [
    { reason: "total_row", count: n("totals"), rows: [] },
    { reason: "blank_row", count: n("blank"), rows: [] },
  ];
  const check = tableCheck(
    id.table,
    ["customers"],
    n("rows"),
    leftOut,
    columns,
    n("listed") - n("ids")
  );
  const rules = { kind: "customers", idMap: "spec_cust_ids", id } as const;
  const readOf = (r: ColumnRef) => (numbers as NumberReadings).get(r)?.valueOf ?? null;
  const step = await withExamples(c, { check }, rules, [id, segment, ...attributeRefs], readOf);
  return { step, attributes, segments: segment !== null };
}

/** The Leads table: each lead's day, source and whether it converted (SPEC.md §3.1). */
export async function readLeads(ctx: ReadContext): Promise<Step | null> {
  const { c } = ctx;
  const d = c.dialect;
  const created = refOf(ctx, "leads", "created");
  if (created === null) return null;
  const others = (["source", "status", "customer"] as const).map((k) => refOf(ctx, "leads", k));
  const [source, status, customer] = others;
  const dates = await readDates(c, "spec_lead_date_map", created, ctx.request.options);
  if (!dates.ok)
    return refuse(ctx, created, dates.problem, holding(ctx, created, dates.problem), "date");
  const col = (ref: ColumnRef): string => `t.${columnSql(d, ref)}`;
  const day = dates.dayOf(col(created));
  const noDay = `${day} IS NULL`;
  // A row without a date but with other data: blank, or a date that reads as none (a serial below 1).
  const withData = (q: (r: ColumnRef) => string): string =>
    others
      .filter((r): r is ColumnRef => r !== null)
      .map((r) => `NOT ${isBlankSql(d, q(r), typeOf(r))}`)
      .join(" OR ") || "1 = 0";
  const bad = await firstRow(
    c,
    `SELECT COUNT(*) AS n FROM ${created.table.from} t WHERE ${noDay} AND (${withData(col)})`
  );
  if ((numberOf(bad.n) ?? 0) > 0) {
    const blank = isBlankSql(d, columnSql(d, created), typeOf(created));
    const where = `${blank} AND (${withData((r) => columnSql(d, r))})`;
    return refuse(ctx, created, { kind: "blank_date", row: 0 }, where, "date");
  }
  const statuses = CONVERTED_STATUSES.map((s) => d.text(s)).join(", ");
  const won =
    status === null ? "1 = 0" : `${keySql(d, col(status), typeOf(status))} IN (${statuses})`;
  const given =
    customer === null
      ? "1 = 0"
      : `COALESCE(${keySql(d, col(customer), typeOf(customer))}, '') NOT IN ('', '0')`;
  if (source !== null) {
    await labelMap(ctx, "spec_src_ids", source);
    await firstLabels(ctx, "spec_sources", source, "spec_src_ids");
  }
  const sourceJoin = source === null ? "" : ` LEFT JOIN spec_src_ids s ON ${col(source)} = s.raw`;
  await c.run(
    d.createTemp(
      "spec_leads",
      `SELECT ${day} AS day, ${source === null ? "NULL" : "s.k"} AS src, CASE WHEN ${won} OR ${given} THEN 1 ELSE 0 END AS converted FROM ${created.table.from} t${sourceJoin} WHERE NOT (${noDay})`
    )
  );
  const counts = await firstRow(
    c,
    `SELECT (SELECT COUNT(*) FROM ${created.table.from}) AS rows, (SELECT COUNT(*) FROM spec_leads) AS read`
  );
  const rows = numberOf(counts.rows) ?? 0;
  const columns = [
    columnCheck("leads", "created", created, "date", dates.found),
    ...(["source", "status", "customer"] as const).flatMap((k, i) => {
      const ref = others[i];
      return ref === null
        ? []
        : [columnCheck("leads", k, ref, k === "customer" ? "id" : "label", null)];
    }),
  ];
  const blank = rows - (numberOf(counts.read) ?? 0);
  const step = {
    check: tableCheck(
      created.table,
      ["leads"],
      rows,
      [{ reason: "blank_row", count: blank, rows: [] }],
      columns
    ),
  };
  const readOf = (r: ColumnRef) => (r === created ? dates.dayOf : null);
  return withExamples(c, step, { kind: "rows" }, [created, ...others], readOf);
}

/** The Market table: the potential accounts of its rows. */
export async function readMarket(ctx: ReadContext): Promise<Step | null> {
  const { c } = ctx;
  const d = c.dialect;
  const potential = refOf(ctx, "market", "potentialAccounts");
  const segment = refOf(ctx, "market", "segment");
  if (potential === null) return null;
  const numbers = await readNumberColumns(ctx, [potential]);
  if ("problem" in numbers) return numbers;
  const read = numbers.get(potential);
  await c.run(
    d.createTemp(
      "spec_market",
      `SELECT ${read?.valueOf(columnSql(d, potential)) ?? "NULL"} AS potential FROM ${potential.table.from} WHERE ${columnSql(d, potential)} IS NOT NULL`
    )
  );
  const rows =
    numberOf((await firstRow(c, `SELECT COUNT(*) AS n FROM ${potential.table.from}`)).n) ?? 0;
  const columns = [
    ...(segment === null ? [] : [columnCheck("market", "segment", segment, "label", null)]),
    columnCheck("market", "potentialAccounts", potential, "number", read?.found ?? null),
  ];
  const check = tableCheck(potential.table, ["market"], rows, [], columns);
  const readOf = (r: ColumnRef) => (r === potential ? (read?.valueOf ?? null) : null);
  return withExamples(c, { check }, { kind: "rows" }, [segment, potential], readOf);
}
