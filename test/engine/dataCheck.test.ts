/** The data check before the build: what is read, left out and refused, with hand-worked values and every message. */
import { ErrorValue, FormulaWithoutValue, isoDateToSerial } from "../../src/core/cells";
import { CheckRequest, TableCheck, checkData } from "../../src/engine/dataCheck";
import { dataCheckLines, tableLine } from "../../src/engine/dataCheckText";
import { readScorecardData } from "../../src/engine/scorecardData";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { SourceTable } from "../../src/engine/sourceTable";
import { guessMapping } from "../../src/engine/tableMapping";
import { table } from "../support/tables";

const day = isoDateToSerial;

/** Sales with text dates (day first), text amounts (decimal comma), a total row and rows without a customer. */
const ventas = table(
  "Ventas",
  ["Cliente", "Fecha", "Importe"],
  [
    ["C01", "07/01/2023", "2.737,43"],
    ["C02", "25/01/2023", "6.110"],
    [7004, day("2023-02-01"), 15],
    ["", "02/02/2023", "99,9"],
    [null, null, null],
    ["TOTAL", null, "8.862,43"],
  ]
);
const clientes = table(
  "Clientes",
  ["ID Cliente", "Segmento", "Días de Crédito"],
  [
    [7004, "Mayorista", 30],
    ["C01", "Minorista", 15],
    ["7004", "Minorista", 60],
    ["C02", "Horeca", 0],
    ["c01 ", "Horeca", 0],
  ]
);

function check(tables: SourceTable[], extra: Partial<CheckRequest> = {}) {
  return checkData({
    mapping: guessMapping(tables),
    options: { language: "en" },
    surface: "cli",
    ...extra,
  });
}

test("text dates and numbers are read by their column's convention; total and blank rows left out", () => {
  const { check: c, mapping } = check([ventas, clientes]);
  expect(c.problem).toBeNull();
  const sales = mapping.sales?.table as SourceTable;
  expect(sales.columns[0]).toEqual(["C01", "C02", 7004, "", null, null]); // TOTAL is no customer
  // Rows left out are read the column's way too, as the live sheet's helper column reads them.
  expect(sales.columns[1]).toEqual([
    day("2023-01-07"),
    day("2023-01-25"),
    day("2023-02-01"),
    day("2023-02-02"),
    null,
    null,
  ]);
  expect(sales.columns[2]).toEqual([2737.43, 6110, 15, 99.9, null, 8862.43]);
  expect(sales.readings).toEqual([
    { kind: "totals" },
    { kind: "date", order: "dmy" },
    { kind: "number", decimal: ",", blankIsZero: true },
  ]);
  const t = c.tables[0];
  expect(t).toMatchObject({ roles: ["sales"], table: "Ventas", rows: 6, excelTable: true });
  expect(t.leftOut).toEqual([
    { reason: "total_row", count: 1, rows: [7] },
    { reason: "no_customer", count: 1, rows: [5] },
    { reason: "blank_row", count: 1, rows: [6] },
  ]);
  expect(t.columns[1]).toMatchObject({
    header: "Fecha",
    kind: "date",
    found: { kind: "date", texts: 2, order: "dmy", settledBy: "values", format: "dd/mm/yyyy" },
    samples: [
      { text: "07/01/2023", read: "2023-01-07" },
      { text: "25/01/2023", read: "2023-01-25" },
      { text: null, read: "2023-02-01" },
    ],
  });
  expect(t.columns[2].found).toEqual({
    kind: "number",
    texts: 2,
    decimal: ",",
    settledBy: "values",
  });
});

test("a Customers table listing an id twice: reported with both rows, and the first row counts", () => {
  const { check: c, mapping } = check([ventas, clientes]);
  const customers = c.tables.find((t) => t.roles.includes("customers"));
  expect(customers?.duplicates).toEqual([
    { id: "7004", rows: [2, 4] },
    { id: "C01", rows: [3, 6] },
  ]);
  const data = readScorecardData(mapping);
  expect(data.ok).toBe(true);
  if (!data.ok) return;
  const segmentOf = (id: unknown): string =>
    data.value.segments[data.value.segmentOfCustomer![data.value.index.code(id)]];
  expect([segmentOf("7004"), segmentOf("c01")]).toEqual(["Mayorista", "Minorista"]);
  // Its credit days too: 30 from its first row, not 60 from the repeat.
  const card = buildScorecard(data.value, { ...DEFAULT_SETTINGS, asOf: day("2023-02-28") });
  expect(card.ok).toBe(true);
  if (!card.ok) return;
  const v = card.value.value;
  const row = [...v.customers].indexOf(data.value.index.code(7004));
  expect(v.values[row * v.attributes.length + v.attributes.indexOf("creditDays")]).toBe(30);
});

