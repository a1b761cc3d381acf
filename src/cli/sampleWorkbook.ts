/**
 * A realistic sample workbook from a fixed seed: a consumer-goods distributor with a year and a
 * half of invoices (returns included), five product lines, customers with segments, credit
 * terms, days late and service cost, marketing leads, and the market's size by segment.
 */
import { createWriteStream } from "fs";
import { Writable } from "stream";
import { partsToSerial } from "../core/cells";
import { NewTable, writeNewWorkbook } from "../xlsx/newWorkbook";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  readonly seed?: number;
  readonly customers?: number;
  /** Spanish table names and headers (Ventas[Cliente], ...) instead of English. */
  readonly spanish?: boolean;
  /** Cap on sales rows, for size tests; the default is the natural ~25,000. */
  readonly targetRows?: number;
}

const SEGMENTS = [
  { en: "Retail", es: "Minorista", share: 0.42, potential: 1400, rate: 2.2, ticket: 380 },
  { en: "Wholesale", es: "Mayorista", share: 0.2, potential: 260, rate: 4.5, ticket: 2600 },
  { en: "Horeca", es: "Horeca", share: 0.25, potential: 700, rate: 3.1, ticket: 720 },
  {
    en: "Institutional",
    es: "Institucional",
    share: 0.13,
    potential: 150,
    rate: 1.4,
    ticket: 1900,
  },
];
const LINES = [
  { en: "Beverages", es: "Bebidas", margin: 0.22 },
  { en: "Snacks", es: "Snacks", margin: 0.31 },
  { en: "Dairy", es: "Lácteos", margin: 0.18 },
  { en: "Cleaning", es: "Limpieza", margin: 0.27 },
  { en: "Personal Care", es: "Cuidado Personal", margin: 0.34 },
];
const SOURCES = [
  { en: "Trade show", es: "Feria" },
  { en: "Website", es: "Sitio web" },
  { en: "Referral", es: "Referido" },
  { en: "Email campaign", es: "Campaña de email" },
  { en: "Field sales", es: "Venta en campo" },
];

export const SAMPLE_FIRST_DAY = partsToSerial(2024, 1, 1);
export const SAMPLE_AS_OF = partsToSerial(2026, 5, 20);

/** The sample's random draws: one seeded stream, read in a fixed order. */
interface Draws {
  /** Uniform in [0, 1). */
  readonly rnd: () => number;
  readonly pick: <T>(items: readonly T[], weight: (t: T) => number) => T;
  /** Log-normal with the given mean. */
  readonly lognormal: (mean: number, spread: number) => number;
}

function draws(seed: number): Draws {
  const rnd = mulberry32(seed);
  return {
    rnd,
    pick: (items, weight) => {
      let r = rnd() * items.reduce((s, t) => s + weight(t), 0);
      for (const t of items) if ((r -= weight(t)) <= 0) return t;
      return items[items.length - 1];
    },
    lognormal: (mean, spread) =>
      mean *
      Math.exp(
        spread * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()) -
          (spread * spread) / 2
      ),
  };
}

interface Customer {
  id: string | number;
  segment: (typeof SEGMENTS)[number];
  since: number;
  rate: number;
  lines: number[];
  creditDays: number;
  daysLate: number;
  serviceCost: number;
  churnDay: number;
}

function sampleCustomers({ rnd, pick, lognormal }: Draws, count: number): Customer[] {
  const customers: Customer[] = [];
  for (let k = 0; k < count; k++) {
    const segment = pick(SEGMENTS, (s) => s.share);
    const acquiredLater = rnd() < 0.3;
    const since = acquiredLater
      ? SAMPLE_FIRST_DAY + Math.floor(rnd() * (SAMPLE_AS_OF - SAMPLE_FIRST_DAY))
      : SAMPLE_FIRST_DAY;
    const lineCount = 1 + Math.floor(rnd() * 3);
    const lines = Array.from(
      new Set(Array.from({ length: lineCount }, () => Math.floor(rnd() * LINES.length)))
    );
    customers.push({
      // Half the ids are numbers, half codes: real customer lists mix both.
      id: k % 2 === 0 ? 10000 + k : `CL-${String(k).padStart(4, "0")}`,
      segment,
      since,
      rate: segment.rate * lognormal(1, 0.8),
      lines,
      creditDays: [0, 15, 30, 30, 45, 60][Math.floor(rnd() * 6)],
      daysLate: Math.max(0, Math.round(lognormal(8, 1) - 3)),
      serviceCost: Math.round(lognormal(segment.ticket * 0.4, 0.5)),
      churnDay:
        rnd() < 0.15
          ? SAMPLE_FIRST_DAY + Math.floor(rnd() * (SAMPLE_AS_OF - SAMPLE_FIRST_DAY))
          : Infinity,
    });
  }
  return customers;
}

