/**
 * The live sheet reads text through helper columns: present only for the columns the engine
 * converted, hidden, right of everything else, and the formulas read them instead of the source.
 * (LibreOffice recalculates them to the engine's values in test/live.)
 */
import { isoDateToSerial } from "../../src/core/cells";
import { checkData } from "../../src/engine/dataCheck";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { ScorecardPlan, buildScorecardPlan } from "../../src/plan/scorecardPlan";
import { HELPER_FIRST_COLUMN } from "../../src/plan/textReadings";
import { scorecardWorksheet } from "../../src/workbook/scorecardSheet";
import { EMPTY_STYLES_XML, StylesEditor } from "../../src/xlsx/stylesPart";
import { worksheetXml } from "../../src/xlsx/worksheetXml";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";
import { TEXT_CUSTOMERS, TEXT_LEADS, TEXT_SALES } from "../fixtures/textWorkbook";
import { MESSY_MARKET } from "../fixtures/messyWorkbook";
import { table } from "../support/tables";

function planOf(tables: Parameters<typeof guessMapping>[0]): ScorecardPlan {
  const checked = checkData({
    mapping: guessMapping(tables),
    options: { language: "en" },
    surface: "cli",
  });
  if (checked.check.problem !== null) throw new Error(checked.check.problem.message);
  const data = readScorecardData(checked.mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, { ...DEFAULT_SETTINGS, period: "month" });
  if (!card.ok) throw new Error(card.error.message);
  return buildScorecardPlan(card.value, checked.mapping, "en");
}

const textPlan = planOf([
  table("Sales", ["Customer", "Date", "Amount", "Margin", "Product Line"], TEXT_SALES),
  table(
    "Customers",
    ["Customer ID", "Segment", "Credit Days", "Days Late", "Service Cost"],
    TEXT_CUSTOMERS
  ),
  table("Leads", ["Created", "Source", "Status", "Customer"], TEXT_LEADS),
  table("Market", ["Segment", "Potential Accounts"], MESSY_MARKET),
]);

test("one helper per converted column the sheet reads, hidden, right of everything else", async () => {
  const helpers = textPlan.cells.filter((c) => c.column >= HELPER_FIRST_COLUMN);
  // Customer (total row), date, amount, margin of the sales; the leads' dates. Ids and potential accounts are as written.
  expect(
    helpers.filter((c) => c.formula !== undefined).map((c) => c.formula?.slice(0, 40))
  ).toEqual([
    expect.stringContaining("LET(§x,Sales[Customer]"),
    expect.stringContaining("LET(§x,Sales[Date]"),
    expect.stringContaining("LET(§x,Sales[Amount]"),
    expect.stringContaining("LET(§x,Sales[Margin]"),
    expect.stringContaining("LET(§x,Leads[Created]"),
  ]);
  expect(helpers.filter((c) => c.formula !== undefined).map((c) => c.spill?.rows)).toEqual([
    TEXT_SALES.length,
    TEXT_SALES.length,
    TEXT_SALES.length,
    TEXT_SALES.length,
    TEXT_LEADS.length,
  ]);
  expect(
    textPlan.cells.filter(
      (c) => c.column >= HELPER_FIRST_COLUMN - 1 && c.column < HELPER_FIRST_COLUMN
    )
  ).toEqual([]);
  expect(textPlan.columnWidths.slice(HELPER_FIRST_COLUMN - 1)).toEqual([0, 0, 0, 0, 0]);
  let xml = "";
  for await (const chunk of worksheetXml(
    scorecardWorksheet(textPlan, new StylesEditor(EMPTY_STYLES_XML), 1)
  ))
    xml += chunk;
  expect(xml).toContain(
    `<col min="${HELPER_FIRST_COLUMN}" max="${HELPER_FIRST_COLUMN}" width="0" customWidth="1" hidden="1"/>`
  );
});

test("formulas read the helpers, not the source columns they convert", () => {
  const formulas = textPlan.cells
    .filter((c) => c.column < HELPER_FIRST_COLUMN && c.formula !== undefined)
    .map((c) => c.formula as string);
  expect(formulas.some((f) => f.includes("$O$2:INDEX($O$2:$O$1048576,ROWS(Sales[Date]))"))).toBe(
    true
  );
  for (const source of ["Sales[Date]", "Sales[Amount]", "Sales[Customer]", "Leads[Created]"])
    expect([
      source,
      formulas.some((f) => f.replace(/ROWS\([^)]*\)/g, "").includes(source)),
    ]).toEqual([source, false]);
});

test("ISO text dates are read through a helper; a workbook of typed cells has none", () => {
  const iso = planOf([SALES, CUSTOMERS, LEADS, MARKET]);
  const helpers = iso.cells.filter(
    (c) => c.column >= HELPER_FIRST_COLUMN && c.formula !== undefined
  );
  expect(helpers.map((c) => (c.formula as string).split(",")[1])).toEqual([
    "Sales[Date]",
    "Leads[Created]",
  ]);
  // The same tables with real date cells: nothing to read, no helper, no extra column.
  const typed = [SALES, CUSTOMERS, LEADS, MARKET].map((t) => ({
    ...t,
    columns: t.columns.map((values) =>
      values.map((v) => (typeof v === "string" && isoDateToSerial(v) > 0 ? isoDateToSerial(v) : v))
    ),
  }));
  const plan = planOf(typed);
  expect(plan.cells.filter((c) => c.column >= HELPER_FIRST_COLUMN - 1)).toEqual([]);
  expect(plan.columnWidths).toHaveLength(12);
});
