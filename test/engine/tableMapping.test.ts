import { guessMapping, mappingGaps, normalizeHeader } from "../../src/engine/tableMapping";
import { table } from "../support/tables";

test.each([
  ["Fecha_Factura ", "fecha factura"],
  ["CÓDIGO  Cliente", "codigo cliente"],
  ["Línea de Producto", "linea de producto"],
  ["Días de Crédito", "dias de credito"],
  ["Net-Sales", "net sales"],
])("normalizeHeader(%p) is %p", (raw, normal) => expect(normalizeHeader(raw)).toBe(normal));

const ventas = table(
  "Ventas",
  ["Factura", "Código Cliente", "Fecha Factura", "Línea de Producto", "Importe", "Margen"],
  []
);
const clientes = table(
  "Clientes",
  ["ID Cliente", "Segmento", "Días de Crédito", "Días de Atraso", "Costo de Servicio"],
  []
);
const prospectos = table("Prospectos", ["Fecha", "Campaña", "Estado", "Cliente"], []);
const mercado = table("Mercado", ["Segmento", "Clientes Potenciales"], []);

test("Spanish tables and headers map with no configuration", () => {
  const m = guessMapping([mercado, prospectos, clientes, ventas]);
  expect(m.sales?.table.name).toBe("Ventas");
  expect(m.sales?.columns).toEqual({ customer: 1, date: 2, productLine: 3, amount: 4, margin: 5 });
  expect(m.customers?.table.name).toBe("Clientes");
  expect(m.customers?.columns).toEqual({
    id: 0,
    segment: 1,
    creditDays: 2,
    daysLate: 3,
    serviceCost: 4,
  });
  expect(m.leads?.columns).toEqual({ created: 0, source: 1, status: 2, customer: 3 });
  expect(m.market?.columns).toEqual({ segment: 0, potentialAccounts: 1 });
  expect(mappingGaps(m)).toEqual([]);
});

test("roles come from columns when table names say nothing", () => {
  const t1 = table("Table1", ["Account", "Order Date", "Revenue"], []);
  const t2 = table("Table2", ["Customer", "Group", "Payment Terms"], []);
  const m = guessMapping([t2, t1]);
  expect(m.sales?.table.name).toBe("Table1");
  expect(m.customers?.table.name).toBe("Table2");
  expect(m.leads).toBeUndefined();
  expect(mappingGaps(m)).toContain("no leads table found");
  expect(mappingGaps(m)).toContain("sales table Table1: no margin column");
});

test("no sales table is reported", () => {
  const m = guessMapping([mercado]);
  expect(m.sales).toBeUndefined();
  expect(mappingGaps(m)[0]).toMatch(/no sales table found/);
});

test("the caller's corrections win: another table, another column, or none", () => {
  const other = table("Facturas 2024", ["Cliente", "Fecha", "Total", "Venta"], []);
  const m = guessMapping([ventas, other, prospectos], {
    sales: { table: "Facturas 2024", columns: { amount: "Venta" } },
    leads: { table: null },
  });
  expect(m.sales?.table.name).toBe("Facturas 2024");
  expect(m.sales?.columns.amount).toBe(3);
  expect(m.leads).toBeUndefined();
});
