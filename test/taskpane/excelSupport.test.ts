/**
 * What this Excel supports, checked at start (requirement sets, as declared in the manifest) and
 * before a live build (dynamic arrays, which no requirement set announces); the 1904 date system.
 */
import { join } from "path";
import { isoDateToSerial } from "../../src/core/cells";
import { DEFAULT_SETTINGS } from "../../src/engine/scorecard";
import { SourceTable } from "../../src/engine/sourceTable";
import {
  PROBE_NAME,
  REQUIRED_SETS,
  checkRequirements,
  probeDynamicArrays,
} from "../../src/taskpane/excelSupport";
import { OfficeWorkbook } from "../../src/taskpane/officeWorkbook";
import { computeScorecard } from "../../src/workbook/buildPipeline";
import { WorkbookPort } from "../../src/workbook/workbookPort";
import { FakeExcel } from "../support/fakeExcel";
import { ROOT, allElements, readManifest } from "../support/builtAddin";
import { CUSTOMERS, LEADS, SALES } from "../fixtures/scorecardFixture";

/** A version as [major, minor]: 1.17 is after 1.9. */
const parts = (v: string): number[] => v.split(".").map(Number);
const atLeast = (have: string, want: string): boolean => {
  const [a, b] = [parts(have), parts(want)];
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
};

/** An Excel that has each set up to the version given. */
const upTo =
  (sets: Record<string, string>) =>
  (set: string, version: string): boolean =>
    sets[set] !== undefined && atLeast(sets[set], version);

test.each([
  [
    "Microsoft 365, Excel 2021 and later, Excel on the web",
    { ExcelApi: "1.17", CustomFunctionsRuntime: "1.4" },
    true,
    true,
    [],
  ],
  [
    "Excel 2019 (volume licence)",
    { ExcelApi: "1.8" },
    false,
    false,
    ["ExcelApi 1.9", "CustomFunctionsRuntime 1.3"],
  ],
  [
    "Excel 2016 (volume licence)",
    { ExcelApi: "1.1" },
    false,
    false,
    ["ExcelApi 1.9", "CustomFunctionsRuntime 1.3"],
  ],
  [
    "Microsoft 365 of 2019 (functions 1.2)",
    { ExcelApi: "1.9", CustomFunctionsRuntime: "1.2" },
    true,
    false,
    ["CustomFunctionsRuntime 1.3"],
  ],
])("%s", (_name, sets, canWrite, functions, missing) => {
  expect(checkRequirements(upTo(sets))).toEqual({ canWrite, functions, missing });
});

test("the manifest declares the sets the code checks for", () => {
  const declared = allElements(readManifest(join(ROOT, "manifest.xml")))
    .filter((e) => e.localName === "Set")
    .map((e) => [e.getAttribute("Name"), e.getAttribute("MinVersion")]);
  expect(declared.sort()).toEqual(Object.entries(REQUIRED_SETS).sort());
});

test("dynamic arrays are probed through a defined name, no cell touched, the name removed", async () => {
  const modern = new FakeExcel(["Sales"]);
  expect(await probeDynamicArrays(modern.run)).toBe(true);
  expect(modern.names.has(PROBE_NAME)).toBe(false);
  expect(modern.sheets.get("Sales")?.inputs.size).toBe(0);
  const old = new FakeExcel(["Sales"]);
  old.dynamicArrays = false; // Excel 2016/2019 with current updates: the sets, not the functions
  expect(await probeDynamicArrays(old.run)).toBe(false);
  expect(old.names.has(PROBE_NAME)).toBe(false);
  const failing = async (): Promise<never> => {
    throw new Error("GeneralException");
  };
  expect(await probeDynamicArrays(failing)).toBeNull();
});

test("the date system is read from DATE(1904,1,1): 0 in a 1904 workbook, 1462 in a 1900 one", async () => {
  const mac = new FakeExcel(["Sales"]);
  mac.date1904 = true;
  expect(await new OfficeWorkbook(mac.run, () => true).dateSystem()).toBe(1904);
  expect(await new OfficeWorkbook(new FakeExcel(["Sales"]).run, () => true).dateSystem()).toBe(
    1900
  );
});

/** The fixture with its date columns as day numbers of the date system given. */
function asDayNumbers(t: SourceTable, column: number, offset: number): SourceTable {
  const dates = t.columns[column].map((d) =>
    typeof d === "string" ? isoDateToSerial(d) - offset : d
  );
  return { ...t, columns: t.columns.map((c, j) => (j === column ? dates : c)) };
}

test("a 1904 workbook's dates are moved to the engine's 1900 system as they are read: the same scorecard", async () => {
  const port = (offset: number, system: 1900 | 1904): WorkbookPort => {
    const tables = [asDayNumbers(SALES, 1, offset), CUSTOMERS, asDayNumbers(LEADS, 0, offset)];
    return {
      describeTables: async () => tables,
      readTable: async (t) => tables.find((x) => x.name === t.name) as SourceTable,
      findScorecard: async () => null,
      writeScorecard: async () => "Scorecard",
      showScorecard: async () => undefined,
      displayLanguage: () => "en-US",
      dateSystem: async () => system,
    };
  };
  const request = (p: WorkbookPort, tables: SourceTable[]) =>
    computeScorecard(
      p,
      {
        tables,
        override: {},
        settings: { ...DEFAULT_SETTINGS, asOf: isoDateToSerial("2025-03-20"), period: "month" },
        language: "en",
      },
      () => undefined
    );
  const p1900 = port(0, 1900);
  const p1904 = port(1462, 1904);
  const a = await request(p1900, await p1900.describeTables());
  const b = await request(p1904, await p1904.describeTables());
  if (!a.ok || !b.ok) throw new Error("no scorecard");
  const values = (r: typeof a): unknown =>
    r.ok ? r.value.card.indicators.map((i) => [i.info.id, i.value, i.previous]) : null;
  expect(values(b)).toEqual(values(a));
  expect(values(a)).toContainEqual(["revenue", 1150, 780]);
});
