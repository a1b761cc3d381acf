/** The Office.js writer against an office-addin-mock workbook: what it asks Excel to do, request by request. */
import { isoDateToSerial } from "../../src/core/cells";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { SourceTable } from "../../src/engine/sourceTable";
import { guessMapping } from "../../src/engine/tableMapping";
import { NUMBER_FORMATS, ScorecardPlan, buildScorecardPlan } from "../../src/plan/scorecardPlan";
import { bigTables } from "../../src/bench/benchScorecard";
import { OfficeWriteOptions, writePlanWithOffice } from "../../src/taskpane/officeWriter";
import { REQUEST_BUDGET_BYTES } from "../../src/taskpane/requestBatches";
import { planGrid, styleRectangles } from "../../src/taskpane/sheetGrid";
import { SCORECARD_NAME } from "../../src/taskpane/scorecardIdentity";
import { WorkbookProblem } from "../../src/taskpane/workbookProblem";
import { Progress } from "../../src/workbook/workbookPort";
import { FakeExcel } from "../support/fakeExcel";
import { scorecardCharts } from "../../src/workbook/scorecardSheet";
import { SheetRange } from "../../src/plan/chartSpec";
import { columnLetter } from "../../src/core/cellReferences";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

function planOf(tables: SourceTable[], asOf?: string): ScorecardPlan {
  const mapping = guessMapping(tables);
  const data = readScorecardData(mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, {
    ...DEFAULT_SETTINGS,
    ...(asOf === undefined ? {} : { asOf: isoDateToSerial(asOf) }),
    period: "month",
    targets: { revenue: 1800 },
  });
  if (!card.ok) throw new Error(card.error.message);
  return buildScorecardPlan(card.value, mapping, "en");
}

const plan = planOf([SALES, CUSTOMERS, LEADS, MARKET], "2025-03-20");
const everything = (): boolean => true;
const LIVE: OfficeWriteOptions = { values: false, date1904: false, supports: everything };

/** The sheet's inputs as rows × columns, "" where nothing was written. */
function written(excel: FakeExcel, sheet: string, rows: number, columns: number): unknown[][] {
  const s = excel.sheets.get(sheet);
  if (s === undefined) throw new Error(`no sheet ${sheet}`);
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => s.inputs.get(`${i},${j}`) ?? "")
  );
}

test("a new sheet beside the analyst's own 'Scorecard': every cell, its format, its look, the status colours, the charts and the name", async () => {
  const excel = new FakeExcel(["Sales", "Scorecard"]);
  const progress: Progress[] = [];
  const name = await writePlanWithOffice(
    excel.run,
    plan,
    null,
    (p) => progress.push(p),
    undefined,
    LIVE
  );
  expect(name).toBe("Scorecard (2)"); // the analyst's sheet of that name is left alone
  expect(excel.sheets.get("Scorecard")?.inputs.size).toBe(0);
  const grid = planGrid(plan);
  expect(written(excel, name, grid.rows, grid.columns)).toEqual(grid.inputs);
  const sheet = excel.sheets.get(name);
  const revenue = plan.cells.find((c) =>
    c.formula?.includes('SUM((§k<>"")*(§k<>"0")*(Sales[Date]>=')
  );
  if (revenue === undefined || sheet === undefined) throw new Error("no revenue formula");
  expect(sheet.inputs.get(`${revenue.row - 1},${revenue.column - 1}`)).toBe(
    `=${(revenue.formula as string).replace(/§/g, "")}`
  );
  expect(sheet.formats.get(`${revenue.row - 1},${revenue.column - 1}`)).toBe("#,##0.00");
  expect(sheet.inputs.get("0,0")).toBe("'SPEC Scorecard");
  expect(progress[progress.length - 1]).toEqual({
    phase: "writing",
    done: grid.rows,
    total: grid.rows,
  });
  expect(sheet.showGridlines).toBe(false);
  expect(sheet.frozenRows).toBe(plan.frozenRows);
  expect(sheet.orientation).toBe("Landscape");
  // The title's look is one rectangle's format, not a call per cell.
  const title = sheet.looks.filter((l) => l.row === 0 && l.column === 0 && l.rows === 1);
  expect(title.map((l) => l.set)).toEqual(["font.bold=true", "font.size=16", "font.color=#1F4E79"]);
  const formatCalls = excel
    .queued()
    .filter((q) => q.path.endsWith(".format.font") || q.path.endsWith(".format.fill"));
  const styled = plan.cells.filter((c) => c.style !== undefined && c.style !== "body").length;
  expect(formatCalls.length).toBeLessThan(styled); // rectangles: fewer calls than styled cells
  expect(sheet.conditionalFormats.map((c) => [c.formula, c.fill])).toEqual([
    ['=F5="On track"', "#C6EFCE"],
    ['=F5="At risk"', "#FFEB9C"],
    ['=F5="Off track"', "#FFC7CE"],
  ]);
  const drawn = sheet.charts.map((c) => [c.type, c.name, c.title.text]);
  const kinds = { column: "ColumnClustered", bar: "BarClustered", line: "Line" };
  expect(drawn).toEqual(plan.charts.map((c) => [kinds[c.kind], `SPEC ${c.id}`, c.title]));
  expect(drawn).toEqual(
    expect.arrayContaining([
      [
        "ColumnClustered",
        "SPEC forecast",
        "Revenue forecast to period end, and each method's backtest error",
      ],
      ["BarClustered", "SPEC funnel", "Funnel: leads → new customers"],
      ["ColumnClustered", "SPEC pareto", "Concentration: top 20 customers in the period"],
      ["Line", "SPEC trend.sales", "3 · Sales: each indicator against its average (= 100)"],
    ])
  );
  expect(excel.names.get(SCORECARD_NAME)).toEqual({
    sheet: name,
    formula: undefined,
    visible: false,
  });
  // Calculation waits while the sheet is written, then goes back to what it was.
  expect(excel.modes).toEqual(["Manual", "Automatic"]);
  const manual = excel.requests.findIndex((r) =>
    r.queued.some((q) => q.name === "calculationMode" && q.value === "Manual")
  );
  const automatic = excel.requests.findIndex((r) =>
    r.queued.some((q) => q.name === "calculationMode" && q.value === "Automatic")
  );
  const cells = excel.requests.findIndex((r) => r.queued.some((q) => q.name === "formulas"));
  const looks = excel.requests
    .map((r, i) =>
      r.queued.some((q) => q.path.includes(".format.font") && !q.path.includes(".charts.")) ? i : -1
    )
    .filter((i) => i >= 0);
  expect(manual).toBeLessThan(cells);
  expect(Math.max(...looks)).toBeLessThan(automatic);
});

