/**
 * A SPEC call is shown blank only in its expected empty case (blankOnlyOn), never when the
 * function is missing: LibreOffice, which has no add-in, recalculates the wrappers the plan writes
 * over stand-in errors, and a Scorecard the command line wrote, whose SPEC cells must all show an
 * error, not a blank that reads as "nothing to show".
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { EmptyCaseError, blankOnlyOn } from "../../src/engine/expectedEmpty";
import { fileFormula } from "../../src/workbook/fileFormula";
import { sameValue } from "../support/addinProbe";
import { runCli } from "../support/commandLine";
import { sheetFormulas } from "../support/formulaDependencies";
import { convertWithLibreOffice, libreOfficeVersion } from "../support/libreOffice";
import { PlainCell, writePlainSheets } from "../support/plainSheets";
import { CellValue, sheetCells } from "../support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "spec-empty-"));

beforeAll(() => {
  libreOfficeVersion();
});

const shown = (v: CellValue | undefined): string =>
  v === undefined || v === "" ? "blank" : typeof v === "object" ? v.code : String(v);

// [what the call gives, blanked on #DIV/0! and #CALC!, blanked on #N/A]
const CASES: [string, string, string][] = [
  ["1/0", "blank", "#DIV/0!"],
  ["NA()", "#N/A", "blank"],
  ["SPEC.NOT_LOADED(1)", "#NAME?", "#NAME?"],
  ["5", "5", "5"],
  ['"x"', "x", "x"],
];

test("the wrappers LibreOffice recalculates: blank on the expected error, every other error shown", async () => {
  const wrapped = (kinds: EmptyCaseError[], x: string): PlainCell => ({
    formula: fileFormula(blankOnlyOn(kinds, x)),
  });
  const path = join(dir, "wrappers.xlsx");
  await writePlainSheets(path, [
    {
      name: "Wrappers",
      rows: CASES.map(([x]) => [wrapped(["#DIV/0!", "#CALC!"], x), wrapped(["#N/A"], x)]),
    },
  ]);
  const cells = await sheetCells(convertWithLibreOffice(path, "xlsx", "always").path, "Wrappers");
  expect(
    CASES.map(([x], i) => [x, shown(cells.get(`A${i + 1}`)), shown(cells.get(`B${i + 1}`))])
  ).toEqual(CASES);
}, 120_000);

test("a Scorecard opened without the add-in: every SPEC cell shows an error, none a blank", async () => {
  const source = join(dir, "sample.xlsx");
  const out = join(dir, "scorecard.xlsx");
  await writeSampleWorkbook(source, { customers: 60 });
  expect((await runCli(source, "--out", out)).status).toBe(0);
  const formulas = await sheetFormulas(out, "Scorecard");
  const cells = await sheetCells(convertWithLibreOffice(out, "xlsx", "always").path, "Scorecard");
  const calls = [...formulas].filter(([, f]) => f.formula.includes("_xldudf_SPEC_"));
  expect(calls.length).toBeGreaterThanOrEqual(10);
  const blanks = calls
    .filter(([a]) => shown(cells.get(a)) === "blank")
    .map(([a, f]) => `${a}: ${f.formula}`);
  expect(blanks).toEqual([]);
  // A tier's call also reads the missing scores, so its base is an error before the call is: #N/A there.
  const errors = calls.map(([a, f]) => [
    a,
    f.formula.includes("FILTER") ? "any" : shown(cells.get(a)),
  ]);
  expect(errors).toEqual(
    calls.map(([a, f]) => [a, f.formula.includes("FILTER") ? "any" : "#NAME?"])
  );
  for (const [a] of calls) expect([a, typeof cells.get(a)]).toEqual([a, "object"]);
}, 300_000);

test("the same Scorecard written with --values: LibreOffice shows every figure, no error anywhere", async () => {
  const source = join(dir, "sample-values.xlsx");
  const out = join(dir, "scorecard-values.xlsx");
  await writeSampleWorkbook(source, { customers: 60 });
  expect((await runCli(source, "--values", "--out", out)).status).toBe(0);
  const written = await sheetCells(out, "Scorecard");
  const recalculated = await sheetCells(
    convertWithLibreOffice(out, "xlsx", "always").path,
    "Scorecard"
  );
  expect([...recalculated].filter(([, v]) => typeof v === "object")).toEqual([]);
  // The same figures (LibreOffice saves 15 significant digits): numbers to 1e-9 relative.
  const differing = [...written].filter(([a, v]) => !sameValue(v, recalculated.get(a)));
  expect(differing).toEqual([]);
  expect(written.size).toBeGreaterThan(300);
}, 300_000);
