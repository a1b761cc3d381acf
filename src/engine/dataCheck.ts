/**
 * The data check before the build (SPEC.md §3.5): every mapped column read by the rules of
 * textColumns.ts — text dates and numbers converted, error values and formulas without values
 * refused — total rows left out, a Customers table's repeated ids found; and, per table, what
 * was read, left out and why, the formats found and a few sample values. The engine computes on
 * the tables it returns; the live sheet reads their text the same way through `readings`.
 */
import { ErrorValue, FormulaWithoutValue, isBlank, serialToIso } from "../core/cells";
import { CustomerIndex } from "../core/customerIndex";
import { DecimalMark } from "../core/numberText";
import { textKey } from "../core/textKey";
import { Language, Surface, noSalesRows, problemMessage, sheetRow } from "./dataText";
import { SourceTable } from "./sourceTable";
import { ROLES, ROLE_COLUMNS, Role, RoleChoice, RoleMapping, TableMapping } from "./tableMapping";
import {
  ColumnProblem,
  DecimalClues,
  ReadingOptions,
  TextFound,
  cellProblem,
  decimalClues,
  isClues,
  readDateColumn,
  readLikeColumn,
  readNumberColumn,
  tableDecimal,
} from "./textColumns";
import { LIVE_COLUMNS, TextReading, isTotalCell } from "./textReading";

/** What the engine makes of a role's column. */
export type ColumnKind = "date" | "number" | "id" | "label";

/** Each role's column and what the engine makes of it ("sales.date": a date). */
export const COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  "sales.customer": "id",
  "sales.date": "date",
  "sales.amount": "number",
  "sales.margin": "number",
  "sales.productLine": "label",
  "customers.id": "id",
  "customers.segment": "label",
  "customers.serviceCost": "number",
  "customers.creditDays": "number",
  "customers.daysLate": "number",
  "leads.created": "date",
  "leads.source": "label",
  "leads.status": "label",
  "leads.customer": "id",
  "market.segment": "label",
  "market.potentialAccounts": "number",
};

/** Columns whose blank cell the engine counts as 0 (a blank amount); other blanks stay blank. */
const BLANK_IS_ZERO = new Set(["sales.amount", "sales.margin"]);

/** Rows whose customer is a total, in the tables that list customers. */
const TOTALS_IN = new Set(["sales.customer", "customers.id"]);

/** A cell as the check shows it: its text as written, and what it was read as. */
export interface Sample {
  /** The cell's text, or null when it held a number (a date) already. */
  readonly text: string | null;
  readonly read: string | number;
}

export interface ColumnCheck {
  readonly role: Role;
  readonly column: string;
  readonly header: string;
  readonly kind: ColumnKind;
  /** How its text was read (null when its cells needed no reading). */
  readonly found: TextFound | null;
  /** The live sheet reads it through a hidden helper column (its text converted, or total rows left out). */
  readonly readThrough: boolean;
  readonly samples: readonly Sample[];
}

export type LeftOutReason = "total_row" | "no_customer" | "blank_row";

export interface LeftOut {
  readonly reason: LeftOutReason;
  readonly count: number;
  /** Worksheet rows (CSV lines), the first ten. */
  readonly rows: readonly number[];
}

export interface DuplicateId {
  readonly id: string;
  /** The row that counts, and the repeat. */
  readonly rows: readonly [number, number];
}

export interface TableCheck {
  readonly roles: readonly Role[];
  readonly table: string;
  readonly sheet: string;
  readonly file: string | null;
  readonly encoding: string | null;
  readonly separator: string | null;
  readonly hidden: boolean;
  /** An Excel table (else a sheet's header row, or a CSV file). */
  readonly excelTable: boolean;
  /** Data rows read; `leftOut` says which of them the engine leaves out. */
  readonly rows: number;
  readonly leftOut: readonly LeftOut[];
  readonly columns: readonly ColumnCheck[];
  /** A Customers table's ids listed more than once (first ten), and how many in all. */
  readonly duplicates: readonly DuplicateId[];
  readonly duplicateCount: number;
}

/** A refusal: the first cell or column the build cannot read, in one line. */
export interface DataProblem {
  readonly table: string;
  readonly column: string;
  /** Worksheet row (CSV line) of the cell, or of the first example for a whole column. */
  readonly row: number;
  readonly kind: ColumnProblem["kind"] | "no_sales_rows";
  readonly message: string;
}

export interface TableRows {
  readonly name: string;
  readonly rows: number;
}