test("the check in words, English and Spanish, numbers in each language's convention", () => {
  const { check: c } = check([ventas, clientes]);
  const en = dataCheckLines(c, "en", "cli");
  expect(en.slice(0, 4)).toEqual([
    "sales: table Ventas (sheet Ventas): 6 rows read, 3 used; left out: 1 total row (row 7), 1 row without a customer (row 5), 1 blank row (row 6)",
    "  Cliente → customer: e.g. C01, C02, 7004; the Scorecard sheet reads it the same way, in a hidden column",
    "  Fecha → date: 2 text dates dd/mm/yyyy, day first (from the values); e.g. 07/01/2023 → 2023-01-07, 25/01/2023 → 2023-01-25, 2023-02-01; the Scorecard sheet reads it the same way, in a hidden column",
    "  Importe → amount: 2 text numbers, decimal comma (from the values); e.g. 2.737,43 → 2,737.43, 6.110 → 6,110, 15; the Scorecard sheet reads it the same way, in a hidden column",
  ]);
  expect(en).toContain("  id 7004 is listed twice (rows 2 and 4): the first counts");
  const { check: ce } = checkData({
    mapping: guessMapping([ventas, clientes]),
    options: { language: "es" },
    surface: "cli",
  });
  const es = dataCheckLines(ce, "es", "cli");
  expect(es[0]).toBe(
    "ventas: tabla Ventas (hoja Ventas): 6 filas leídas, 3 usadas; fuera: 1 fila de total (fila 7), 1 fila sin cliente (fila 5), 1 fila vacía (fila 6)"
  );
  expect(es[3]).toBe(
    "  Importe → importe: 2 números en texto, coma decimal (según los valores); p. ej. 2.737,43, 6.110, 15; la hoja Scorecard la lee igual, en una columna oculta"
  );
  expect(es).toContain("  el id 7004 aparece dos veces (filas 2 y 4): cuenta la primera");
});

test.each<[string, Partial<TableCheck>, "en" | "es", string]>([
  [
    "a Parquet file: its name, no encoding",
    { file: "Sales.parquet", leftOut: [{ reason: "blank_row", count: 2, rows: [26, 27] }] },
    "en",
    "sales: Sales.parquet: 27 rows read, 25 used; left out: 2 blank rows (rows 26, 27)",
  ],
  [
    "a CSV file: its encoding and separator",
    { file: "ventas.csv", encoding: "UTF-8", separator: ";", leftOut: [] },
    "es",
    "ventas: ventas.csv (UTF-8, separador ;): 27 filas leídas",
  ],
  [
    "a database view: rows left out counted, none named (it has no order)",
    {
      sheet: "public.sales_view",
      leftOut: [
        { reason: "total_row", count: 1, rows: [] },
        { reason: "no_customer", count: 12, rows: [] },
      ],
    },
    "en",
    "sales: sheet public.sales_view: 27 rows read, 14 used; left out: 1 total row, 12 rows without a customer",
  ],
])("the check's line of a table from SQL: %s", (_, t, language, line) => {
  const table: TableCheck = {
    roles: ["sales"],
    table: "Sales",
    sheet: "Sales",
    file: null,
    encoding: null,
    separator: null,
    hidden: false,
    excelTable: false,
    rows: 27,
    leftOut: [],
    columns: [],
    duplicates: [],
    duplicateCount: 0,
    ...t,
  };
  expect(tableLine(table, language)).toBe(line);
});