/** Invoices and credit notes, day by day: a row per purchase, a return now and then. */
function sampleSales(
  { rnd, lognormal }: Draws,
  customers: Customer[],
  name: (o: { en: string; es: string }) => string,
  targetRows: number | undefined
): (string | number)[][] {
  const sales: (string | number)[][] = [];
  let invoice = 100000;
  for (let day = SAMPLE_FIRST_DAY; day <= SAMPLE_AS_OF; day++) {
    const weekday = (day + 6) % 7; // 0 = Monday for the 1900 serials
    if (weekday >= 6) continue; // no Sunday deliveries
    for (const c of customers) {
      if (day < c.since || day > c.churnDay) continue;
      // Existing customers add a line now and then: cross-sell.
      if (rnd() < 0.0015 && c.lines.length < LINES.length)
        c.lines.push(Math.floor(rnd() * LINES.length));
      // Busier toward December, quieter in June: a season the prior-year pace can read.
      const season =
        1 + 0.2 * Math.cos((2 * Math.PI * (day - partsToSerial(2024, 12, 15))) / 365.25);
      if (rnd() > (c.rate * season) / 26) continue;
      const line = c.lines[Math.floor(rnd() * c.lines.length)];
      const growth = 1 + 0.25 * ((day - SAMPLE_FIRST_DAY) / 540);
      const amount = Math.round(lognormal(c.segment.ticket * growth, 0.6) * 100) / 100;
      const l = LINES[line];
      const row = [
        `F-${invoice++}`,
        c.id,
        day,
        name(l),
        amount,
        Math.round(amount * l.margin * lognormal(1, 0.2) * 100) / 100,
      ];
      sales.push(row);
      if (rnd() < 0.03) {
        const back = -Math.round(amount * (0.2 + 0.8 * rnd()) * 100) / 100;
        sales.push([
          `NC-${invoice++}`,
          c.id,
          Math.min(SAMPLE_AS_OF, day + 1 + Math.floor(rnd() * 10)),
          name(l),
          back,
          Math.round(back * l.margin * 100) / 100,
        ]);
      }
    }
  }
  const salesRows = targetRows === undefined ? sales : sales.slice(0, targetRows);
  while (targetRows !== undefined && salesRows.length < targetRows) {
    const base = sales[salesRows.length % sales.length];
    salesRows.push([`F-${invoice++}`, base[1], base[2], base[3], base[4], base[5]]);
  }
  return salesRows;
}

/** Marketing leads, a few a day, referrals converting best; the last 30 days still open. */
function sampleLeads(
  { rnd, pick }: Draws,
  customers: Customer[],
  name: (o: { en: string; es: string }) => string,
  es: boolean
): (string | number | null)[][] {
  const leads: (string | number | null)[][] = [];
  let leadId = 1;
  for (let day = SAMPLE_FIRST_DAY; day <= SAMPLE_AS_OF; day++) {
    const perDay = 2.6 * (1 + 0.3 * Math.sin(day / 45));
    for (let n = 0; n < perDay + rnd() - 0.5; n++) {
      const source = pick(SOURCES, (s) => (s.en === "Website" ? 3 : s.en === "Referral" ? 1 : 1.5));
      const won = rnd() < (source.en === "Referral" ? 0.32 : 0.12);
      const status = won
        ? es
          ? "Ganado"
          : "Won"
        : day > SAMPLE_AS_OF - 30
          ? es
            ? "Abierto"
            : "Open"
          : es
            ? "Perdido"
            : "Lost";
      const customer = won ? customers[Math.floor(rnd() * customers.length)].id : null;
      leads.push([`L-${leadId++}`, day, name(source), status, customer]);
    }
  }
  return leads;
}

/** The sample as tables, ready to be written as a workbook. */
export function sampleTables(options: SampleOptions = {}): NewTable[] {
  const draw = draws(options.seed ?? 20260520);
  const es = options.spanish === true;
  const name = (o: { en: string; es: string }): string => (es ? o.es : o.en);
  const customers = sampleCustomers(draw, options.customers ?? 320);
  const salesRows = sampleSales(draw, customers, name, options.targetRows);
  const leads = sampleLeads(draw, customers, name, es);

  const dateFormat = "yyyy-mm-dd";
  const table = (
    sheet: string,
    headers: string[],
    rows: unknown[][],
    formats: Record<number, string>
  ): NewTable => ({
    sheet,
    name: sheet,
    headers,
    columns: headers.map((_, j) => rows.map((r) => r[j] ?? null)),
    rowCount: rows.length,
    formats: headers.map((_, j) => formats[j]),
    widths: headers.map(() => 16),
  });
  const h = (en: string, spanish: string): string => (es ? spanish : en);
  return [
    table(
      h("Sales", "Ventas"),
      [
        h("Invoice", "Factura"),
        h("Customer", "Cliente"),
        h("Date", "Fecha"),
        h("Product Line", "Línea de Producto"),
        h("Amount", "Importe"),
        h("Gross Margin", "Margen"),
      ],
      salesRows,
      { 2: dateFormat, 4: "#,##0.00", 5: "#,##0.00" }
    ),
    table(
      h("Customers", "Clientes"),
      [
        h("Customer ID", "ID Cliente"),
        h("Segment", "Segmento"),
        h("Credit Days", "Días de Crédito"),
        h("Days Late", "Días de Atraso"),
        h("Service Cost", "Costo de Servicio"),
      ],
      customers.map((c) => [c.id, name(c.segment), c.creditDays, c.daysLate, c.serviceCost]),
      { 4: "#,##0" }
    ),
    table(
      h("Leads", "Prospectos"),
      [
        h("Lead", "Prospecto"),
        h("Created", "Fecha"),
        h("Source", "Fuente"),
        h("Status", "Estado"),
        h("Customer", "Cliente"),
      ],
      leads,
      { 1: dateFormat }
    ),
    table(
      h("Market", "Mercado"),
      [h("Segment", "Segmento"), h("Potential Accounts", "Clientes Potenciales")],
      SEGMENTS.map((s) => [name(s), s.potential]),
      {}
    ),
  ];
}

/** Writes the sample workbook to a file. */
export async function writeSampleWorkbook(
  path: string,
  options: SampleOptions = {}
): Promise<void> {
  await writeNewWorkbook(
    sampleTables(options),
    { stream: Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array> },
    "SPEC Scorecard sample"
  );
}