export interface DataCheck {
  readonly tables: readonly TableCheck[];
  /** Roles several tables fit: the one chosen and the others, with their rows. */
  readonly choices: readonly {
    readonly role: Role;
    readonly chosen: TableRows;
    readonly others: readonly TableRows[];
  }[];
  readonly hiddenSkipped: readonly string[];
  readonly problem: DataProblem | null;
}

export interface CheckedData {
  readonly check: DataCheck;
  /** The mapping over the tables as read: text converted, total rows' customers blank. */
  readonly mapping: TableMapping;
}

export interface CheckRequest {
  readonly mapping: TableMapping;
  readonly options: ReadingOptions;
  readonly surface: Surface;
  readonly choices?: readonly RoleChoice[];
  readonly hiddenSkipped?: readonly SourceTable[];
}

interface MappedColumn {
  readonly role: Role;
  readonly column: string;
  readonly j: number;
  readonly kind: ColumnKind;
}

/** The columns each distinct table plays, in role order. */
function mappedColumnsByTable(mapping: TableMapping): Map<SourceTable, MappedColumn[]> {
  const byTable = new Map<SourceTable, MappedColumn[]>();
  for (const role of ROLES) {
    const m = mapping[role] as RoleMapping<Role> | undefined;
    if (m === undefined) continue;
    const list = byTable.get(m.table) ?? [];
    for (const column of ROLE_COLUMNS[role] as readonly string[]) {
      const j = (m.columns as Record<string, number | undefined>)[column];
      if (j !== undefined) list.push({ role, column, j, kind: COLUMN_KINDS[`${role}.${column}`] });
    }
    byTable.set(m.table, list);
  }
  return byTable;
}

/** Checks the mapped tables and reads their text; the first problem stops the reading. */
export function checkData(request: CheckRequest): CheckedData {
  const { mapping, options, surface } = request;
  const language = options.language as Language;
  const tables: TableCheck[] = [];
  const replaced = new Map<SourceTable, SourceTable>();
  let problem: DataProblem | null = null;
  for (const [table, columns] of mappedColumnsByTable(mapping)) {
    const read = checkTable(table, columns, options, surface, language);
    if ("problem" in read) {
      problem = read.problem;
      break;
    }
    tables.push(read.check);
    replaced.set(table, read.table);
    const used = read.check.rows - read.check.leftOut.reduce((n, l) => n + l.count, 0);
    if (read.check.roles.includes("sales") && used === 0) {
      problem = {
        table: table.name,
        column: "",
        row: table.headerRow,
        kind: "no_sales_rows",
        message: noSalesRows(table, language),
      };
      break;
    }
  }
  const converted: Record<string, unknown> = {};
  for (const role of ROLES) {
    const m = mapping[role] as RoleMapping<Role> | undefined;
    if (m !== undefined) converted[role] = { ...m, table: replaced.get(m.table) ?? m.table };
  }
  return {
    check: {
      tables,
      choices: (request.choices ?? []).map((c) => ({
        role: c.role,
        chosen: { name: c.chosen.name, rows: c.chosen.rowCount },
        others: c.others.map((t) => ({ name: t.name, rows: t.rowCount })),
      })),
      hiddenSkipped: (request.hiddenSkipped ?? []).map((t) => t.name),
      problem,
    },
    mapping: converted as TableMapping,
  };
}

type TableRead = { check: TableCheck; table: SourceTable } | { problem: DataProblem };

/** Why the engine leaves a row out, as a code: 0 it does not; else 1 + the reason's index. */
const LEFT_OUT_REASONS: readonly LeftOutReason[] = ["total_row", "no_customer", "blank_row"];

/** Which rows the engine leaves out, and why (total row, no customer, all blank), in one pass. */
function rowsLeftOut(
  table: SourceTable,
  columns: readonly MappedColumn[]
): { reasons: Uint8Array; totalsIn: Set<number> } {
  const n = table.rowCount;
  const reasons = new Uint8Array(n);
  const totalsIn = new Set<number>();
  const customer = columns.find((c) => c.role === "sales" && c.column === "customer");
  const ids = customer === undefined ? null : table.columns[customer.j];
  const totals = columns
    .filter((c) => TOTALS_IN.has(`${c.role}.${c.column}`))
    .map((c) => ({ j: c.j, values: table.columns[c.j] }));
  const all = columns.map((c) => table.columns[c.j]);
  const allBlank = (i: number): boolean => all.every((values) => isBlank(values[i]));
  for (let i = 0; i < n; i++) {
    let total = false;
    for (const t of totals) {
      if (isTotalCell(t.values[i])) {
        total = true;
        totalsIn.add(t.j);
      }
    }
    if (total) reasons[i] = 1;
    else if (ids !== null) {
      const v = ids[i];
      if (isBlank(v) || v === 0 || (typeof v === "string" && textKey(v) === "0"))
        reasons[i] = allBlank(i) ? 3 : 2;
    } else if (allBlank(i)) reasons[i] = 3;
  }
  return { reasons, totalsIn };
}