test("style rectangles cover every styled cell exactly once, with its style", () => {
  const covered = new Map<string, string>();
  for (const r of styleRectangles(plan))
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.columns; j++) {
        const key = `${r.row + i},${r.column + j}`;
        expect(covered.has(key)).toBe(false);
        covered.set(key, r.style);
      }
  const expected = new Map<string, string>();
  for (const c of plan.cells)
    if (c.style !== undefined && c.style !== "body")
      for (let i = 0; i < (c.spill?.rows ?? 1); i++)
        for (let j = 0; j < (c.spill?.columns ?? 1); j++)
          expected.set(`${c.row - 1 + i},${c.column - 1 + j}`, c.style);
  expect(covered).toEqual(expected);
  expect(styleRectangles(plan).length).toBeLessThan(expected.size / 2);
});

test("building again clears the sheet it made, rewrites it in place and names it again", async () => {
  const excel = new FakeExcel(["Sales", "Scorecard"]);
  excel.sheets.get("Scorecard")?.charts.push({
    type: "Funnel",
    source: "",
    name: "SPEC funnel",
    title: { format: { font: {} } },
    legend: {},
    drawn: [],
    axisLooks: { value: {}, category: {}, secondaryValue: {} },
    deleted: false,
  });
  const name = await writePlanWithOffice(
    excel.run,
    plan,
    "Scorecard",
    () => undefined,
    undefined,
    LIVE
  );
  expect(name).toBe("Scorecard");
  expect([...excel.sheets.keys()]).toEqual(["Sales", "Scorecard"]);
  const sheet = excel.sheets.get("Scorecard");
  expect(sheet?.cleared).toBe(1);
  expect(sheet?.charts.filter((c) => !c.deleted).map((c) => c.name)).toEqual(
    plan.charts.map((c) => `SPEC ${c.id}`)
  );
  expect(plan.charts.map((c) => c.id)).toEqual(expect.arrayContaining(["funnel", "pareto"]));
  expect(excel.names.get(SCORECARD_NAME)?.sheet).toBe("Scorecard");
});

test("a cancelled build writes nothing", async () => {
  const excel = new FakeExcel(["Sales"]);
  const controller = new AbortController();
  controller.abort();
  await expect(
    writePlanWithOffice(excel.run, plan, null, () => undefined, controller.signal, LIVE)
  ).rejects.toThrow("cancelled");
  expect(excel.requests).toEqual([]);
});

