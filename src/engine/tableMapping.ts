/**
 * Guesses each table's role and each column's meaning from table names and headers, in
 * English and Spanish (SPEC.md §3.1), ignoring case, accents and spacing.
 */
import { Language, columnName, roleName } from "./dataText";
import { SourceTable } from "./sourceTable";

export const ROLE_COLUMNS = {
  sales: ["customer", "date", "amount", "margin", "productLine"],
  customers: ["id", "segment", "serviceCost", "creditDays", "daysLate"],
  leads: ["created", "source", "status", "customer"],
  market: ["segment", "potentialAccounts"],
} as const;

export type Role = keyof typeof ROLE_COLUMNS;
export type ColumnOf<R extends Role> = (typeof ROLE_COLUMNS)[R][number];
export const ROLES: readonly Role[] = ["sales", "customers", "leads", "market"];

/** Columns a role cannot do without. */
export const REQUIRED_COLUMNS: { [R in Role]: readonly ColumnOf<R>[] } = {
  sales: ["customer", "date", "amount"],
  customers: ["id"],
  leads: ["created"],
  market: ["segment", "potentialAccounts"],
};

const SYNONYMS: { [R in Role]: { [C in ColumnOf<R>]: readonly string[] } } = {
  sales: {
    customer: [
      "customer",
      "customer id",
      "client",
      "client id",
      "account",
      "customer code",
      "cliente",
      "id cliente",
      "codigo cliente",
      "codigo de cliente",
      "cuenta",
    ],
    date: [
      "date",
      "invoice date",
      "order date",
      "sale date",
      "fecha",
      "fecha factura",
      "fecha de factura",
      "fecha venta",
      "fecha de venta",
    ],
    amount: [
      "amount",
      "sales",
      "revenue",
      "net sales",
      "net amount",
      "total",
      "monto",
      "importe",
      "importe neto",
      "venta",
      "ventas",
      "venta neta",
      "ventas netas",
      "valor",
    ],
    margin: [
      "margin",
      "gross margin",
      "gross profit",
      "profit",
      "margen",
      "margen bruto",
      "utilidad",
      "contribucion",
    ],
    productLine: [
      "product line",
      "line",
      "category",
      "family",
      "product family",
      "linea",
      "linea de producto",
      "categoria",
      "familia",
    ],
  },
  customers: {
    id: [
      "id",
      "customer",
      "customer id",
      "client",
      "client id",
      "account",
      "customer code",
      "cliente",
      "id cliente",
      "codigo cliente",
      "codigo de cliente",
      "cuenta",
    ],
    segment: ["segment", "segmento", "group", "grupo", "sector", "customer segment"],
    serviceCost: [
      "service cost",
      "cost to serve",
      "cost of service",
      "costo de servicio",
      "coste de servicio",
      "costo servicio",
    ],
    creditDays: [
      "credit days",
      "payment terms",
      "terms",
      "dias de credito",
      "dias credito",
      "plazo",
      "plazo de pago",
    ],
    daysLate: [
      "days late",
      "average days late",
      "dias de atraso",
      "dias atraso",
      "mora",
      "dias de mora",
    ],
  },
  leads: {
    created: [
      "date",
      "created",
      "created date",
      "creation date",
      "created on",
      "fecha",
      "fecha de creacion",
      "creado",
      "fecha creacion",
    ],
    source: [
      "source",
      "campaign",
      "lead source",
      "channel",
      "fuente",
      "origen",
      "campana",
      "canal",
    ],
    status: ["status", "stage", "estado", "etapa"],
    customer: ["customer", "customer id", "client", "account", "cliente", "id cliente", "cuenta"],
  },
  market: {
    segment: ["segment", "segmento", "group", "grupo", "sector"],
    potentialAccounts: [
      "potential accounts",
      "accounts",
      "universe",
      "potential customers",
      "universo",
      "clientes potenciales",
      "cuentas potenciales",
      "potencial",
    ],
  },
};

const ROLE_NAMES: { [R in Role]: readonly string[] } = {
  sales: [
    "sales",
    "ventas",
    "invoices",
    "facturas",
    "facturacion",
    "transactions",
    "transacciones",
    "orders",
    "pedidos",
  ],
  customers: ["customers", "clientes", "accounts", "cuentas", "clients"],
  leads: ["leads", "prospects", "prospectos", "oportunidades", "opportunities", "leads marketing"],
  market: ["market", "mercado", "market size", "tamano de mercado", "universe", "universo"],
};

