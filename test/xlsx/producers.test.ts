/**
 * Workbooks as Excel, LibreOffice, openpyxl/pandas and Google Sheets write them are read, and all
 * give the hand-worked fixture's figures; files that are not workbooks get one line saying what to
 * do, and exit 2.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describeFileTables } from "../../src/workbook/xlsxTables";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";
import {
  writeOpenpyxlWorkbook,
  writeRichWorkbook,
  writeSheetsWorkbook,
} from "../support/producerWorkbooks";
import { openPackage, writePackage, writeTablesWorkbook } from "../support/workbooks";
import { compoundFile } from "../../src/bench/hostileFiles";
import { runCli } from "../support/commandLine";

const dir = mkdtempSync(join(tmpdir(), "spec-producers-"));
const REFERENCE = join(__dirname, "..", "fixtures", "excel-authored");
const TABLES = [SALES, CUSTOMERS, LEADS, MARKET];
const ARGS = ["--json", "--as-of", "2025-03-20", "--period", "month"];

let expected: unknown;

/** The scorecard's figures; the data check ("data") says how each producer wrote its cells, so it differs. */
const figures = (out: string): unknown => ({ ...JSON.parse(out), data: undefined });

beforeAll(async () => {
  const plain = join(dir, "plain.xlsx");
  await writeTablesWorkbook(plain, TABLES);
  const r = await runCli(plain, ...ARGS);
  expect(r.status).toBe(0);
  expected = figures(r.out);
  expect(
    (expected as { indicators: { revenue: { value: number } } }).indicators.revenue.value
  ).toBe(1150);
});

test.each([
  [
    "openpyxl / pandas: absolute targets, tables without a style, a chart",
    (p: string) => writeOpenpyxlWorkbook(p, TABLES),
  ],
  [
    "Google Sheets: no tables, header rows, shared strings",
    (p: string) => writeSheetsWorkbook(p, TABLES),
  ],
  ["the 1904 date system", (p: string) => writeSheetsWorkbook(p, TABLES, true)],
  [
    "Excel: tables, a chart, an image, notes, a pivot table, defined names",
    (p: string) => writeRichWorkbook(p, TABLES, false),
  ],
  ["Excel, macro-enabled (.xlsm)", (p: string) => writeRichWorkbook(p, TABLES, true)],
])("%s: read, with the fixture's figures, and copied with the Scorecard", async (name, write) => {
  const source = join(
    dir,
    `${name.replace(/\W+/g, "-")}.${name.includes("xlsm") ? "xlsm" : "xlsx"}`
  );
  await write(source);
  const r = await runCli(source, ...ARGS);
  expect(
    r.err.filter((e) => !e.includes("note:") && !e.startsWith("spec-scorecard: data:"))
  ).toEqual([]);
  expect(r.status).toBe(0);
  expect(figures(r.out)).toEqual(expected);
  const out = join(
    dir,
    `out-${name.replace(/\W+/g, "-")}.${name.includes("xlsm") ? "xlsm" : "xlsx"}`
  );
  expect((await runCli(source, "--out", out, ...ARGS)).status).toBe(0);
  expect((await openPackage(out)).worksheets.map((w) => w.name)).toContain("Scorecard");
});

test("Excel's own table part (an Excel-authored file): found through its sheet's relationships, headers from the part", async () => {
  const pkg = await openPackage(join(REFERENCE, "table01.xlsx"));
  const tables = await describeFileTables(pkg);
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
  ).toEqual([["Table1", "Sheet1", true, ["Column1", "Column2", "Column3", "Column4"], 10, 3, 3]]);
});

describe("a file that is not a workbook: one line saying what to do, exit 2", () => {
  const cfb = (streams: string[]): Uint8Array => compoundFile(["Root Entry", ...streams]);
  beforeAll(async () => {
    writeFileSync(join(dir, "encrypted.xlsx"), cfb(["EncryptionInfo", "EncryptedPackage"]));
    writeFileSync(join(dir, "old.xls"), cfb(["Workbook", "SummaryInformation"]));
    await writePackage(join(dir, "binary.xlsb"), {
      "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      "xl/workbook.bin": new Uint8Array([1, 2, 3]),
    });
    await writePackage(join(dir, "calc.ods"), {
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<office:document-content/>",
    });
    await writePackage(join(dir, "archive.xlsx"), { "readme.txt": "not a workbook" });
    await writePackage(join(dir, "broken.xlsx"), {
      "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml": "<workbook><sheets><sheet name='x'",
    });
    writeFileSync(join(dir, "truncated.xlsx"), Buffer.from("PK\u0003\u0004 not really a zip"));
    writeFileSync(join(dir, "Sales.csv"), "Customer,Date,Amount\nA,2025-03-01,5\n");
  });
  test.each([
    [
      "encrypted.xlsx",
      /encrypted\.xlsx is protected with a password: open it in Excel, remove the password .* save it and run again$/,
    ],
    [
      "old.xls",
      /old\.xls is an Excel 97-2003 workbook \(\.xls\): open it in Excel and save it as an Excel Workbook \(\.xlsx\)$/,
    ],
    [
      "binary.xlsb",
      /binary\.xlsb is an Excel binary workbook \(\.xlsb\): open it in Excel and save it as an Excel Workbook \(\.xlsx\)$/,
    ],
    [
      "calc.ods",
      /calc\.ods is an OpenDocument spreadsheet \(\.ods\): save it as an Excel Workbook \(\.xlsx\) and run again$/,
    ],
    ["archive.xlsx", /archive\.xlsx is not an Excel workbook: name an \.xlsx or \.xlsm file/],
    [
      "broken.xlsx",
      /broken\.xlsx: xl\/workbook\.xml is not well-formed XML \(.*\); open it in Excel \(let it repair the file if it offers\) and save it again$/,
    ],
    [
      "truncated.xlsx",
      /truncated\.xlsx is damaged .*: open it in Excel, let Excel repair it, and save it again$/,
    ],
    [
      "Sales.csv",
      /Sales\.csv is one CSV file: name the folder that holds it, with one \.csv per table$/,
    ],
  ])("%s", async (file, message) => {
    const out = join(dir, `never-${file}.xlsx`);
    const r = await runCli(join(dir, file), "--out", out);
    expect(r.status).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^spec-scorecard: /);
    expect(r.err[0]).toMatch(message);
  });
});
