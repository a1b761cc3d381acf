/**
 * Data as analysts really have it, through the command line: Spanish-locale CSV exports,
 * messy workbooks (title rows, total rows, hidden sheets, several candidate tables, formulas
 * without values), and a command line that explains itself in English and Spanish.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isoDateToSerial } from "../../src/core/cells";
import { runCli } from "../support/commandLine";
import { writePlainSheets } from "../support/plainSheets";

const dir = mkdtempSync(join(tmpdir(), "spec-messy-"));
const day = isoDateToSerial;

/** Sales as ISO dates and plain numbers; the Spanish export writes the same data its own way. */
const SALES: [string, string, number][] = [
  ["C01", "2025-01-07", 2737.43],
  ["C02", "2025-01-25", 6110],
  ["C03", "2025-02-03", 150.5],
  ["C01", "2025-02-14", 1234.56],
  ["C02", "2025-03-01", -30],
  ["C04", "2025-03-05", 999.99],
  ["C01", "2025-03-10", 12000],
  ["C03", "2025-03-12", 45.1],
];
const CUSTOMERS: [string, string, number][] = [
  ["C01", "Mayorista", 30],
  ["C02", "Minorista", 15],
  ["C03", "Horeca", 0],
  ["C04", "Minorista", 45],
];
/** 2737.43 → "2.737,43", 6110 → "6.110": how a Spanish Excel writes them. */
const spanishNumber = (n: number): string =>
  n
    .toLocaleString("en-US", { maximumFractionDigits: 2 })
    .replace(/[.,]/g, (c) => (c === "," ? "." : ","));
const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** Latin letters are their own byte in Windows-1252. */
const win1252 = (text: string): Uint8Array =>
  Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

const clean = join(dir, "clean");
const spanish = join(dir, "spanish");
const ARGS = ["--json", "--as-of", "2025-03-12", "--period", "month"];

beforeAll(() => {
  mkdirSync(clean);
  mkdirSync(spanish);
  writeFileSync(
    join(clean, "Ventas.csv"),
    ["Código Cliente,Fecha,Importe", ...SALES.map((r) => r.join(","))].join("\n")
  );
  writeFileSync(
    join(clean, "Clientes.csv"),
    ["ID Cliente,Segmento,Días de Crédito", ...CUSTOMERS.map((r) => r.join(","))].join("\n")
  );
  writeFileSync(
    join(spanish, "Ventas.csv"),
    win1252(
      [
        "Ventas enero-marzo 2025;;",
        "Código Cliente;Fecha;Importe",
        ...SALES.map(([c, d, a]) => `${c};${dmy(d)};${spanishNumber(a)}`),
        "TOTAL;;23.247,58",
      ].join("\r\n") + "\r\n"
    )
  );
  writeFileSync(
    join(spanish, "Clientes.csv"),
    win1252(
      ["ID Cliente;Segmento;Días de Crédito", ...CUSTOMERS.map((r) => r.join(";"))].join("\r\n")
    )
  );
});

test("a Spanish-locale CSV folder (Windows-1252, ;, decimal comma, dd/mm/yyyy, title and total rows) gives exactly the JSON of the same data as clean UTF-8 with ISO dates", async () => {
  const a = await runCli(clean, ...ARGS);
  const b = await runCli(spanish, ...ARGS);
  expect([a.status, b.status]).toEqual([0, 0]);
  const figures = (out: string): unknown => ({ ...JSON.parse(out), data: undefined });
  expect(figures(b.out)).toEqual(figures(a.out));
  // March to the 12th: −30 + 999.99 + 12,000 + 45.10; 6.110 is six thousand one hundred ten.
  expect(JSON.parse(b.out).indicators.revenue.value).toBeCloseTo(13015.09, 9);
  expect(JSON.parse(b.out).indicators.revenue.previous).toBeCloseTo(150.5, 9); // February to the 12th
  const sales = JSON.parse(b.out).data.tables[0];
  expect(sales).toMatchObject({
    file: "Ventas.csv",
    encoding: "Windows-1252",
    separator: ";",
    rows: 9,
    leftOut: [{ reason: "total_row", count: 1, rows: [11] }],
  });
  expect(sales.columns.map((c: { found: unknown }) => c.found)).toEqual([
    null,
    { kind: "date", texts: 8, order: "dmy", settledBy: "values", format: "dd/mm/yyyy" },
    { kind: "number", texts: 9, decimal: ",", settledBy: "values" }, // the total row's too: the file is read whole
  ]);
  expect(b.err).toContain(
    "spec-scorecard: data: sales: Ventas.csv (Windows-1252, separator ;): 9 rows read, 8 used; left out: 1 total row (row 11)"
  );
  expect(b.err).toContain(
    "spec-scorecard: data:   Importe → amount: 9 text numbers, decimal comma (from the values); e.g. 2.737,43 → 2,737.43, 6.110 → 6,110, 150,5 → 150.5"
  );
});

