/** `spec-scorecard` end to end on real files: JSON, the output workbook, CSV folders and every bad input. */
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { spawnSync } from "child_process";
import { INDICATOR_IDS } from "../../src/engine/indicatorCatalog";
import { LABELS } from "../../src/plan/labels";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";
import { table } from "../support/tables";
import {
  openPackage,
  sheetCells,
  storedCell,
  sheetXml,
  writeTablesWorkbook,
} from "../support/workbooks";
import { child, childrenNamed, parseXml } from "../../src/xlsx/xmlTree";
import { runCli, sha256Of } from "../support/commandLine";

const dir = mkdtempSync(join(tmpdir(), "spec-cli-"));
const fixtureXlsx = join(dir, "fixture.xlsx");
const englishXlsx = join(dir, "sample-en.xlsx");
const spanishXlsx = join(dir, "muestra-es.xlsx");

beforeAll(async () => {
  await writeTablesWorkbook(fixtureXlsx, [SALES, CUSTOMERS, LEADS, MARKET]);
  await writeSampleWorkbook(englishXlsx, { customers: 60 });
  await writeSampleWorkbook(spanishXlsx, { customers: 60, spanish: true });
});

test("--json prints every indicator id with the hand-worked values", async () => {
  const r = await runCli(
    fixtureXlsx,
    "--json",
    "--as-of",
    "2025-03-20",
    "--period",
    "month",
    "--target",
    "revenue=1800"
  );
  expect(r.status).toBe(0);
  const json = JSON.parse(r.out);
  expect(json.asOf).toBe("2025-03-20");
  expect(json.period).toEqual({
    start: "2025-03-01",
    end: "2025-03-20",
    previousStart: "2025-02-01",
    previousEnd: "2025-02-20",
  });
  expect(Object.keys(json.indicators).sort()).toEqual([...INDICATOR_IDS].sort());
  // Run rate 1,150 × 31 ÷ 20; prior-year pace 1,150 × 60 ÷ 60 (March 2024: one sale, on the 1st);
  // 7 customers are too few for the customer model; the first sale (2024-03-01) is less than a
  // year before every earlier month, so nothing is backtested and the run rate is the headline.
  const { history, ...revenue } = json.indicators.revenue;
  // The 8 months before March, oldest first: January's 400 and February's 780 (test/engine/history.test.ts).
  expect(history.map((h: { start: string; value: number }) => [h.start, h.value]).slice(6)).toEqual(
    [
      ["2025-01-01", 400],
      ["2025-02-01", 780],
    ]
  );
  expect(revenue).toEqual({
    value: 1150,
    previous: 780,
    forecast: 1782.5,
    status: "at_risk",
    reason: null,
    forecasts: {
      run_rate: { value: 1782.5, backtest_error: null },
      prior_year: { value: 1150, backtest_error: null },
      customer_model: { value: null, backtest_error: null },
    },
    chosen: "run_rate",
  });
  // Margin: 60 + 90 + 50 + 20 − 5 + 10 = 225 so far; run rate × 31 ÷ 20, prior-year pace 225 × 10 ÷ 10.
  expect(json.indicators.margin.forecasts).toEqual({
    run_rate: { value: (225 * 31) / 20, backtest_error: null },
    prior_year: { value: 225, backtest_error: null },
  });
  expect(json.indicators["sales.new_customers"].value).toBe(2);
  expect(json.indicators["svc.pareto_customers"].value).toBe(3);
  expect(json.indicators["svc.activation_rate"].value).toBeCloseTo(5 / 7, 12);
  for (const id of INDICATOR_IDS) {
    const keys = [
      "forecast",
      "previous",
      "reason",
      "status",
      "value",
      "history",
      ...(id === "revenue" || id === "margin" ? ["chosen", "forecasts"] : []),
    ];
    expect(Object.keys(json.indicators[id]).sort()).toEqual(keys.sort());
  }
  expect(json.indicators["svc.expected_revenue"]).toMatchObject({
    value: null,
    reason: LABELS.en.reasons.model_not_fitted,
  });
});

