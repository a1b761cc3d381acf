/** The plan's cached values agree with its own formulas' rules, and its layout holds together. */
import { isoDateToSerial } from "../../src/core/cells";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { buildScorecardPlan, PlanCell } from "../../src/plan/scorecardPlan";
import { LABELS } from "../../src/plan/labels";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

const mapping = guessMapping([SALES, CUSTOMERS, LEADS, MARKET]);
const data = readScorecardData(mapping);
if (!data.ok) throw new Error(data.error.message);
const card = buildScorecard(data.value, { ...DEFAULT_SETTINGS, asOf: isoDateToSerial("2025-03-20"), period: "month" });
if (!card.ok) throw new Error(card.error.message);
const plan = buildScorecardPlan(card.value, mapping, "en");
const at = (row: number, column: number): PlanCell | undefined => plan.cells.find((c) => c.row === row && c.column === column);

test("no two cells in one place", () => {
  const seen = new Set<string>();
  for (const c of plan.cells) {
    const key = `${c.row},${c.column}`;
    expect([key, seen.has(key)]).toEqual([key, false]);
    seen.add(key);
  }
});

test("tiers: each cached tier follows the thresholds the sheet computes (LARGE of the k-th score)", () => {
  const spill = plan.cells.find((c) => c.formula?.startsWith("SPEC.CUSTOMER_VALUE("));
  if (spill === undefined || spill.spill === undefined) throw new Error("no score column");
  const scores = spill.spill.results.map(([s]) => (typeof s === "number" ? s : NaN));
  const thresholdA = at(17, 5)?.result;
  const thresholdAB = at(18, 5)?.result;
  expect(at(17, 5)?.formula).toMatch(/^IFERROR\(LARGE\(/);
  const tiers = scores.map((_, i) => at(spill.row + i, spill.column + 1)?.result);
  scores.forEach((s, i) => {
    const expected = !(s === s) ? "C" : typeof thresholdA === "number" && s >= thresholdA ? "A" : typeof thresholdAB === "number" && s >= thresholdAB ? "B" : "C";
    expect(tiers[i]).toBe(expected);
  });
  expect(tiers.filter((t) => t === "A").length).toBe(card.value.tiers[0].customers);
});

test("every indicator row has its label, and a formula or the reason it has none", () => {
  const labels = plan.cells.filter((c) => c.column === 1 && c.style === "label").map((c) => c.value);
  expect(labels).toContain("Revenue");
  expect(labels).toContain("Activation rate");
  for (const r of card.value.indicators) {
    const row = plan.cells.find((c) => c.column === 1 && c.value !== undefined && c.row > 20 && c.row < 45 && c.value === labelOf(r.info.id))?.row as number;
    const value = at(row, 2);
    expect([r.info.id, value?.formula !== undefined || at(row, 8)?.value !== ""]).toEqual([r.info.id, true]);
  }
});

function labelOf(id: string): string {
  return (LABELS.en.indicators as Record<string, string>)[id];
}

test("every formula is well formed: balanced brackets outside strings, no stray JavaScript values", () => {
  const formulas = plan.cells.filter((c) => c.formula !== undefined).map((c) => c.formula as string);
  expect(formulas.length).toBeGreaterThan(60);
  for (const f of formulas) {
    let round = 0;
    let square = 0;
    let inString = false;
    for (const ch of f) {
      if (ch === '"') inString = !inString;
      if (inString) continue;
      if (ch === "(") round++;
      if (ch === ")") round--;
      if (ch === "[") square++;
      if (ch === "]") square--;
      expect(round >= 0 && square >= 0).toBe(true);
    }
    expect([f, round, square, inString]).toEqual([f, 0, 0, false]);
    expect(f).not.toMatch(/undefined|null|NaN|\[object/);
    expect(f.startsWith("=")).toBe(false);
  }
});