/** What one table's check shares between its steps. */
interface TableContext {
  readonly table: SourceTable;
  readonly columns: readonly MappedColumn[];
  readonly options: ReadingOptions;
  /** Per row, 0 when the engine reads it, else 1 + the index of its LEFT_OUT_REASONS. */
  readonly reasons: Uint8Array;
  readonly skipped: (i: number) => boolean;
  readonly refuse: (c: MappedColumn, p: ColumnProblem) => { problem: DataProblem };
}

function checkTable(
  table: SourceTable,
  columns: readonly MappedColumn[],
  options: ReadingOptions,
  surface: Surface,
  language: Language
): TableRead {
  const { reasons, totalsIn } = rowsLeftOut(table, columns);
  const expected = (c: MappedColumn): "date" | "number" | "id" =>
    c.kind === "date" ? "date" : c.kind === "number" ? "number" : "id";
  const ctx: TableContext = {
    table,
    columns,
    options,
    reasons,
    skipped: (i) => reasons[i] !== 0,
    refuse: (c, p) => ({
      problem: {
        table: table.name,
        column: table.headers[c.j],
        row: sheetRow(table, p.row),
        kind: p.kind,
        message: problemMessage(table, c.j, p, expected(c), language, surface),
      },
    }),
  };
  const clues = clueColumns(ctx);
  if ("problem" in clues) return clues;
  const tableMark: DecimalMark | null =
    table.csv !== undefined ? table.csv.decimal : tableDecimal([...clues.values()]);
  const out = table.columns.map((values) => values as unknown[]);
  const readings: (TextReading | null)[] = table.headers.map(() => null);
  const checks: ColumnCheck[] = [];
  for (const c of columns) {
    const read = readTypedColumn(ctx, c, clues.get(c), tableMark);
    if ("problem" in read) return read;
    if (read.values !== null) out[c.j] = read.values;
    readings[c.j] = read.reading;
    if (totalsIn.has(c.j)) {
      out[c.j] = out[c.j].map((v, i) => (reasons[i] === 1 ? null : v));
      readings[c.j] = { kind: "totals" };
    }
    checks.push({
      role: c.role,
      column: c.column,
      header: table.headers[c.j],
      kind: c.kind,
      found: read.found,
      readThrough:
        readings[c.j] !== null &&
        LIVE_COLUMNS.some(([, role, column]) => role === c.role && column === c.column),
      samples: samplesOf(table.columns[c.j], out[c.j], c.kind, ctx.skipped, table.csv?.head[c.j]),
    });
  }
  const checked: SourceTable = {
    ...table,
    columns: out,
    readings: readings.some((r) => r !== null) ? readings : undefined,
  };
  return { table: checked, check: tableCheck(ctx, checks) };
}

/**
 * Id and label columns refused for error values and formulas without values (ids for booleans
 * too); number columns' clues to their decimal mark.
 */
function clueColumns(
  ctx: TableContext
): Map<MappedColumn, DecimalClues> | { problem: DataProblem } {
  const clues = new Map<MappedColumn, DecimalClues>();
  for (const c of ctx.columns) {
    const values = ctx.table.columns[c.j];
    if (c.kind === "id" || c.kind === "label") {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const p =
          v instanceof ErrorValue || v instanceof FormulaWithoutValue
            ? cellProblem(v, i)
            : c.kind === "id" && typeof v === "boolean" && !ctx.skipped(i)
              ? cellProblem(v, i)
              : null;
        if (p !== null) return ctx.refuse(c, p);
      }
    } else if (c.kind === "number") {
      const found = decimalClues(values, ctx.reasons);
      if (!isClues(found)) return ctx.refuse(c, found);
      clues.set(c, found);
    }
  }
  return clues;
}

