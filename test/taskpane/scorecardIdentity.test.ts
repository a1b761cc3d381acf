/**
 * Which sheet the task pane replaces: the one the hidden name SPEC_Scorecard points at, never a
 * copy that carries the marker, never a sheet whose name went away with it.
 */
import { MARKER_TEXT } from "../../src/plan/scorecardPlan";
import { OfficeWorkbook } from "../../src/taskpane/officeWorkbook";
import { SCORECARD_NAME, findNamedScorecard } from "../../src/taskpane/scorecardIdentity";
import { FakeExcel } from "../support/fakeExcel";
import { distributorPlan } from "../support/distributorPlan";

const { plan } = distributorPlan();

const everything = (): boolean => true;

test("no name: no scorecard, whatever sheets carry the marker", async () => {
  const excel = new FakeExcel(["Sales", "Scorecard"]);
  excel.sheets.get("Scorecard")?.inputs.set("2,0", MARKER_TEXT);
  expect(await findNamedScorecard(excel.run)).toBeNull();
});

test("the named sheet is found, renamed or not; a name whose sheet was deleted finds nothing", async () => {
  const excel = new FakeExcel(["Sales", "KPIs 2025"]);
  excel.names.set(SCORECARD_NAME, { sheet: "KPIs 2025", visible: false });
  expect(await findNamedScorecard(excel.run)).toBe("KPIs 2025");
  excel.names.set(SCORECARD_NAME, { sheet: null, visible: false });
  expect(await findNamedScorecard(excel.run)).toBeNull();
});

test("a copy of the scorecard (marker, no name) is the analyst's: building again replaces only the named sheet", async () => {
  const excel = new FakeExcel(["Sales"]);
  const book = new OfficeWorkbook(excel.run, everything);
  expect(await book.writeScorecard(plan, () => undefined)).toBe("Scorecard");
  expect(excel.names.get(SCORECARD_NAME)).toMatchObject({ sheet: "Scorecard", visible: false });
  // The analyst copies the sheet (Excel's copy keeps the marker, not the workbook-level name) and edits the copy.
  const copy = excel.addSheet("Scorecard (3)");
  excel.sheets.get("Scorecard")?.inputs.forEach((v, k) => copy.inputs.set(k, v));
  copy.inputs.set("0,0", "my notes");
  expect(await book.findScorecard()).toBe("Scorecard");
  expect(await book.writeScorecard(plan, () => undefined)).toBe("Scorecard");
  expect(copy.cleared).toBe(0);
  expect(copy.inputs.get("0,0")).toBe("my notes");
  expect(excel.sheets.get("Scorecard")?.cleared).toBe(1);
  expect([...excel.sheets.keys()]).toEqual(["Sales", "Scorecard", "Scorecard (3)"]);
});

test("a scorecard whose name was lost (sheet deleted) is built on a new sheet, the old marker sheets untouched", async () => {
  const excel = new FakeExcel(["Sales", "Scorecard"]);
  const old = excel.sheets.get("Scorecard");
  old?.inputs.set("2,0", MARKER_TEXT);
  excel.names.set(SCORECARD_NAME, { sheet: null, visible: false });
  const book = new OfficeWorkbook(excel.run, everything);
  expect(await book.writeScorecard(plan, () => undefined)).toBe("Scorecard (2)");
  expect(old?.cleared).toBe(0);
  expect(excel.names.get(SCORECARD_NAME)?.sheet).toBe("Scorecard (2)");
});