test("a UTF-16 CSV (Excel's Unicode text, tab-separated) reads as the clean one", async () => {
  const folder = join(dir, "utf16");
  mkdirSync(folder);
  for (const file of ["Ventas.csv", "Clientes.csv"]) {
    const text = readFileSync(join(clean, file), "utf8").replace(/,/g, "\t");
    writeFileSync(
      join(folder, file),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
    );
  }
  const a = await runCli(clean, ...ARGS);
  const b = await runCli(folder, ...ARGS);
  expect(b.status).toBe(0);
  expect({ ...JSON.parse(b.out), data: undefined }).toEqual({
    ...JSON.parse(a.out),
    data: undefined,
  });
  expect(JSON.parse(b.out).data.tables[0]).toMatchObject({
    encoding: "UTF-16 LE",
    separator: "\t",
  });
});

test('a stray quote in a field (Pipe 12" steel) swallows no rows; an unclosed one is refused naming file and line', async () => {
  const folder = join(dir, "quotes");
  mkdirSync(folder);
  writeFileSync(
    join(folder, "Sales.csv"),
    'Customer,Product,Date,Amount\nA,Pipe 12" steel,2025-03-01,100\nB,Valve,2025-03-02,200\nC,Cap,2025-03-03,300\n'
  );
  const r = await runCli(folder, "--json", "--period", "month");
  expect(r.status).toBe(0);
  expect(JSON.parse(r.out).indicators.revenue.value).toBe(600);
  writeFileSync(
    join(folder, "Sales.csv"),
    'Customer,Product,Date,Amount\nA,"Pipe 12,2025-03-01,100\nB,Valve,2025-03-02,200\n'
  );
  const bad = await runCli(folder, "--json", "--out", join(dir, "never.xlsx"));
  expect(bad.status).toBe(2);
  expect(bad.err).toEqual([
    "spec-scorecard: Sales.csv (UTF-8): the quote on line 2 opens a field that never closes; close it or remove it and run again",
  ]);
  expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
});

describe("a messy workbook", () => {
  const messy = join(dir, "messy.xlsx");
  const sales2025 = [
    ["Informe de ventas 2025"],
    [],
    ["Cliente", "Fecha", "Importe"],
    ["A", day("2025-03-02"), 100],
    ["B", day("2025-03-05"), 250],
    ["A", day("2025-03-10"), 50],
    ["Total general", null, 400],
  ];
  beforeAll(async () => {
    await writePlainSheets(messy, [
      {
        name: "Ventas 2024",
        rows: [
          ["Cliente", "Fecha", "Importe"],
          ["A", day("2024-03-02"), 70],
          ["C", day("2024-03-03"), 30],
        ],
      },
      { name: "Ventas 2025", rows: sales2025 },
      {
        name: "Archivo",
        state: "veryHidden",
        rows: [
          ["Cliente", "Fecha", "Importe"],
          ...Array.from({ length: 6 }, (_, i) => [`Z${i}`, day("2025-03-01"), 1000]),
        ],
      },
      {
        name: "Viejo",
        state: "hidden",
        rows: [
          ["Cliente", "Fecha", "Importe"],
          ["Y", day("2025-03-01"), 5],
        ],
      },
    ]);
  });

  test("header under title rows, total row left out, the larger visible table chosen and the others named, hidden sheets skipped", async () => {
    const r = await runCli(messy, "--json", "--period", "month");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe("2025-03-10");
    expect(json.indicators.revenue.value).toBe(400); // not 800: the total row is no customer
    expect(json.indicators["info.customers_buying"].value).toBe(2);
    expect(json.data.choices).toEqual([
      {
        role: "sales",
        chosen: { name: "Ventas 2025", rows: 4 },
        others: [{ name: "Ventas 2024", rows: 2 }],
      },
    ]);
    expect(json.data.hiddenSkipped).toEqual(["Archivo", "Viejo"]);
    expect(r.err).toEqual(
      expect.arrayContaining([
        "spec-scorecard: data: sales: chose Ventas 2025 (4 rows) among several tables that fit (visible first, then named for the role, then the most rows); also fit: Ventas 2024 (2 rows); choose another with --table sales=<name>",
        "spec-scorecard: data: Archivo is on a hidden sheet: not read (choose it by name with --table)",
        "spec-scorecard: data: sales: sheet Ventas 2025: 4 rows read, 3 used; left out: 1 total row (row 7)",
      ])
    );
  });

  test("a hidden sheet's table is read when chosen by name", async () => {
    const r = await runCli(
      messy,
      "--json",
      "--period",
      "month",
      "--table",
      "sales=Archivo",
      "--quiet"
    );
    expect(r.status).toBe(0);
    expect(r.err).toEqual([]);
    expect(JSON.parse(r.out).indicators.revenue.value).toBe(6000);
  });

  test("formulas saved without values are refused naming the table, column and first cell", async () => {
    const openpyxl = join(dir, "openpyxl.xlsx");
    await writePlainSheets(openpyxl, [
      {
        name: "Sales",
        rows: [
          ["Customer", "Date", "Quantity", "Amount"],
          ["A", day("2025-03-02"), 2, { formula: "C2*50" }],
          ["B", day("2025-03-03"), 1, { formula: "C3*50" }],
        ],
      },
    ]);
    const r = await runCli(openpyxl, "--json");
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      "spec-scorecard: column Amount of sheet Sales holds formulas without stored values, the first in cell D2 of sheet Sales (column Amount): a program that does not calculate (openpyxl, pandas…) saved the file; open it in Excel or LibreOffice, save it and run again",
    ]);
  });
});