describe("requests stay under the budget at scale", () => {
  test.each([
    [4000, 30000],
    [50000, 60000],
  ])(
    "%i customers: every request's JSON under 4 MB, every cell written",
    async (customers, rows) => {
      const big = planOf(bigTables(rows, customers));
      const valueRows = big.cells.filter((c) => c.column === 1 && c.style === "body").length;
      expect(valueRows).toBeGreaterThanOrEqual(customers); // the customer value table lists every customer
      const excel = new FakeExcel(["Sales"]);
      const name = await writePlanWithOffice(
        excel.run,
        big,
        null,
        () => undefined,
        undefined,
        LIVE
      );
      const sizes = excel.requests.map((r) => r.bytes);
      expect(Math.max(...sizes)).toBeLessThan(REQUEST_BUDGET_BYTES);
      const grid = planGrid(big);
      const total = sizes.reduce((a, b) => a + b, 0);
      // One request could not hold it all (the old writer sent 32 MB of formats at 4,000 customers).
      if (customers === 50000) expect(total).toBeGreaterThan(REQUEST_BUDGET_BYTES);
      expect(written(excel, name, grid.rows, grid.columns)).toEqual(grid.inputs);
      const sheet = excel.sheets.get(name);
      const formats = Array.from({ length: grid.rows }, (_, i) =>
        Array.from({ length: grid.columns }, (_, j) => sheet?.formats.get(`${i},${j}`))
      );
      expect(formats).toEqual(grid.formats);
    },
    120000
  );
});

test("a budget of 100 kB: the same sheet in more requests, each under it", async () => {
  const excel = new FakeExcel(["Sales"]);
  const big = planOf(bigTables(20000, 2000));
  await writePlanWithOffice(excel.run, big, null, () => undefined, undefined, {
    ...LIVE,
    budget: 100000,
  });
  expect(
    excel.requests.filter((r) => r.queued.some((q) => q.name === "formulas")).length
  ).toBeGreaterThan(3);
  expect(Math.max(...excel.requests.map((r) => r.bytes))).toBeLessThan(100000);
});

const TEXTS = ["00123", "2024-03", "1-5", "1234567890123456789", "TRUE", "=x"];

test("texts stay text: ids that look like numbers, dates, booleans or formulas are written with Excel's quote prefix", async () => {
  const sales = SALES.columns[0].map((c, i) => (c === null ? null : TEXTS[i % TEXTS.length]));
  const tables = [{ ...SALES, columns: [sales, ...SALES.columns.slice(1)] }, LEADS, MARKET];
  const textPlan = planOf(tables, "2025-03-20");
  const excel = new FakeExcel(["Sales"]);
  const name = await writePlanWithOffice(
    excel.run,
    textPlan,
    null,
    () => undefined,
    undefined,
    LIVE
  );
  const inputs = [...(excel.sheets.get(name)?.inputs.values() ?? [])];
  for (const text of TEXTS) {
    expect([text, inputs.includes(`'${text}`)]).toEqual([text, true]);
    expect([text, inputs.includes(text)]).toEqual([text, false]);
  }
  // The formula-looking id is no formula: only plan formulas start with "=".
  const formulas = new Set(
    textPlan.cells
      .filter((c) => c.formula !== undefined)
      .map((c) => `=${c.formula?.replace(/§/g, "")}`)
  );
  expect(
    inputs.filter((v) => typeof v === "string" && v.startsWith("=") && !formulas.has(v))
  ).toEqual([]);
});

test("values instead of formulas: no formula written, each formula's cell and spill holds the engine's value", async () => {
  const excel = new FakeExcel(["Sales"]);
  const name = await writePlanWithOffice(excel.run, plan, null, () => undefined, undefined, {
    ...LIVE,
    values: true,
  });
  const sheet = excel.sheets.get(name);
  const inputs = [...(sheet?.inputs.values() ?? [])];
  expect(inputs.filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]);
  const spill = plan.cells.find((c) => c.spill !== undefined && c.spill.columns === 2);
  if (spill?.spill === undefined) throw new Error("no two-column spill");
  spill.spill.results.forEach((line, i) =>
    line.forEach((v, j) =>
      expect(sheet?.inputs.get(`${spill.row - 1 + i},${spill.column - 1 + j}`) ?? "").toBe(
        v === null ? "" : typeof v === "string" && v !== "" ? `'${v}` : v
      )
    )
  );
  const status = plan.cells.find(
    (c) => c.column === 6 && c.formula?.startsWith("IF(OR(") && c.result !== ""
  );
  expect(sheet?.inputs.get(`${(status?.row ?? 0) - 1},5`)).toBe(`'${status?.result}`);
  expect(sheet?.charts.length).toBe(plan.charts.length);
});