/** A date or number column read by its convention: its new cells (null: unchanged), how, and for the sheet. */
function readTypedColumn(
  ctx: TableContext,
  c: MappedColumn,
  clues: DecimalClues | undefined,
  tableMark: DecimalMark | null
):
  | { values: unknown[] | null; found: TextFound | null; reading: TextReading | null }
  | { problem: DataProblem } {
  const { table, skipped } = ctx;
  const loaded: TextFound | null = table.csv?.found[c.j] ?? null;
  if (c.kind !== "date" && c.kind !== "number")
    return { values: null, found: loaded, reading: null };
  // The cells the engine reads: rows it leaves out are not checked.
  const values = table.columns[c.j];
  const read =
    c.kind === "date"
      ? readDateColumn(values, ctx.options, ctx.reasons)
      : readNumberColumn(values, clues as DecimalClues, ctx.options, tableMark, ctx.reasons);
  if (!read.ok) return ctx.refuse(c, read.problem);
  // A row the engine reads needs its date: a sale's, a lead's.
  if (c.kind === "date") {
    const blank = values.findIndex((v, i) => !skipped(i) && isBlank(v));
    if (blank >= 0) return ctx.refuse(c, { kind: "blank_date", row: blank });
  }
  const f = read.found;
  if (f.texts === 0) return { values: null, found: loaded, reading: null };
  // Rows left out are read the column's way too, as the sheet's helper column reads them.
  const out = read.values as unknown[];
  for (let i = 0; i < out.length; i++) if (skipped(i)) out[i] = readLikeColumn(out[i], f);
  return {
    values: out,
    found: f,
    reading:
      f.kind === "date"
        ? { kind: "date", order: f.order ?? "ymd" }
        : {
            kind: "number",
            decimal: f.decimal ?? ".",
            blankIsZero: BLANK_IS_ZERO.has(`${c.role}.${c.column}`),
          },
  };
}

/** The table's part of the check: where it is, rows read and left out, its columns, repeated ids. */
function tableCheck(ctx: TableContext, checks: readonly ColumnCheck[]): TableCheck {
  const { table, reasons } = ctx;
  const duplicates = duplicateIds(table, ctx.columns, ctx.skipped);
  const leftOut = LEFT_OUT_REASONS.map((reason, k) => {
    const rows: number[] = [];
    let count = 0;
    for (let i = 0; i < reasons.length; i++) {
      if (reasons[i] !== k + 1) continue;
      count++;
      if (rows.length < 10) rows.push(sheetRow(table, i));
    }
    return { reason, count, rows };
  }).filter((l) => l.count > 0);
  return {
    roles: [...new Set(ctx.columns.map((c) => c.role))],
    table: table.name,
    sheet: table.sheet,
    file: table.file ?? null,
    encoding: table.csv?.encoding ?? null,
    separator: table.csv?.separator ?? null,
    hidden: table.hidden === true,
    excelTable: table.isExcelTable && table.file === undefined,
    rows: table.rowCount,
    leftOut,
    columns: checks,
    duplicates: duplicates.list,
    duplicateCount: duplicates.count,
  };
}

/** The first three values the engine reads: the text as written (null for a number or date cell), and what it was read as. */
function samplesOf(
  raw: readonly unknown[],
  read: readonly unknown[],
  kind: ColumnKind,
  skipped: (i: number) => boolean,
  written?: readonly (string | null)[]
): Sample[] {
  const samples: Sample[] = [];
  for (let i = 0; i < raw.length && samples.length < 3; i++) {
    const v = raw[i];
    if (skipped(i) || isBlank(v)) continue;
    const r = read[i];
    const text = written !== undefined && i < written.length ? written[i] : v;
    samples.push({
      text: typeof text === "string" ? text.trim() : null,
      read:
        kind === "date" && typeof r === "number" && r >= 1
          ? serialToIso(Math.floor(r))
          : typeof r === "number"
            ? r
            : String(r).trim(),
    });
  }
  return samples;
}

/** Ids a Customers table lists more than once: the first row counts, in the engine and the sheet alike. */
function duplicateIds(
  table: SourceTable,
  columns: readonly MappedColumn[],
  skipped: (i: number) => boolean
): { list: DuplicateId[]; count: number } {
  const id = columns.find((c) => c.role === "customers" && c.column === "id");
  if (id === undefined) return { list: [], count: 0 };
  const index = new CustomerIndex();
  const firstRow: number[] = [];
  const list: DuplicateId[] = [];
  let count = 0;
  const values = table.columns[id.j];
  for (let i = 0; i < values.length; i++) {
    if (skipped(i)) continue;
    const code = index.code(values[i]);
    if (code < 0) continue;
    if (firstRow[code] === undefined) {
      firstRow[code] = i;
      continue;
    }
    count++;
    if (list.length < 10)
      list.push({
        id: index.label(code),
        rows: [sheetRow(table, firstRow[code]), sheetRow(table, i)],
      });
  }
  return { list, count };
}
