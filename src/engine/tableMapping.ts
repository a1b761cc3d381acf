/**
 * Guesses each table's role and each column's meaning from table names and headers, in
 * English and Spanish (SPEC.md §3.1), ignoring case, accents and spacing.
 */
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

/** How well a table fits a role: 0 when it lacks a required column. */
function fit<R extends Role>(role: R, table: SourceTable): number {
  const columns = guessColumns(role, table);
  if (!hasRequired(role, columns)) return 0;
  const count = Object.keys(columns).length;
  // A customers table is more than a list of ids; a leads table more than dates.
  if (role === "customers" && count < 2 && !nameHint(role, table)) return 0;
  const found = columns as Record<string, number | undefined>;
  if (role === "leads" && found.source === undefined && found.status === undefined) return 0;
  return 1 + count + (nameHint(role, table) ? 100 : 0);
}

/** Guesses the mapping of a workbook's tables, then applies the caller's corrections. */
export function guessMapping(
  tables: readonly SourceTable[],
  override: MappingOverride = {}
): TableMapping {
  const used = new Set<SourceTable>();
  const mapping: { [R in Role]?: RoleMapping<R> } = {};
  for (const role of ROLES) {
    const wanted = override[role]?.table;
    let table: SourceTable | undefined;
    if (wanted === null) continue;
    if (wanted !== undefined) {
      table =
        tables.find((t) => t.name === wanted) ??
        tables.find((t) => normalizeHeader(t.name) === normalizeHeader(wanted));
    } else {
      let best = 0;
      for (const t of tables) {
        if (used.has(t)) continue;
        const score = fit(role, t);
        if (
          score > best ||
          (score === best && score > 0 && table !== undefined && t.rowCount > table.rowCount)
        ) {
          best = score;
          table = t;
        }
      }
    }
    if (table === undefined) continue;
    used.add(table);
    const columns = { ...guessColumns(role, table) } as Record<string, number | undefined>;
    for (const [column, header] of Object.entries(override[role]?.columns ?? {})) {
      if (header === null) delete columns[column];
      else if (header !== undefined) {
        const j = table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
        if (j >= 0) columns[column] = j;
      }
    }
    (mapping as Record<string, unknown>)[role] = { table, columns };
  }
  return mapping as TableMapping;
}

/** What the mapping could not find, in the analyst's words, for stderr and the task pane. */
export function mappingGaps(mapping: TableMapping): string[] {
  const gaps: string[] = [];
  for (const role of ROLES) {
    const found = mapping[role] as RoleMapping<Role> | undefined;
    if (found === undefined) {
      gaps.push(
        role === "sales"
          ? "no sales table found (it needs customer, date and amount columns)"
          : `no ${role} table found`
      );
      continue;
    }
    for (const column of ROLE_COLUMNS[role] as readonly string[]) {
      if ((found.columns as Record<string, number | undefined>)[column] === undefined)
        gaps.push(`${role} table ${found.table.name}: no ${column} column`);
    }
  }
  return gaps;
}