describe("the command line explains itself", () => {
  test.each(["--help", "-h"])("%s lists every option with a line and an example", async (flag) => {
    const r = await runCli(flag);
    expect(r.status).toBe(0);
    const options = [
      "--out",
      "--json",
      "--quiet",
      "--values",
      "--as-of",
      "--period",
      "--window",
      "--min-purchases",
      "--min-amount",
      "--lang",
      "--target",
      "--table",
      "--column",
      "--decimal",
      "--date-order",
      "--help",
      "--version",
    ];
    const lines = r.out.split("\n");
    for (const option of options) {
      const at = lines.findIndex((l) => new RegExp(`^  (-h, )?${option}\\b`).test(l));
      expect([option, at >= 0]).toEqual([option, true]);
      if (option === "--help" || option === "--version") continue;
      // The example follows on the next lines: the option used with a value.
      const example = lines.slice(at + 1, at + 4).find((l) => l.trim().startsWith(option));
      expect([option, example !== undefined]).toEqual([option, true]);
    }
  });

  test("--help in Spanish with --lang es; --version prints the version", async () => {
    expect((await runCli("--lang", "es", "--help")).out).toMatch(/^uso: spec-scorecard/);
    const v = await runCli("--version");
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    expect([v.status, v.out]).toEqual([0, `spec-scorecard ${pkg.version}`]);
  });

  test("--quiet leaves the data check off stderr; the JSON carries it as data", async () => {
    const loud = await runCli(clean, ...ARGS);
    const quiet = await runCli(clean, ...ARGS, "--quiet");
    expect(loud.err.length).toBeGreaterThan(3);
    expect(quiet.err).toEqual([]);
    expect(JSON.parse(quiet.out).data).toEqual(JSON.parse(loud.out).data);
  });

  test.each<[string, string[], string]>([
    [
      "an unknown table, closest first",
      ["--table", "sales=Venta"],
      "--table: no table 'Venta'; tables, closest first: Ventas, Clientes",
    ],
    [
      "an unknown column, closest first",
      ["--column", "sales.amount=Importes"],
      "--column sales.amount=Importes: table Ventas has no such column; its columns, closest first: Importe, Fecha, Código Cliente",
    ],
    [
      "a column of a role without a table",
      ["--column", "leads.source=Fuente"],
      "--column leads.source=Fuente: no leads table is mapped; choose one with --table leads=<name>",
    ],
    [
      "a target that is not a number",
      ["--target", "revenue=12k"],
      "--target revenue: '12k' is not a number; write it with a decimal point and no thousands separator, e.g. --target revenue=250000.50",
    ],
    [
      "an unknown indicator",
      ["--target", "revenu=5"],
      "--target: no indicator 'revenu'; indicator ids, closest first: revenue, margin",
    ],
    [
      "a bad --decimal",
      ["--decimal", ";"],
      "--decimal needs ',' (decimal comma) or '.' (decimal point), e.g. --decimal , (got ';')",
    ],
    [
      "a bad --date-order",
      ["--date-order", "dym"],
      "--date-order needs dmy (day first), mdy (month first) or ymd (year first), e.g. --date-order dmy (got 'dym')",
    ],
    ["an unknown option", ["--colour"], "unknown option --colour: see spec-scorecard --help"],
    [
      "--values without --out",
      ["--values"],
      "--values writes the Scorecard file with every cell as its value: give --out too",
    ],
  ])("%s", async (_name, args, message) => {
    const r = await runCli(clean, ...args);
    expect(r.status).toBe(2);
    const line = r.err[0];
    expect(r.err).toHaveLength(1);
    // The indicator ids list is long: its start is what matters.
    expect(line.startsWith(`spec-scorecard: ${message}`)).toBe(true);
  });

  test.each<[string, string[], string]>([
    [
      "a missing file",
      [join(dir, "nada.xlsx")],
      `${join(dir, "nada.xlsx")} no existe: indique un libro .xlsx, un archivo .csv o .parquet, una carpeta de ellos o una dirección postgresql://`,
    ],
    ["an unknown option", ["--colour"], "opción desconocida --colour: vea spec-scorecard --help"],
    [
      "--values without --out",
      ["--values"],
      "--values escribe el archivo del cuadro de mando con cada celda como su valor: indique también --out",
    ],
    [
      "a bad period",
      ["--period", "semana"],
      "--period necesita uno de month, quarter, year (se recibió 'semana')",
    ],
    [
      "an unknown table",
      ["--table", "sales=Venta"],
      "--table: no hay tabla 'Venta'; tablas, de la más parecida a la menos: Ventas, Clientes",
    ],
    [
      "a bad target",
      ["--target", "revenue=doce"],
      "--target revenue: 'doce' no es un número; escríbalo con punto decimal y sin separador de miles, p. ej. --target revenue=250000.50",
    ],
    [
      "no sales table",
      ["--table", "sales=none"],
      "no hay tabla de ventas: incluya una tabla con columnas de cliente, fecha e importe (se encontró Clientes (Clientes.csv (UTF-8, separador ,): ID Cliente, Segmento, Días de Crédito); Ventas (Ventas.csv (UTF-8, separador ,): Código Cliente, Fecha, Importe))",
    ],
  ])("with --lang es, %s is said in Spanish", async (_name, args, message) => {
    const source = args[0]?.startsWith("/") ? [] : [clean];
    const r = await runCli(...source, ...args, "--lang", "es");
    expect(r.status).toBe(2);
    expect(r.err).toEqual([`spec-scorecard: ${message}`]);
  });

  test("with --lang es, the workbook package's refusals are Spanish too", async () => {
    const notes = join(dir, "notas.txt");
    const xls = join(dir, "viejo.xls");
    writeFileSync(notes, "hola");
    // The signature of an OLE compound file (Excel 97-2003's container), with no stream in it.
    writeFileSync(
      xls,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(600),
      ])
    );
    const a = await runCli(notes, "--lang", "es");
    expect(a.err).toEqual([
      `spec-scorecard: ${notes} no es un libro de Excel: indique un archivo .xlsx o .xlsm (guardado por Excel, LibreOffice, Google Sheets o pandas), o una carpeta de archivos .csv`,
    ]);
    const b = await runCli(xls, "--lang", "es");
    expect(b.err).toEqual([
      `spec-scorecard: ${xls} es un archivo compuesto de Office pero no un libro que se pueda leer: ábralo en Excel y guárdelo como Libro de Excel (.xlsx)`,
    ]);
  });

  test("an ambiguous column is refused naming the column and the option, and --decimal settles it", async () => {
    const folder = join(dir, "ambiguous");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "Sales.csv"),
      "Customer;Date;Amount\nA;2025-03-01;1.234\nB;2025-03-02;6.110\n"
    );
    const r = await runCli(folder, "--json", "--lang", "es");
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      "spec-scorecard: la columna Amount de Sales.csv (UTF-8, separador ;) solo tiene números como '1.234' (fila 2), que pueden llevar punto o coma decimal: indíquelo con --decimal , (coma decimal) o --decimal . (punto decimal)",
    ]);
    const comma = await runCli(folder, "--json", "--decimal", ",", "--quiet");
    expect(JSON.parse(comma.out).indicators.revenue.value).toBe(1234 + 6110);
    const point = await runCli(folder, "--json", "--decimal", ".", "--quiet");
    expect(JSON.parse(point.out).indicators.revenue.value).toBeCloseTo(1.234 + 6.11, 12);
  });

  test("with --lang es the summary writes numbers one way: 1.234,56 and 9,5 %", async () => {
    const r = await runCli(
      spanish,
      "--as-of",
      "2025-03-12",
      "--period",
      "month",
      "--lang",
      "es",
      "--quiet"
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain("13.015,09");
    expect(r.out).not.toMatch(/\d,\d{3}\.\d/); // no English thousands anywhere
    expect(r.out).toMatch(/\d+,\d %/);
    expect(r.out).not.toMatch(/\d,\d%/); // a percentage is 66,7 %, never 66,7%
  });
});