/** Lower case, no accents, words separated by one space: "Fecha_Factura " → "fecha factura". */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let KNOWN_HEADERS: Set<string> | null = null;

/** True when a header is one the mapping recognises for some role's column. */
export function knownHeader(text: string): boolean {
  if (KNOWN_HEADERS === null) {
    KNOWN_HEADERS = new Set<string>();
    for (const role of ROLES)
      for (const list of Object.values(SYNONYMS[role] as Record<string, readonly string[]>))
        for (const h of list) KNOWN_HEADERS.add(h);
  }
  return KNOWN_HEADERS.has(normalizeHeader(text));
}

/**
 * The header row among a sheet's first rows (each a list of cell values; title rows above it
 * allowed, SPEC.md §3.5): the row naming the most columns the mapping knows, else the first row
 * of two or more texts and nothing else, else the first non-empty row; -1 when all are empty.
 */
export function headerRowOf(rows: readonly (readonly unknown[])[]): number {
  const filled = (row: readonly unknown[]): unknown[] =>
    row.filter((v) => v !== null && v !== undefined && String(v).trim() !== "");
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, i) => {
    const score = filled(row).filter((v) => typeof v === "string" && knownHeader(v)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  if (best >= 0) return best;
  const texts = rows.findIndex((row) => {
    const cells = filled(row);
    return cells.length >= 2 && cells.every((v) => typeof v === "string");
  });
  return texts >= 0 ? texts : rows.findIndex((row) => filled(row).length > 0);
}

/** Rows searched for a header: a sheet's first 20. */
export const HEADER_SEARCH_ROWS = 20;

/** Where each column of a role lives: column index in the table, or absent. */
export type ColumnIndexes<R extends Role> = { [C in ColumnOf<R>]?: number };

export interface RoleMapping<R extends Role> {
  readonly table: SourceTable;
  readonly columns: ColumnIndexes<R>;
}

/** The workbook's tables by role; sales is the only required one. */
export interface TableMapping {
  readonly sales?: RoleMapping<"sales">;
  readonly customers?: RoleMapping<"customers">;
  readonly leads?: RoleMapping<"leads">;
  readonly market?: RoleMapping<"market">;
}

/** The caller's corrections: a table by name for a role (or null for none), and columns by header. */
export type MappingOverride = {
  [R in Role]?: { table?: string | null; columns?: { [C in ColumnOf<R>]?: string | null } };
};

/** The columns of a table that mean something for a role. */
export function guessColumns<R extends Role>(role: R, table: SourceTable): ColumnIndexes<R> {
  const synonyms = SYNONYMS[role] as Record<string, readonly string[]>;
  const headers = table.headers.map(normalizeHeader);
  const found: Record<string, number> = {};
  const taken = new Set<number>();
  // Exact synonyms in the order of the role's columns, the first listed synonym winning ties.
  for (const column of ROLE_COLUMNS[role] as readonly string[]) {
    for (const synonym of synonyms[column]) {
      const j = headers.findIndex((h, k) => h === synonym && !taken.has(k));
      if (j >= 0) {
        found[column] = j;
        taken.add(j);
        break;
      }
    }
  }
  return found as ColumnIndexes<R>;
}

function hasRequired<R extends Role>(role: R, columns: ColumnIndexes<R>): boolean {
  return (REQUIRED_COLUMNS[role] as readonly string[]).every(
    (c) => (columns as Record<string, number | undefined>)[c] !== undefined
  );
}

function nameHint(role: Role, table: SourceTable): boolean {
  const names = [normalizeHeader(table.name), normalizeHeader(table.sheet)];
  return names.some(
    (n) =>
      ROLE_NAMES[role].includes(n) || ROLE_NAMES[role].some((hint) => n.split(" ").includes(hint))
  );
}

/** Whether a table can play a role: its required columns found, and more than ids or dates. */
function fits<R extends Role>(role: R, table: SourceTable): boolean {
  const columns = guessColumns(role, table);
  if (!hasRequired(role, columns)) return false;
  const count = Object.keys(columns).length;
  // A customers table is more than a list of ids; a leads table more than dates.
  if (role === "customers" && count < 2 && !nameHint(role, table)) return false;
  const found = columns as Record<string, number | undefined>;
  if (role === "leads" && found.source === undefined && found.status === undefined) return false;
  return true;
}

/**
 * The tables that fit a role, best first (SPEC.md §3.5): visible ones only (a hidden sheet's
 * table is taken only by name), a table named for the role (Sales, Ventas, Facturas…) before
 * others, then the most rows.
 */
function candidates(
  role: Role,
  tables: readonly SourceTable[],
  used: ReadonlySet<SourceTable>
): SourceTable[] {
  return tables
    .filter((t) => !used.has(t) && t.hidden !== true && fits(role, t))
    .map((t, k) => ({ t, k, hint: nameHint(role, t) ? 1 : 0 }))
    .sort((a, b) => b.hint - a.hint || b.t.rowCount - a.t.rowCount || a.k - b.k)
    .map((c) => c.t);
}

/** The table a role took without being told, and the others that fit it too. */
export interface RoleChoice {
  readonly role: Role;
  readonly chosen: SourceTable;
  readonly others: readonly SourceTable[];
}

/** What the guess decided beyond the mapping: choices among several tables, hidden tables left aside. */
export interface MappingGuess {
  readonly mapping: TableMapping;
  /** Roles that several tables fit, with the one chosen. */
  readonly choices: readonly RoleChoice[];
  /** Tables on hidden sheets that were not read (a role takes them only by name). */
  readonly hiddenSkipped: readonly SourceTable[];
}

/** A table by the name the caller gave (exactly, else ignoring case, accents and spacing). */
export function tableNamed(
  tables: readonly SourceTable[],
  wanted: string
): SourceTable | undefined {
  return (
    tables.find((t) => t.name === wanted) ??
    tables.find((t) => normalizeHeader(t.name) === normalizeHeader(wanted))
  );
}

/** A header by the name the caller gave (ignoring case, accents and spacing); -1 when none. */
export function headerNamed(table: SourceTable, wanted: string): number {
  return table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(wanted));
}

