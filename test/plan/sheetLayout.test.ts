/**
 * The layout holds in both languages: on the sample distributor's Scorecard, every text of every
 * block (the indicators, the forecasts, the call list and the rest) fits where it shows: within its
 * column, or its merged cells; over the empty cells to its right when it may run on; on the lines
 * its wrapped row is tall enough for. Widths are measured with Calibri's (Carlito's) widest
 * advance per character class (plan/textWidth.ts). And the page: landscape, scale at least 60%,
 * one page wide, and no block that fits on a page split between two.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { sampleSourceTables } from "../support/sampleSources";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { Language } from "../../src/plan/labels";
import { HELPER_FIRST_COLUMN } from "../../src/plan/textReadings";
import { PlanCell, ScorecardPlan, eachShownValue } from "../../src/plan/planCells";
import { buildScorecardPlan } from "../../src/plan/scorecardPlan";
import { MIN_SCALE, PAGE, PAGE_HEIGHT_USED, ROW_POINTS, fontOf } from "../../src/plan/sheetLayout";
import { columnPixels, shownText, textPixels, wrappedLines } from "../../src/plan/textWidth";

function samplePlan(language: Language): ScorecardPlan {
  const tables = sampleSourceTables({ customers: 120 });
  const mapping = guessMapping(tables);
  const data = readScorecardData(mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, {
    ...DEFAULT_SETTINGS,
    asOf: isoDateToSerial("2026-05-20"),
    targets: { revenue: 600000 },
  });
  if (!card.ok) throw new Error(card.error.message);
  return buildScorecardPlan(card.value, mapping, language);
}

interface Shown {
  readonly cell: PlanCell;
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly number: boolean;
}

/** Every text the sheet shows, spills' values included, as its number format shows it. */
function shownTexts(plan: ScorecardPlan): Shown[] {
  const out: Shown[] = [];
  eachShownValue(plan.cells, (cell, row, column, v, f) => {
    if (cell.column >= HELPER_FIRST_COLUMN) return;
    if (v === undefined || v === null || v === "") return;
    out.push({ cell, row, column, text: shownText(v, f), number: typeof v === "number" });
  });
  return out;
}

const RUN_ON = new Set(["title", "subtitle", "marker", "section", "note", "snapshot"]);

/** The texts that do not fit where they show, each said as "row,column: text (needs px, has px)". */
function misfits(plan: ScorecardPlan): string[] {
  const texts = shownTexts(plan);
  const occupied = new Set(texts.map((t) => `${t.row},${t.column}`));
  for (const c of plan.cells) if (c.formula !== undefined) occupied.add(`${c.row},${c.column}`);
  const width = (column: number): number => columnPixels(plan.columnWidths[column - 1] ?? 0);
  const lastColumn = plan.columnWidths.slice(0, HELPER_FIRST_COLUMN - 1).length;
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.points]));
  const out: string[] = [];
  for (const t of texts) {
    const font = fontOf(t.cell.style);
    const merge = plan.merges.find(
      (m) => m.row === t.row && m.firstColumn <= t.column && t.column <= m.lastColumn
    );
    let room = 0;
    for (let c = merge?.firstColumn ?? t.column; c <= (merge?.lastColumn ?? t.column); c++)
      room += width(c);
    const needs = textPixels(t.text, font) + 6;
    if (t.cell.wrap === true) {
      const lines = wrappedLines(t.text, room / 7, font);
      const points = lines * Math.max(ROW_POINTS, (font.size ?? 11) * 1.36);
      if (points > (heights.get(t.row) ?? ROW_POINTS) + 0.5)
        out.push(
          `${t.row},${t.column}: ${t.text} (${lines} lines, row of ${heights.get(t.row) ?? ROW_POINTS} pt)`
        );
      continue;
    }
    if (merge === undefined && !t.number && RUN_ON.has(t.cell.style ?? ""))
      for (let c = t.column + 1; c <= lastColumn && !occupied.has(`${t.row},${c}`); c++)
        room += width(c);
    if (needs > room)
      out.push(`${t.row},${t.column}: ${t.text} (needs ${Math.ceil(needs)} px, has ${room})`);
  }
  return out;
}

describe.each([["en"], ["es"]] as [Language][])("the sample Scorecard in %s", (language) => {
  const plan = samplePlan(language);

  test("every text fits its column, its merged cells, the empty cells it runs on over, or its wrapped row", () => {
    expect(shownTexts(plan).length).toBeGreaterThan(500);
    expect(misfits(plan)).toEqual([]);
  });

  test("the first screen (A1:L30 at 100%) shows the headline indicators with their values, statuses and forecasts", () => {
    const rule = plan.statusRule;
    expect(rule.column).toBeLessThanOrEqual(12);
    const at = (row: number, column: number): PlanCell | undefined =>
      plan.cells.find((c) => c.row === row && c.column === column);
    // The overview's indicators (revenue, margin): their rows, in the first 30.
    const headline = [rule.firstRow, rule.firstRow + 1, rule.firstRow + 2].filter(
      (r) => at(r, rule.column)?.formula !== undefined
    );
    expect(headline.length).toBeGreaterThanOrEqual(2);
    for (const row of headline) {
      expect(row).toBeLessThanOrEqual(30);
      const value = at(row, 2); // in B, with the previous period's beside it
      expect(typeof (value?.spill?.results[0][0] ?? value?.result)).toBe("number");
    }
    // Revenue's forecast to the period end: the headline method's, beside its status.
    const forecast = at(headline[0], rule.column + 1);
    expect(forecast?.formula).toBeDefined();
    expect(typeof forecast?.result).toBe("number");
  });

  test("printed landscape one page wide at a scale of at least 60%, no block split between pages when it fits on one", () => {
    const { scale, rowBreaks } = plan.print;
    expect(scale).toBeGreaterThanOrEqual(MIN_SCALE);
    const sheetPixels = plan.columnWidths
      .slice(0, HELPER_FIRST_COLUMN - 1)
      .reduce((sum, w) => sum + columnPixels(w), 0);
    expect((sheetPixels * scale) / 100).toBeLessThanOrEqual(PAGE.width);
    // Pages as the breaks cut them: a block that fits on a page starts and ends on the same one.
    const heights = new Map(plan.rowHeights.map((h) => [h.row, h.points]));
    const page = (PAGE.height * 0.75 * PAGE_HEIGHT_USED * 100) / scale;
    const lastRow = Math.max(...plan.blocks.map((b) => b.lastRow));
    const pageOf = new Map<number, number>();
    let [n, used] = [0, 0];
    for (let r = 1; r <= lastRow; r++) {
      const h = heights.get(r) ?? ROW_POINTS;
      if (rowBreaks.includes(r) || used + h > page) [n, used] = [n + 1, 0];
      used += h;
      pageOf.set(r, n);
    }
    const split = plan.blocks.filter((b, i) => {
      let points = 0;
      for (let r = b.firstRow; r <= b.lastRow; r++) points += heights.get(r) ?? ROW_POINTS;
      return i > 0 && points <= page && pageOf.get(b.firstRow) !== pageOf.get(b.lastRow);
    });
    expect(split).toEqual([]);
  });
});