test("a workbook counting days from 1904: day numbers written move back 1,462 days, formulas unchanged", async () => {
  const excel = new FakeExcel(["Sales"]);
  const name = await writePlanWithOffice(excel.run, plan, null, () => undefined, undefined, {
    ...LIVE,
    date1904: true,
  });
  const labelled = (label: string) => {
    const row = plan.cells.find((c) => c.column === 1 && c.value === label)?.row ?? 0;
    return { cell: plan.cells.find((c) => c.row === row && c.column === 2), key: `${row - 1},1` };
  };
  const asOf = labelled("As of");
  expect(asOf.cell?.value).toBe(isoDateToSerial("2025-03-20"));
  expect(excel.sheets.get(name)?.inputs.get(asOf.key)).toBe(isoDateToSerial("2025-03-20") - 1462);
  expect(excel.sheets.get(name)?.formats.get(asOf.key)).toBe(NUMBER_FORMATS.date);
  const periodStart = labelled("Period start");
  expect(excel.sheets.get(name)?.inputs.get(periodStart.key)).toBe(`=${periodStart.cell?.formula}`);
});

test("a protected workbook structure: a clear problem, nothing added", async () => {
  const excel = new FakeExcel(["Sales"]);
  excel.structureProtected = true;
  const failure = writePlanWithOffice(excel.run, plan, null, () => undefined, undefined, LIVE);
  await expect(failure).rejects.toBeInstanceOf(WorkbookProblem);
  await expect(failure).rejects.toMatchObject({ kind: "structure_protected" });
  expect([...excel.sheets.keys()]).toEqual(["Sales"]);
  expect(excel.modes).toEqual([]);
});

test("a protected scorecard sheet: a clear problem naming it, the sheet left as it was", async () => {
  const excel = new FakeExcel(["Sales", "Scorecard"]);
  const sheet = excel.sheets.get("Scorecard");
  if (sheet === undefined) throw new Error("no sheet");
  sheet.protected = true;
  sheet.inputs.set("0,0", "mine");
  await expect(
    writePlanWithOffice(excel.run, plan, "Scorecard", () => undefined, undefined, LIVE)
  ).rejects.toMatchObject({ kind: "sheet_protected", sheet: "Scorecard" });
  expect(sheet.cleared).toBe(0);
  expect(sheet.inputs.get("0,0")).toBe("mine");
});

test("Excel refusing a request midway: calculation goes back to automatic, the problem carries Excel's code", async () => {
  const excel = new FakeExcel(["Sales"]);
  let requests = 0;
  const run: typeof excel.run = async (batch) => {
    if (++requests === 3)
      throw Object.assign(new Error("The request payload size has exceeded the limit."), {
        code: "RequestPayloadSizeLimitExceeded",
      });
    return excel.run(batch);
  };
  await expect(
    writePlanWithOffice(run, plan, null, () => undefined, undefined, LIVE)
  ).rejects.toMatchObject({
    kind: "excel_refused",
    detail: "RequestPayloadSizeLimitExceeded: The request payload size has exceeded the limit.",
  });
  expect(excel.modes).toEqual(["Manual", "Automatic"]);
});

test("one chart per chart: where this Excel refuses a line series, what the attempt left is removed and the chart drawn with its first series", async () => {
  const excel = new FakeExcel(["Sales"]);
  excel.chartTypesRefused.add("Line");
  excel.chartTypesRefused.add("LineMarkers");
  // The charts with a line series beside columns or bars (a line chart itself every Excel draws).
  const combined = { ...plan, charts: plan.charts.filter((c) => c.kind !== "line") };
  const name = await writePlanWithOffice(
    excel.run,
    combined,
    null,
    () => undefined,
    undefined,
    LIVE
  );
  const charts = excel.sheets.get(name)?.charts ?? [];
  expect(charts.filter((c) => !c.deleted).map((c) => [c.type, c.name, c.drawn.length])).toEqual([
    ["ColumnClustered", "SPEC forecast", 1],
    ["ColumnClustered", "SPEC model_check", 2],
    ["BarClustered", "SPEC funnel", 1],
    ["ColumnClustered", "SPEC pareto", 1],
  ]);
  expect(charts.filter((c) => c.deleted).map((c) => [c.name, c.drawn.length])).toEqual([
    ["SPEC forecast", 2],
    ["SPEC pareto", 2],
  ]);
});