/** Guesses the mapping of a workbook's tables, then applies the caller's corrections. */
export function guessMapping(
  tables: readonly SourceTable[],
  override: MappingOverride = {}
): TableMapping {
  return guessMappingWithChoices(tables, override).mapping;
}

/** The mapping, and what the guess chose among several tables. */
export function guessMappingWithChoices(
  tables: readonly SourceTable[],
  override: MappingOverride = {}
): MappingGuess {
  const used = new Set<SourceTable>();
  const mapping: { [R in Role]?: RoleMapping<R> } = {};
  const choices: RoleChoice[] = [];
  for (const role of ROLES) {
    const wanted = override[role]?.table;
    let table: SourceTable | undefined;
    if (wanted === null) continue;
    if (wanted !== undefined) table = tableNamed(tables, wanted);
    else {
      const fitting = candidates(role, tables, used);
      table = fitting[0];
      if (fitting.length > 1) choices.push({ role, chosen: fitting[0], others: fitting.slice(1) });
    }
    if (table === undefined) continue;
    used.add(table);
    const columns = { ...guessColumns(role, table) } as Record<string, number | undefined>;
    for (const [column, header] of Object.entries(override[role]?.columns ?? {})) {
      if (header === null) delete columns[column];
      else if (header !== undefined) {
        const j = headerNamed(table, header);
        if (j >= 0) columns[column] = j;
      }
    }
    (mapping as Record<string, unknown>)[role] = { table, columns };
  }
  const hiddenSkipped = tables.filter(
    (t) => t.hidden === true && !Object.values(mapping).some((m) => m?.table === t)
  );
  return { mapping: mapping as TableMapping, choices, hiddenSkipped };
}

/** What the mapping could not find, in the analyst's words, for stderr and the task pane. */
export function mappingGaps(mapping: TableMapping, language: Language = "en"): string[] {
  const es = language === "es";
  const gaps: string[] = [];
  for (const role of ROLES) {
    const found = mapping[role] as RoleMapping<Role> | undefined;
    if (found === undefined) {
      if (role === "sales")
        gaps.push(
          es
            ? "no se encontró una tabla de ventas (necesita columnas de cliente, fecha e importe)"
            : "no sales table found (it needs customer, date and amount columns)"
        );
      else
        gaps.push(
          es ? `no se encontró una tabla de ${roleName(role, language)}` : `no ${role} table found`
        );
      continue;
    }
    for (const column of ROLE_COLUMNS[role] as readonly string[]) {
      if ((found.columns as Record<string, number | undefined>)[column] === undefined)
        gaps.push(
          es
            ? `tabla de ${roleName(role, language)} ${found.table.name}: sin columna ${columnName(column, language)}`
            : `${role} table ${found.table.name}: no ${column} column`
        );
    }
  }
  return gaps;
}