test("a Spanish workbook works with no configuration and gives the English one's figures", async () => {
  const en = await runCli(englishXlsx, "--json");
  const es = await runCli(spanishXlsx, "--json", "--lang", "es", "--quiet");
  expect([en.status, es.status]).toEqual([0, 0]);
  const values = (out: string): unknown =>
    Object.fromEntries(
      Object.entries(JSON.parse(out).indicators).map(([id, v]) => [
        id,
        (v as { value: unknown }).value,
      ])
    );
  expect(values(es.out)).toEqual(values(en.out));
  expect(es.err).toEqual([]);
  expect(JSON.parse(es.out).indicators["info.penetration"].value).toBeGreaterThan(0);
});

test("a missing table is noted on stderr and its indicators carry the reason", async () => {
  const salesOnly = join(dir, "sales-only.xlsx");
  await writeTablesWorkbook(salesOnly, [SALES]);
  const r = await runCli(salesOnly, "--json", "--as-of", "2025-03-20");
  expect(r.status).toBe(0);
  expect(r.err).toContain("spec-scorecard: note: no leads table found");
  const json = JSON.parse(r.out);
  const { history, ...leads } = json.indicators["mkt.leads"];
  expect(leads).toEqual({
    value: null,
    previous: null,
    forecast: null,
    status: null,
    reason: "Not available: no Leads table.",
  });
  // Quarters: the 4 that end before the first sale (2024-03-01) say so; the others, the table.
  expect(history.map((h: { value: null; reason: string }) => [h.value, h.reason])).toEqual([
    ...Array(4).fill([null, "Not available: the period ends before the first sale."]),
    ...Array(4).fill([null, "Not available: no Leads table."]),
  ]);
});