test("charts as the plan describes them and the file draws them: series, kinds, axes, colours, places", async () => {
  const excel = new FakeExcel(["Sales"]);
  const name = await writePlanWithOffice(excel.run, plan, null, () => undefined, undefined, LIVE);
  const charts = excel.sheets.get(name)?.charts ?? [];
  const files = scorecardCharts(plan, name);
  const cell = (row: number, column: number): string => `${columnLetter(column + 1)}${row + 1}`;
  expect(charts.map((c) => c.position)).toEqual(
    files.map((f) => [
      cell(f.anchor.fromRow, f.anchor.fromColumn),
      cell(f.anchor.toRow - 1, f.anchor.toColumn - 1),
    ])
  );
  const pareto = charts.find((c) => c.name === "SPEC pareto");
  const spec = plan.charts.find((c) => c.id === "pareto");
  if (pareto === undefined || spec === undefined) throw new Error("no Pareto chart");
  const address = (r: SheetRange): string =>
    `${columnLetter(r.firstColumn)}${r.firstRow}:${columnLetter(r.lastColumn)}${r.lastRow}`;
  expect(pareto.drawn).toEqual([
    {
      name: "Revenue",
      values: address(spec.series[0].values),
      categories: address(spec.categories),
      color: "#4472C4",
    },
    {
      name: "Cumulative share",
      values: address(spec.series[1].values),
      categories: address(spec.categories),
      chartType: "Line",
      axisGroup: "Secondary",
      color: "#ED7D31",
    },
  ]);
  expect(pareto.axisLooks).toEqual({
    value: { numberFormat: "#,##0", minimum: 0 },
    category: {},
    secondaryValue: { numberFormat: "0%", minimum: 0 },
  });
  expect(pareto.legend).toEqual({ visible: true, position: "Bottom" });
  const funnel = charts.find((c) => c.name === "SPEC funnel");
  expect(funnel?.axisLooks.category).toEqual({ reversePlotOrder: true, position: "Maximum" });
  expect(funnel?.legend).toEqual({ visible: false });
  const forecast = charts.find((c) => c.name === "SPEC forecast");
  expect(forecast?.drawn[1]).toMatchObject({
    chartType: "LineMarkers",
    axisGroup: "Secondary",
    markerStyle: "Diamond",
    line: "None",
  });
});

test("the layout the plan measured: widths, tall rows, wrapped and right-aligned cells, merges, print scale, margins and page breaks", async () => {
  const excel = new FakeExcel(["Sales"]);
  const name = await writePlanWithOffice(excel.run, plan, null, () => undefined, undefined, LIVE);
  const sheet = excel.sheets.get(name);
  if (sheet === undefined) throw new Error("no sheet");
  expect([...sheet.rowHeights]).toEqual(plan.rowHeights.map((h) => [h.row, h.points]));
  expect(sheet.merged).toEqual(
    plan.merges.map(
      (m) => `${columnLetter(m.firstColumn)}${m.row}:${columnLetter(m.lastColumn)}${m.row}`
    )
  );
  expect(sheet.zoom).toEqual({ scale: plan.print.scale });
  expect(sheet.margins).toEqual({
    left: 18,
    right: 18,
    top: 54,
    bottom: 54,
    header: 21.6,
    footer: 21.6,
  });
  expect(sheet.pageBreaks).toEqual(plan.print.rowBreaks.map((r) => `A${r}`));
  const looks = (set: string) =>
    sheet.looks.filter((l) => l.set === set).map((l) => `${l.row + 1},${l.column + 1}`);
  expect(looks("wrapText=true")).toEqual(
    plan.cells.filter((c) => c.wrap === true).map((c) => `${c.row},${c.column}`)
  );
  expect(looks("horizontalAlignment=Right")).toEqual(
    plan.cells.filter((c) => c.align === "right").map((c) => `${c.row},${c.column}`)
  );
  expect([...sheet.columnWidths.values()]).toEqual(plan.columnWidths.map((w) => w * 7));
});

test("without ExcelApi 1.8 each request suspends calculation until its sync instead", async () => {
  const excel = new FakeExcel(["Sales"]);
  const supports = (set: string, version: string): boolean =>
    set === "ExcelApi" && Number(version) < 1.8;
  await writePlanWithOffice(excel.run, plan, null, () => undefined, undefined, {
    ...LIVE,
    supports,
  });
  expect(excel.modes).toEqual([]);
  const writes = excel.requests.filter((r) => r.queued.some((q) => q.name === "formulas"));
  for (const r of writes) expect(r.queued[0].name).toBe("suspendApiCalculationUntilNextSync");
  expect(excel.sheets.get("Scorecard")?.orientation).toBeUndefined(); // page layout is ExcelApi 1.9
});
