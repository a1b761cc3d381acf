/**
 * Texts stay text in both writers: ids that Excel would read as a number, a date, a boolean or a
 * formula are written so Excel keeps them as typed — the Office.js writer with Excel's quote
 * prefix (as an analyst types '00123), the file writer as string cells.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { constantInput } from "../../src/taskpane/sheetGrid";
import { runCli } from "../support/commandLine";
import { sheetCells, sheetXml, writeTablesWorkbook } from "../support/workbooks";
import { LEADS, SALES } from "../fixtures/scorecardFixture";

const TEXTS = ["00123", "2024-03", "1-5", "1234567890123456789", "TRUE", "=x"];

test.each(TEXTS)("the Office.js writer sends %s with the quote prefix, as text", (text) => {
  expect(constantInput(text, undefined, false)).toBe(`'${text}`);
  expect(constantInput(text, "count", true)).toBe(`'${text}`);
});

test("numbers stay numbers, blanks stay blank, dates move only in a 1904 workbook", () => {
  expect(constantInput(123, "count", false)).toBe(123);
  expect(constantInput("", "money", false)).toBe("");
  expect(constantInput(null, undefined, false)).toBe("");
  expect(constantInput(Number.NaN, "money", false)).toBe("");
  expect(constantInput(45736, "date", true)).toBe(45736 - 1462);
  expect(constantInput(45736, "count", true)).toBe(45736);
});

test("the file writer stores the same ids as string cells, never as numbers, dates or booleans", async () => {
  const dir = mkdtempSync(join(tmpdir(), "spec-texts-"));
  const source = join(dir, "texts.xlsx");
  const out = join(dir, "scorecard.xlsx");
  const ids = SALES.columns[0].map((c, i) => (c === null ? null : TEXTS[i % TEXTS.length]));
  await writeTablesWorkbook(
    source,
    // Without a Customers table every customer with a sale is scored: each id is on the sheet.
    [{ ...SALES, columns: [ids, ...SALES.columns.slice(1)] }, LEADS],
    { Sales: ["Date"], Leads: ["Created"] }
  );
  const run = await runCli(source, "--out", out, "--as-of", "2025-03-20", "--period", "month");
  expect(run.status).toBe(0);
  const cells = await sheetCells(out, "Scorecard");
  const values = [...cells.values()];
  for (const text of TEXTS) expect([text, values.includes(text)]).toEqual([text, true]);
  expect(values).not.toContain(123);
  expect(values).not.toContain(true);
  expect(values).not.toContain(Number("1234567890123456789"));
  const xml = await sheetXml(out, "Scorecard");
  // The formula-looking id is a string cell, not a formula.
  expect(xml).not.toMatch(/<f[^>]*>x<\/f>/);
});
