/**
 * Every formula the plan writes is within Excel's limits (8,192 characters, 64 levels of nesting,
 * 255-character texts), as typed and as stored in a file; a block whose live formula would pass
 * them (its lead sources or segments are constants in it) is computed at the build and marked.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { typedFormula } from "../../src/engine/formulaText";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { formulaLimitsExceeded } from "../../src/plan/formulaLimits";
import { LABELS } from "../../src/plan/labels";
import { ScorecardPlan, buildScorecardPlan, snapshotSummary } from "../../src/plan/scorecardPlan";
import { fileFormula } from "../../src/workbook/fileFormula";
import { table } from "../support/tables";
import { SourceTable } from "../../src/engine/sourceTable";
import { textKey } from "../../src/core/textKey";
import { dataRefs } from "../../src/plan/scorecardPlan";
import { leadSourceFormula, segmentFormula } from "../../src/plan/sheetFormulas";
import { distributorPlan } from "../support/distributorPlan";

const sourceName = (i: number): string =>
  `Campaign ${i + 1}: LinkedIn retargeting, Spain and Portugal`;
const segmentName = (i: number): string => `Segment number ${i + 1} of the market`;

/** A distributor's tables with `segments` segments (a customer each) and `sources` lead sources. */
function tablesWith(segments: number, sources: number): SourceTable[] {
  const ids = Array.from({ length: segments }, (_, i) => `C${String(i + 1).padStart(4, "0")}`);
  const sales = table(
    "Sales",
    ["Customer", "Date", "Amount"],
    ids.flatMap((id, i) => [
      [id, "2025-02-05", 100 + i],
      [id, "2025-03-05", 10 * (i + 1)],
    ])
  );
  const customers = table(
    "Customers",
    ["Customer ID", "Segment"],
    ids.map((id, i) => [id, segmentName(i)])
  );
  const leads = table(
    "Leads",
    ["Created", "Source", "Status"],
    Array.from({ length: sources * 2 }, (_, i) => [
      "2025-03-10",
      sourceName(i % sources),
      i < sources ? "Won" : "Open",
    ])
  );
  return [sales, customers, leads];
}

/** The plan of tablesWith's distributor, as of 2025-03-20, by month. */
function planWith(segments: number, sources: number, language: "en" | "es" = "en"): ScorecardPlan {
  const mapping = guessMapping(tablesWith(segments, sources));
  const data = readScorecardData(mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, {
    ...DEFAULT_SETTINGS,
    asOf: isoDateToSerial("2025-03-20"),
    period: "month",
  });
  if (!card.ok) throw new Error(card.error.message);
  expect([card.value.bySegment?.length, card.value.byLeadSource?.length]).toEqual([
    segments,
    sources,
  ]);
  return buildScorecardPlan(card.value, mapping, language);
}

/** Each formula's limits passed, as Excel takes it typed and as a file stores it. */
const overLimits = (plan: ScorecardPlan): string[] =>
  plan.cells.flatMap((c) =>
    c.formula === undefined
      ? []
      : [typedFormula(c.formula), fileFormula(c.formula)].flatMap((f) =>
          formulaLimitsExceeded(f).map((o) => `${c.row},${c.column}: ${o}`)
        )
  );

const at = (plan: ScorecardPlan, title: string): number => {
  const cell = plan.cells.find((c) => c.value === title && c.style === "section");
  if (cell === undefined) throw new Error(`no ${title}`);
  return cell.row;
};

test("150 lead sources and 300 segments: the plan builds, every formula within Excel's limits, both blocks computed at the build and marked", () => {
  const plan = planWith(300, 150);
  expect(overLimits(plan)).toEqual([]);
  // What the live formulas would have been: past 8,192 characters each.
  const refs = dataRefs(guessMapping(tablesWith(300, 150)));
  if (refs === null) throw new Error("no refs");
  const now = { start: "$B$5", end: "$B$6", periodEnd: "$B$7" };
  const sources = Array.from({ length: 150 }, (_, i) => textKey(sourceName(i)));
  const segmentKeys = Array.from({ length: 300 }, (_, i) => textKey(segmentName(i)));
  expect(typedFormula(leadSourceFormula(refs, now, sources) ?? "").length).toBeGreaterThan(8192);
  expect(typedFormula(segmentFormula(refs, now, segmentKeys) ?? "").length).toBeGreaterThan(8192);
  expect(plan.snapshots).toEqual(
    expect.arrayContaining([
      { subject: "by_lead_source", reason: "formula_too_long" },
      { subject: "by_segment", reason: "formula_too_long" },
    ])
  );
  const L = LABELS.en;
  for (const [title, count, first] of [
    [L.breakdowns.byLeadSource, 150, [2, 1]], // lead source 1: 2 leads, 1 won
    [L.breakdowns.bySegment, 300, [10, 1]], // segment 1: C0001's March sale of 10
  ] as const) {
    const row = at(plan, title);
    const cellsOf = plan.cells.filter((c) => c.row > row + 1 && c.row <= row + 1 + count);
    // The note says why, beside the title; the table's figures are values in the snapshot look.
    expect(plan.cells.find((c) => c.row === row && c.column === 2)).toMatchObject({
      value: L.snapshot.formulaTooLong,
      style: "note",
    });
    expect(cellsOf.filter((c) => c.column <= 3 && c.formula !== undefined)).toEqual([]);
    expect(cellsOf.filter((c) => c.column === 2 || c.column === 3)).toHaveLength(2 * count);
    expect(
      cellsOf.filter((c) => c.column >= 2 && c.column <= 3).every((c) => c.style === "snapshot")
    ).toBe(true);
    const b = cellsOf.find((c) => c.row === row + 2 && c.column === 2)?.value;
    const c3 = cellsOf.find((c) => c.row === row + 2 && c.column === 3)?.value;
    expect([b, c3]).toEqual(first);
  }
  expect(snapshotSummary(plan, "en")).toContain(
    "Revenue and customers by segment; Leads by source"
  );
  expect(snapshotSummary(planWith(300, 150, "es"), "es")).toContain(
    "Ventas y clientes por segmento; Prospectos por fuente"
  );
});

test("a few lead sources and segments stay live: one spilling formula each, nothing marked", () => {
  const plan = planWith(20, 10);
  expect(overLimits(plan)).toEqual([]);
  expect(plan.snapshots.filter((s) => s.reason === "formula_too_long")).toEqual([]);
  for (const title of [LABELS.en.breakdowns.byLeadSource, LABELS.en.breakdowns.bySegment]) {
    const row = at(plan, title);
    expect(
      plan.cells.find((c) => c.row === row + 2 && c.column === 2)?.spill?.rows
    ).toBeGreaterThan(9);
  }
});

test("the hand-worked distributor's sheet is within the limits too", () => {
  const { plan } = distributorPlan("es");
  expect(plan.cells.filter((c) => c.formula !== undefined).length).toBeGreaterThan(50);
  expect(overLimits(plan)).toEqual([]);
});
