/** Reading the built sheet back: each error cell found, grouped by what to do, after Excel has calculated. */
import { PlanCell } from "../../src/plan/scorecardPlan";
import { cellAddress } from "../../src/plan/references";
import { CheckTiming, checkWrittenSheet, englishError } from "../../src/taskpane/readBack";
import { OfficeWorkbook } from "../../src/taskpane/officeWorkbook";
import { FakeExcel } from "../support/fakeExcel";
import { distributorPlan } from "../support/distributorPlan";

const { plan } = distributorPlan();

const everything = (): boolean => true;
const waits: number[] = [];
const timing: CheckTiming = {
  timeoutMs: 2000,
  pollMs: 500,
  sleep: async (ms) => {
    waits.push(ms);
  },
};

const find = (what: (c: PlanCell) => boolean, label: string): PlanCell => {
  const cell = plan.cells.find(what);
  if (cell === undefined) throw new Error(`no ${label} cell`);
  return cell;
};
const activation = find(
  (c) =>
    c.formula?.startsWith("LET(§err,SPEC.ACTIVATION_RATE") === true && typeof c.result === "number",
  "activation"
);
const concentration = find(
  (c) => c.formula?.includes("SPEC.CONCENTRATION") === true && typeof c.result === "number",
  "concentration"
);
const revenue = find(
  (c) => c.formula?.includes('SUM((§k<>"")*(§k<>"0")*(Sales[Date]>=') === true,
  "revenue"
);
const spill = find((c) => (c.spill?.rows ?? 0) > 1, "spill");
const change = find(
  (c) => c.column === 4 && c.formula?.startsWith("IF(AND(ISNUMBER(") === true,
  "change"
);

/** A sheet showing the engine's value in every formula cell, but for the errors given (0-based "row,column"). */
function sheetShowing(
  excel: FakeExcel,
  shown: Map<string, { value: unknown; type: string }>
): void {
  const sheet = excel.addSheet("Scorecard");
  const values = new Map<string, unknown>();
  for (const c of plan.cells) {
    if (c.formula === undefined) continue;
    for (let i = 0; i < (c.spill?.rows ?? 1); i++)
      for (let j = 0; j < (c.spill?.columns ?? 1); j++)
        values.set(
          `${c.row - 1 + i},${c.column - 1 + j}`,
          c.spill ? c.spill.results[i][j] : c.result
        );
  }
  sheet.shown = (r, c) =>
    shown.get(`${r},${c}`) ?? { value: values.get(`${r},${c}`) ?? "", type: "Double" };
}

const at = (c: PlanCell): string => `${c.row - 1},${c.column - 1}`;

test("a sheet showing what the engine computed has nothing to look at", async () => {
  const excel = new FakeExcel(["Sales"]);
  sheetShowing(excel, new Map());
  const check = await checkWrittenSheet(excel.run, "Scorecard", plan, everything, timing);
  expect(check.problems).toEqual([]);
  expect(check.checked).toBeGreaterThan(50);
});

test("each error cell listed with what to do: functions not loaded, no dynamic arrays, a blocked spill, an unreadable value, a blank hiding #NAME?", async () => {
  const excel = new FakeExcel(["Sales"]);
  sheetShowing(
    excel,
    new Map([
      [at(activation), { value: "#NAME?", type: "Error" }],
      [at(revenue), { value: "#NAME?", type: "Error" }],
      [at(spill), { value: "#SPILL!", type: "Error" }],
      [at(change), { value: "#¡VALOR!", type: "Error" }], // a Spanish Excel
      [at(concentration), { value: "", type: "Empty" }], // a blank where the engine computed a value
    ])
  );
  const check = await checkWrittenSheet(excel.run, "Scorecard", plan, everything, timing);
  const address = (c: PlanCell): string => cellAddress(c.row, c.column);
  expect(
    [...check.problems]
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map((p) => [p.kind, p.error, p.cells])
  ).toEqual(
    [
      ["functions_not_loaded", "#NAME?", [address(activation)]],
      ["no_dynamic_arrays", "#NAME?", [address(revenue)]],
      ["spill_blocked", "#SPILL!", [address(spill)]],
      ["unreadable_value", "#VALUE!", [address(change)]],
      ["functions_not_loaded", null, [address(concentration)]],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
  );
});

test("errors in Spanish and English name the same thing", () => {
  expect(["#¿NOMBRE?", "#DESBORDAMIENTO!", "#¡CALC!", "#N/A", "#name?"].map(englishError)).toEqual([
    "#NAME?",
    "#SPILL!",
    "#CALC!",
    "#N/A",
    "#NAME?",
  ]);
});

test("the check waits for Excel to finish calculating before reading", async () => {
  waits.length = 0;
  const excel = new FakeExcel(["Sales"]);
  excel.calculationStates = ["Calculating", "Pending", "Done"];
  sheetShowing(excel, new Map([[at(revenue), { value: "#BUSY!", type: "Error" }]]));
  const check = await checkWrittenSheet(excel.run, "Scorecard", plan, everything, timing);
  expect(waits).toEqual([500, 500]);
  expect(check.problems.map((p) => p.kind)).toEqual(["still_calculating"]);
});

test("Excel still calculating when the check stops waiting, and a workbook calculating manually, are said", async () => {
  waits.length = 0;
  const busy = new FakeExcel(["Sales"]);
  busy.calculationStates = ["Calculating"];
  sheetShowing(busy, new Map());
  const late = await checkWrittenSheet(busy.run, "Scorecard", plan, everything, timing);
  expect(waits.length).toBe(4); // 2,000 ms in 500 ms polls
  expect(late.problems).toEqual([{ kind: "still_calculating", error: null, cells: [] }]);
  const manual = new FakeExcel(["Sales"]);
  manual.calculationMode = "Manual";
  sheetShowing(manual, new Map());
  const check = await checkWrittenSheet(manual.run, "Scorecard", plan, everything, timing);
  expect(check.problems).toEqual([{ kind: "manual_calculation", error: null, cells: [] }]);
});

test("a read-back Excel refuses is said as the check's finding, the build itself stands", async () => {
  const excel = new FakeExcel(["Sales"]); // no Scorecard sheet to read
  const book = new OfficeWorkbook(excel.run, everything, timing);
  const check = await book.checkScorecard("Scorecard", plan);
  expect(check).toEqual({
    checked: 0,
    problems: [{ kind: "other_error", error: "ItemNotFound: no sheet Scorecard", cells: [] }],
  });
});