describe("--out", () => {
  const out = join(dir, "scorecard.xlsx");
  let before: string;
  let json: { indicators: Record<string, { value: number | null; previous: number | null }> };
  let cells: Map<string, unknown>;
  /** The first row labelled so in column A below row `after`. */
  const rowOf = (label: string, after = 0): number => {
    let found = Infinity;
    for (const [address, v] of cells)
      if (v === label && /^A\d+$/.test(address)) {
        const row = Number(address.slice(1));
        if (row > after) found = Math.min(found, row);
      }
    if (found === Infinity) throw new Error(`no row labelled ${label}`);
    return found;
  };
  /** A parameter's row: labelled so below the parameters' title (the trend names days too). */
  const paramRow = (label: string): number => rowOf(label, rowOf(LABELS.en.parameters.title));

  beforeAll(async () => {
    before = sha256Of(englishXlsx);
    const r = await runCli(englishXlsx, "--out", out, "--json");
    expect(r.status).toBe(0);
    json = JSON.parse(r.out);
    // What the sheet holds as values computed at the build, said on stderr.
    expect(r.err).toContain(
      "spec-scorecard: note: Computed at this build, not live on the sheet (build again to refresh): Customers buying more (upsell); Upsell revenue; Active customers lapsing within 30 days; Backtest errors of the revenue forecasts; Customers to call; Trend of the past periods; Customer value (attributes over the 365 days to as of)."
    );
    cells = await sheetCells(out, "Scorecard");
  });

  test("never modifies the source", () => {
    expect(sha256Of(englishXlsx)).toBe(before);
  });

  test("keeps every source sheet and adds the Scorecard", async () => {
    const pkg = await openPackage(out);
    expect(pkg.worksheets.map((w) => w.name)).toEqual([
      "Sales",
      "Customers",
      "Leads",
      "Market",
      "Scorecard",
    ]);
    expect((await pkg.tablesOf(pkg.worksheets[0])).map((t) => t.name)).toEqual(["Sales"]);
  });

  test("holds live formulas as Excel stores them, with their computed values cached, and formats", async () => {
    expect(cells.get("A1")).toBe("SPEC Scorecard");
    const revenueRow = rowOf("Revenue");
    const revenue = await storedCell(out, "Scorecard", `B${revenueRow}`);
    // The parameters' cells, below the indicators.
    const p = (label: string): string => `$B$${paramRow(label)}`;
    // Value and previous value from one formula: the period to as of, and the comparable span before it.
    expect(revenue.formula).toBe(
      '_xlfn.LET(_xlpm.k,LOWER(TRIM(CLEAN(SUBSTITUTE(Sales[Customer]&"",_xlfn.UNICHAR(160)," ")))),CHOOSE({1,2},' +
        `SUM((_xlpm.k<>"")*(_xlpm.k<>"0")*(Sales[Date]>=${p("Period start")})*(Sales[Date]<${p("As of")}+1)*Sales[Amount]),` +
        `SUM((_xlpm.k<>"")*(_xlpm.k<>"0")*(Sales[Date]>=${p("Previous start")})*(Sales[Date]<${p("Previous end")}+1)*Sales[Amount])))`
    );
    expect(Object.fromEntries(revenue.f ?? [])).toEqual({
      t: "array",
      ref: `B${revenueRow}:C${revenueRow}`,
    });
    expect(cells.get(`B${revenueRow}`)).toBeCloseTo(json.indicators.revenue.value as number, 6);
    expect(cells.get(`C${revenueRow}`)).toBeCloseTo(json.indicators.revenue.previous as number, 6);
    expect(revenue.format).toBe("#,##0.00");
    const activationRow = rowOf("Activation rate");
    const activation = await storedCell(out, "Scorecard", `B${activationRow}`);
    expect(activation.formula).toBe(
      `_xlfn.LET(_xlpm.err,_xldudf_SPEC_ACTIVATION_RATE(Sales[Customer],Sales[Date],Sales[Amount],${p("As of")},${p("Activation window (days)")},${p("Minimum purchase days")},${p("Minimum net amount")},Customers[[Customer ID]]),IF(ISERROR(_xlpm.err),IF(ERROR.TYPE(_xlpm.err)=2,"",_xlpm.err),_xlpm.err))`
    );
    expect(activation.cell.get("cm")).toBe("1");
    expect(Object.fromEntries(activation.f ?? [])).toEqual({
      t: "array",
      ref: `B${activationRow}`,
    });
    expect(cells.get(`B${activationRow}`)).toBeCloseTo(
      json.indicators["svc.activation_rate"].value as number,
      12
    );
    expect(activation.format).toBe("0.0%");
    const repeat = await storedCell(out, "Scorecard", `B${rowOf("Repeat customers")}`);
    expect(repeat.formula).toBe(
      `B${rowOf("Customers buying")}:C${rowOf("Customers buying")}-B${rowOf("New customers")}:C${rowOf("New customers")}`
    );
    const buying = await storedCell(out, "Scorecard", `B${rowOf("Customers buying")}`);
    expect(buying.formula).toMatch(
      /^_xlfn\.LET\(_xlpm\.k,.*ROWS\(_xlfn\.UNIQUE\(_xlfn\._xlws\.FILTER\(_xlpm\.k,/
    );
    const asOf = `B${paramRow("As of")}`;
    expect((await storedCell(out, "Scorecard", asOf)).formula).toBe(
      '_xlfn.LET(_xlpm.k,LOWER(TRIM(CLEAN(SUBSTITUTE(Sales[Customer]&"",_xlfn.UNICHAR(160)," ")))),INT(MAX(IF((_xlpm.k<>"")*(_xlpm.k<>"0"),Sales[Date],0))))'
    );
    expect((await storedCell(out, "Scorecard", asOf)).format).toBe("m/d/yyyy");
  });

  test("colours statuses with conditional formatting", async () => {
    const sheet = parseXml(await sheetXml(out, "Scorecard"));
    const formats = childrenNamed(sheet, "conditionalFormatting");
    // The indicators' rows: from the overview's section row, right below their header, 24 rows.
    const first = rowOf("Overview");
    expect(first).toBe(5);
    expect(formats.map((f) => f.attributes.get("sqref"))).toEqual([`F${first}:F${first + 23}`]);
    const rules = childrenNamed(formats[0], "cfRule");
    expect(rules.map((r) => child(r, "formula")?.text)).toEqual([
      'F5="On track"',
      'F5="At risk"',
      'F5="Off track"',
    ]);
    expect(rules.map((r) => [r.attributes.get("type"), r.attributes.get("priority")])).toEqual([
      ["expression", "1"],
      ["expression", "2"],
      ["expression", "3"],
    ]);
  });

  test("building again from the output replaces its own Scorecard and nothing else", async () => {
    const again = join(dir, "again.xlsx");
    const r = await runCli(out, "--out", again, "--lang", "es");
    expect(r.status).toBe(0);
    expect((await openPackage(again)).worksheets.map((w) => w.name)).toEqual([
      "Sales",
      "Customers",
      "Leads",
      "Market",
      "Scorecard",
    ]);
    expect((await sheetCells(again, "Scorecard")).get("A1")).toBe("Cuadro de mando SPEC");
  });
});

test("a folder of CSV files (comma or semicolon) gives the same figures as the workbook", async () => {
  const folder = join(dir, "csv");
  mkdirSync(folder);
  const csv = (t: typeof SALES, sep: string): string =>
    [
      t.headers.join(sep),
      ...Array.from({ length: t.rowCount }, (_, i) =>
        t.columns
          .map((c) =>
            c[i] === null ? "" : String(c[i]).includes(sep) ? `"${c[i]}"` : String(c[i])
          )
          .join(sep)
      ),
    ].join("\r\n");
  writeFileSync(join(folder, "Sales.csv"), csv(SALES, ","));
  writeFileSync(join(folder, "Customers.csv"), csv(CUSTOMERS, ";"));
  writeFileSync(join(folder, "Leads.csv"), csv(LEADS, ","));
  writeFileSync(join(folder, "Market.csv"), csv(MARKET, ","));
  const fromCsv = await runCli(
    folder,
    "--json",
    "--as-of",
    "2025-03-20",
    "--period",
    "month",
    "--out",
    join(dir, "from-csv.xlsx")
  );
  const fromXlsx = await runCli(
    fixtureXlsx,
    "--json",
    "--as-of",
    "2025-03-20",
    "--period",
    "month"
  );
  expect(fromCsv.status).toBe(0);
  // The same figures; the data check says where each came from (files and their formats, or sheets).
  const withoutData = (out: string): unknown => ({ ...JSON.parse(out), data: undefined });
  expect(withoutData(fromCsv.out)).toEqual(withoutData(fromXlsx.out));
  expect(JSON.parse(fromCsv.out).data.tables[0]).toMatchObject({
    table: "Sales",
    file: "Sales.csv",
    encoding: "UTF-8",
    separator: ",",
  });
  expect((await openPackage(join(dir, "from-csv.xlsx"))).worksheets.map((w) => w.name)).toEqual([
    "Customers",
    "Leads",
    "Market",
    "Sales",
    "Scorecard",
  ]);
});

describe("bad input exits 2 with one line saying what to fix, and writes nothing", () => {
  const out = join(dir, "never.xlsx");
  const textDates = join(dir, "text-dates.xlsx");
  const noSales = join(dir, "no-sales.xlsx");
  const notXlsx = join(dir, "notes.txt");
  const corrupt = join(dir, "corrupt.xlsx");
  beforeAll(async () => {
    const broken = table(
      "Sales",
      ["Customer", "Date", "Amount"],
      [
        ["A", "2025-01-01", 5],
        ["B", "last Tuesday", 7],
      ]
    );
    await writeTablesWorkbook(textDates, [broken]);
    await writeTablesWorkbook(noSales, [MARKET]);
    writeFileSync(notXlsx, "hello");
    writeFileSync(corrupt, "this is not a zip");
  });

  test.each([
    ["a missing file", [join(dir, "missing.xlsx")], /missing\.xlsx does not exist/],
    [
      "not a workbook",
      [notXlsx],
      /notes\.txt is not an Excel workbook: name an \.xlsx or \.xlsm file/,
    ],
    ["an unreadable workbook", [corrupt], /corrupt\.xlsx is not an Excel workbook/],
    [
      "no sales table",
      [noSales],
      /no sales table: give a table with customer, date and amount columns \(found Market \(Segment, Potential Accounts\)\)/,
    ],
    [
      "text where dates belong",
      [textDates],
      /^spec-scorecard: cell B3 of sheet Sales \(column Date of table Sales\) is the text 'last Tuesday', which is not a date \(dates are read as yyyy-mm-dd, dd\/mm\/yyyy, d\/m\/yy or mm\/dd\/yyyy, with \/ - or \. between the parts\); correct it$/,
    ],
    [
      "an unknown period",
      [englishXlsx, "--period", "week"],
      /--period needs one of month, quarter, year \(got 'week'\)/,
    ],
    [
      "a bad as-of date",
      [englishXlsx, "--as-of", "31/03/2026"],
      /--as-of needs a date as YYYY-MM-DD/,
    ],
    [
      "a window of 0",
      [englishXlsx, "--window", "0"],
      /--window needs a whole number of at least 1/,
    ],
    ["an unknown option", [englishXlsx, "--colour"], /unknown option --colour/],
    ["no workbook named", [], /name a workbook/],
    ["--out over the source", [englishXlsx, "--out", englishXlsx], /is the source file/],
  ])("%s", async (_name, args, message) => {
    const r = await runCli(
      ...(args as string[]),
      ...(args.includes("--out") ? [] : ["--out", out])
    );
    expect(r.status).toBe(2);
    expect(r.err.length).toBe(1);
    expect(r.err[0]).toMatch(message);
    expect(r.err[0].startsWith("spec-scorecard: ")).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});

test("npx spec-scorecard runs the built command line with exit statuses", () => {
  const root = join(__dirname, "..", "..");
  const ok = spawnSync(
    process.execPath,
    [
      join(root, "bin", "spec-scorecard.js"),
      fixtureXlsx,
      "--json",
      "--as-of",
      "2025-03-20",
      "--period",
      "month",
    ],
    { encoding: "utf8" }
  );
  expect(ok.status).toBe(0);
  expect(JSON.parse(ok.stdout).indicators.revenue.value).toBe(1150);
  const bad = spawnSync(
    process.execPath,
    [join(root, "bin", "spec-scorecard.js"), join(dir, "nope.xlsx")],
    { encoding: "utf8" }
  );
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim().split("\n")).toHaveLength(1);
});

test("--table and --column correct the guessed mapping", async () => {
  const twoSales = join(dir, "two-sales.xlsx");
  const other = table(
    "Facturas",
    ["Cliente", "Fecha", "Total", "Venta Neta"],
    [
      ["A", "2025-03-10", 999, 100],
      ["B", "2025-03-11", 999, 50],
    ]
  );
  await writeTablesWorkbook(twoSales, [SALES, other]);
  const guessed = await runCli(twoSales, "--json", "--as-of", "2025-03-20", "--period", "month");
  expect(JSON.parse(guessed.out).indicators.revenue.value).toBe(1150); // "Sales" wins by its name
  const chosen = await runCli(
    twoSales,
    "--json",
    "--as-of",
    "2025-03-20",
    "--period",
    "month",
    "--table",
    "sales=Facturas",
    "--column=sales.amount=Venta Neta"
  );
  expect(chosen.status).toBe(0);
  expect(JSON.parse(chosen.out).indicators.revenue.value).toBe(150);
  const noMarket = await runCli(fixtureXlsx, "--json", "--table", "market=none");
  expect(JSON.parse(noMarket.out).indicators["info.penetration"].reason).toBe(
    "Not available: no Market table with potential accounts."
  );
  const wrong = await runCli(twoSales, "--table", "sales=Nope");
  expect(wrong.status).toBe(2);
  expect(wrong.err).toEqual([
    "spec-scorecard: --table: no table 'Nope'; tables, closest first: Sales, Facturas",
  ]);
  const badColumn = await runCli(twoSales, "--column", "sales.price=Total");
  expect(badColumn.status).toBe(2);
  expect(badColumn.err[0]).toMatch(/--column needs <role>\.<column>=<header>/);
});