describe("refusals: one line naming the cell (or the column) and what to do", () => {
  const sales = (
    amount: unknown,
    date: unknown = day("2023-01-07"),
    customer: unknown = "A"
  ): SourceTable =>
    table(
      "Sales",
      ["Customer", "Date", "Amount"],
      [
        ["B", day("2023-01-05"), 10],
        [customer, date, amount],
      ]
    );
  test.each<[string, SourceTable, "en" | "es", "cli" | "pane", string]>([
    [
      "a formula saved without its value",
      sales(new FormulaWithoutValue()),
      "en",
      "cli",
      "column Amount of table Sales on sheet Sales holds formulas without stored values, the first in cell C3 of sheet Sales (column Amount of table Sales): a program that does not calculate (openpyxl, pandas…) saved the file; open it in Excel or LibreOffice, save it and run again",
    ],
    [
      "the same, in Spanish",
      sales(new FormulaWithoutValue()),
      "es",
      "cli",
      "la columna Amount de la tabla Sales de la hoja Sales tiene fórmulas sin valor guardado, la primera en la celda C3 de la hoja Sales (columna Amount de la tabla Sales): el archivo lo guardó un programa que no calcula (openpyxl, pandas…); ábralo en Excel o LibreOffice, guárdelo y vuelva a ejecutar",
    ],
    [
      "an error value",
      sales(new ErrorValue("#N/A")),
      "en",
      "cli",
      "cell C3 of sheet Sales (column Amount of table Sales) holds the error #N/A; correct its formula or clear the cell",
    ],
    [
      "an ambiguous column, from the task pane",
      sales("1.234"),
      "en",
      "pane",
      "column Amount of table Sales on sheet Sales holds only numbers like '1.234' (row 3), which may have a decimal point or a decimal comma: choose the decimal separator in step 1",
    ],
    [
      "an ambiguous column, Spanish command line",
      sales("1.234"),
      "es",
      "cli",
      "la columna Amount de la tabla Sales de la hoja Sales solo tiene números como '1.234' (fila 3), que pueden llevar punto o coma decimal: indíquelo con --decimal , (coma decimal) o --decimal . (punto decimal)",
    ],
    [
      "text that is no number",
      sales("n/a"),
      "en",
      "cli",
      "cell C3 of sheet Sales (column Amount of table Sales) is the text 'n/a', which is not a number; correct it",
    ],
    [
      "text that is not wholly a date",
      sales(5, "2024-01-01 (cancelled)"),
      "en",
      "cli",
      "cell B3 of sheet Sales (column Date of table Sales) is the text '2024-01-01 (cancelled)', which is not a date (dates are read as yyyy-mm-dd, dd/mm/yyyy, d/m/yy or mm/dd/yyyy, with / - or . between the parts); correct it",
    ],
    [
      "a year before 1900",
      sales(5, "0025-01-01"),
      "en",
      "cli",
      "cell B3 of sheet Sales (column Date of table Sales) is '0025-01-01': years before 1900 are not read; write the full year",
    ],
    [
      "a day that is not in the calendar",
      sales(5, "31/02/2023"),
      "es",
      "cli",
      "la celda B3 de la hoja Sales (columna Date de la tabla Sales) es '31/02/2023', que no es un día del calendario; corríjalo",
    ],
    [
      "a blank date on a row with a customer",
      sales(5, null),
      "en",
      "cli",
      "cell B3 of sheet Sales (column Date of table Sales) is blank on a row with data; enter its date or delete the row",
    ],
    [
      "a boolean id",
      sales(5, day("2023-01-07"), true),
      "en",
      "cli",
      "cell A3 of sheet Sales (column Customer of table Sales) is TRUE, expected a customer id",
    ],
  ])("%s", (_name, t, language, surface, message) => {
    const { check: c } = checkData({
      mapping: guessMapping([t]),
      options: { language },
      surface,
    });
    expect(c.problem?.message).toBe(message);
  });

  test("a sales table with no row the engine reads says so", () => {
    const empty = table(
      "Ventas",
      ["Cliente", "Fecha", "Importe"],
      [
        ["Total", null, 5],
        [null, null, null],
      ]
    );
    const { check: c } = checkData({
      mapping: guessMapping([empty]),
      options: { language: "es" },
      surface: "cli",
    });
    expect(c.problem?.message).toBe(
      "la tabla de ventas (la tabla Ventas de la hoja Ventas) no tiene filas con cliente: agregue filas de venta con cliente, fecha e importe"
    );
  });

  test("mixed orders and mixed decimal marks name both rows", () => {
    const mixed = table(
      "Sales",
      ["Customer", "Date", "Amount"],
      [
        ["A", "25/01/2023", "1,5"],
        ["B", "01/25/2023", "1.5"],
      ]
    );
    const { check: c } = check([mixed]);
    expect(c.problem?.message).toBe(
      "column Date of table Sales on sheet Sales mixes day-first and month-first dates ('25/01/2023' in row 2, '01/25/2023' in row 3); correct one or settle it with --date-order dmy (day first) or --date-order mdy (month first)"
    );
    const decimals = table(
      "Sales",
      ["Customer", "Date", "Amount"],
      [
        ["A", "2023-01-25", "1,5"],
        ["B", "2023-01-26", "1.5"],
      ]
    );
    const { check: d } = check([decimals]);
    expect(d.problem?.message).toBe(
      "column Amount of table Sales on sheet Sales mixes a decimal point and a decimal comma ('1,5' in row 2, '1.5' in row 3); correct one or settle it with --decimal , (decimal comma) or --decimal . (decimal point)"
    );
  });

  test("a CSV file's cell is named by file, encoding and separator", () => {
    const t: SourceTable = {
      ...table("ventas", ["Cliente", "Fecha", "Importe"], [["A", "ayer", 5]]),
      file: "ventas.csv",
      csv: {
        encoding: "Windows-1252",
        separator: ";",
        decimal: null,
        found: [null, null, null],
        head: [],
      },
    };
    const { check: c } = checkData({
      mapping: guessMapping([t]),
      options: { language: "es" },
      surface: "cli",
    });
    expect(c.problem?.message).toBe(
      "la fila 2 de ventas.csv (Windows-1252, separador ;), columna Fecha es el texto 'ayer', que no es una fecha (las fechas se leen como aaaa-mm-dd, dd/mm/aaaa, d/m/aa o mm/dd/aaaa, con / - o . entre las partes); corríjalo"
    );
  });
});
