/** Reading a big table through Office.js in row blocks, and the build pipeline's cancel. */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook, READ_BLOCK_CELLS, ExcelRun } from "../../src/taskpane/officeWorkbook";
import { buildInWorkbook } from "../../src/workbook/buildPipeline";
import { CancelledError, Progress, WorkbookPort } from "../../src/workbook/workbookPort";
import { DEFAULT_SETTINGS } from "../../src/engine/scorecard";
import { SourceTable } from "../../src/engine/sourceTable";
import { SALES } from "../fixtures/scorecardFixture";

test("a 1,000,000-row table is read in blocks under the request limit and reassembled in order", async () => {
  const requests: { row: number; column: number; rows: number; columns: number }[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: () => ({
            getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
              requests.push({ row, column, rows, columns });
              // Row r of the sheet (columns B..E) holds customer r, day 45000 + r % 100, amount r % 7, and a blank.
              // A plain range (the mock would wrap the 2-D values into objects): load is a no-op.
              const cell = (r: number, c: number): unknown =>
                [`C${r}`, 45000 + (r % 100), r % 7, ""][c - 1];
              return {
                load: () => undefined,
                values: Array.from({ length: rows }, (_, i) =>
                  Array.from({ length: columns }, (_, k) => cell(row + i, column + k))
                ),
              };
            },
          }),
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback((this as unknown as { context: unknown }).context);
    },
  });
  const run: ExcelRun = (batch) => (mock as unknown as { run: ExcelRun }).run(batch);
  const table: SourceTable = {
    name: "Sales",
    sheet: "Sales",
    isExcelTable: true,
    headers: ["Customer", "Date", "Amount", "Note"],
    columns: [],
    rowCount: 1000000,
    headerRow: 3,
    firstColumn: 2,
  };
  const progress: Progress[] = [];
  const read = await new OfficeWorkbook(run).readTable(table, [0, 1, 2, 3], (p) =>
    progress.push(p)
  );
  expect(
    requests.every(
      (r) => r.rows * r.columns <= READ_BLOCK_CELLS && r.column === 1 && r.columns === 4
    )
  ).toBe(true);
  expect(requests[0].row).toBe(3); // the row under the header (0-based 3 is sheet row 4)
  expect(requests.reduce((n, r) => n + r.rows, 0)).toBe(1000000);
  expect(read.columns[0][0]).toBe("C3");
  expect(read.columns[0][999999]).toBe("C1000002");
  expect(read.columns[1][10]).toBe(45000 + (13 % 100));
  expect(read.columns[3][5]).toBeNull(); // Excel's "" for an empty cell is blank
  expect(progress[progress.length - 1]).toEqual({
    phase: "reading",
    table: "Sales",
    done: 1000000,
    total: 1000000,
  });

  // Only the columns asked for: customer and amount, two runs of one column each; the others stay empty.
  requests.length = 0;
  const some = await new OfficeWorkbook(run).readTable(table, [0, 2], () => undefined);
  expect(new Set(requests.map((r) => `${r.column}x${r.columns}`))).toEqual(new Set(["1x1", "3x1"]));
  expect(requests.every((r) => r.rows <= READ_BLOCK_CELLS / 2)).toBe(true);
  expect([
    some.columns[0][7],
    some.columns[2][7],
    some.columns[1].length,
    some.columns[3].length,
  ]).toEqual(["C10", 10 % 7, 0, 0]);
});

test("cancelling between blocks stops the build before anything is written", async () => {
  const controller = new AbortController();
  let writes = 0;
  const port: WorkbookPort = {
    describeTables: async () => [SALES],
    readTable: async (t) => {
      controller.abort(); // the analyst presses Cancel while the table is read
      return t;
    },
    findScorecard: async () => null,
    writeScorecard: async () => {
      writes++;
      return "Scorecard";
    },
    showScorecard: async () => undefined,
    displayLanguage: () => "en-US",
  };
  await expect(
    buildInWorkbook(
      port,
      { tables: [SALES], override: {}, settings: DEFAULT_SETTINGS, language: "en" },
      () => undefined,
      controller.signal
    )
  ).rejects.toBeInstanceOf(CancelledError);
  expect(writes).toBe(0);
});

test("without a sales table the pipeline says what to map", async () => {
  const port = {} as WorkbookPort;
  const outcome = await buildInWorkbook(
    port,
    { tables: [], override: {}, settings: DEFAULT_SETTINGS, language: "en" },
    () => undefined
  );
  expect(outcome.ok).toBe(false);
  if (!outcome.ok)
    expect(outcome.error.message).toMatch(
      /no sales table: map a table with customer, date and amount columns in step 1/
    );
});

test("tables are listed with headers and row counts: Excel tables first, then header rows, never the scorecard sheet", async () => {
  const load = (): void => undefined;
  const range = (
    rowIndex: number,
    columnIndex: number,
    rowCount: number,
    columnCount: number,
    values: unknown[][] = []
  ) => ({ load, rowIndex, columnIndex, rowCount, columnCount, values, isNullObject: false });
  const ventas = {
    name: "Ventas",
    load,
    showTotals: true,
    worksheet: { name: "Hoja1", load },
    getRange: () => range(2, 1, 102, 3),
    getHeaderRowRange: () => range(2, 1, 1, 3, [["Cliente", "Fecha", "Importe"]]),
  };
  const sheet = (
    name: string,
    top: unknown[][],
    used: ReturnType<typeof range> | { isNullObject: true; load: () => void },
    header: unknown[][]
  ) => ({
    name,
    getRange: () => range(0, 0, 5, 3, top),
    getUsedRangeOrNullObject: () => used,
    getRangeByIndexes: () => range(0, 0, 1, 4, header),
  });
  const sheets = [
    sheet("Hoja1", [[""]], range(0, 0, 200, 6), [["x"]]),
    sheet("Mercado", [["Segmento"]], range(0, 0, 5, 3), [["Segmento", "Universo", "", "Nota"]]),
    sheet("Scorecard", [["SPEC Scorecard"], [""], ["spec-scorecard/v1"]], range(0, 0, 80, 8), [
      ["SPEC Scorecard"],
    ]),
    sheet("Vacía", [[""]], { isNullObject: true, load }, []),
  ];
  const context = {
    workbook: { worksheets: { load, items: sheets }, tables: { load, items: [ventas] } },
    sync: async () => undefined,
  };
  const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
  const tables = await new OfficeWorkbook(run).describeTables();
  expect(
    tables.map((t) => [
      t.name,
      t.sheet,
      t.isExcelTable,
      t.headers,
      t.rowCount,
      t.headerRow,
      t.firstColumn,
    ])
  ).toEqual([
    ["Ventas", "Hoja1", true, ["Cliente", "Fecha", "Importe"], 100, 3, 2], // 102 rows less header and totals
    ["Mercado", "Mercado", false, ["Segmento", "Universo"], 4, 1, 1], // headers stop at the first empty one
  ]);
});
