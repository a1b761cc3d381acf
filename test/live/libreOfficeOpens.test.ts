/**
 * LibreOffice opens what the command line writes and what it reads back: the copy of a rich
 * workbook (chart, image, notes, pivot table, defined names, macros) shows the cached values of
 * every cell LibreOffice does not recalculate, and a workbook LibreOffice saved gives the figures
 * the original gives. (Moved here from test/xlsx: the unit tier runs no LibreOffice.)
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";
import { runCli } from "../support/commandLine";
import { dependentCells, sheetFormulas } from "../support/formulaDependencies";
import { convertWithLibreOffice, libreOfficeVersion } from "../support/libreOffice";
import { writeRichWorkbook } from "../support/producerWorkbooks";
import { sheetCells } from "../support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "spec-libreoffice-"));
const TABLES = [SALES, CUSTOMERS, LEADS, MARKET];
const ARGS = ["--as-of", "2025-03-20", "--period", "month"];

beforeAll(() => {
  libreOfficeVersion();
});

test.each([
  ["a workbook with a chart, an image, notes, a pivot table and defined names", false],
  ["a macro-enabled workbook (.xlsm)", true],
])(
  "LibreOffice opens the copy of %s and shows the cached values of every cell it does not have to recalculate",
  async (_name, macros) => {
    const ext = macros ? "xlsm" : "xlsx";
    const source = join(dir, `rich.${ext}`);
    const out = join(dir, `rich-scorecard.${ext}`);
    await writeRichWorkbook(source, TABLES, macros);
    expect((await runCli(source, "--out", out, ...ARGS)).status).toBe(0);
    const saved = convertWithLibreOffice(out, "xlsx", "never").path;
    const ours = await sheetCells(out, "Scorecard");
    const theirs = await sheetCells(saved, "Scorecard");
    // LibreOffice recalculates a formula whose functions it lacks (the add-in's, TEXTBEFORE), and what depends on it.
    const recalculated = dependentCells(await sheetFormulas(out, "Scorecard"), (f) =>
      /_xldudf_|TEXTBEFORE/.test(f)
    );
    const differing = [...ours]
      .filter(([a]) => !recalculated.has(a))
      .filter(([a, v]) => {
        const w = theirs.get(a);
        if (typeof v === "number" && typeof w === "number")
          return Math.abs(v - w) > 1e-9 * Math.max(1, Math.abs(v));
        return !(v === w || (v === "" && w === undefined));
      });
    expect(differing).toEqual([]);
    expect(ours.size - recalculated.size).toBeGreaterThan(200);
    expect(theirs.get("A3")).toBe("spec-scorecard/v1");
  }
);

test("a workbook LibreOffice saved gives the figures the original gives", async () => {
  const original = join(dir, "for-libreoffice.xlsx");
  await writeRichWorkbook(original, TABLES, false);
  const expected = await runCli(original, "--json", ...ARGS);
  expect(expected.status).toBe(0);
  expect(JSON.parse(expected.out).indicators.revenue.value).toBe(1150);
  const saved = convertWithLibreOffice(original, "xlsx", "never").path;
  const r = await runCli(saved, "--json", ...ARGS);
  expect(r.status).toBe(0);
  // The data check ("data") says how each producer wrote its cells, so it may differ; nothing else.
  const figures = (out: string): unknown => ({ ...JSON.parse(out), data: undefined });
  expect(figures(r.out)).toEqual(figures(expected.out));
});
