/**
 * The trend block (each indicator over the 8 past periods, and a line chart per stage) and the
 * model check block ("Can we trust the customer model?"): their cells hold the engine's values,
 * their formulas read the parameters and the indicator table, their charts the block's own cells.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { sampleSourceTables } from "../support/sampleSources";
import { ModelCheck } from "../../src/core/modelCheck";
import { modelCheckTable } from "../../src/core/sheetFunctions";
import { INDICATORS } from "../../src/engine/indicatorCatalog";
import { DEFAULT_SETTINGS, Scorecard, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { SourceTable } from "../../src/engine/sourceTable";
import { TableMapping, guessMapping } from "../../src/engine/tableMapping";
import { periodName } from "../../src/plan/forecastWords";
import { LABELS } from "../../src/plan/labels";
import { modelCheckSentence, wordsFormula, wordsText } from "../../src/plan/blocks/modelCheckBlock";
import { periodNameFormula } from "../../src/plan/blocks/trendBlock";
import {
  PlanCell,
  ScorecardPlan,
  buildScorecardPlan,
  snapshotSummary,
} from "../../src/plan/scorecardPlan";
import { table } from "../support/tables";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

function built(
  tables: SourceTable[],
  settings: Partial<typeof DEFAULT_SETTINGS> = {},
  language: "en" | "es" = "en"
): { card: Scorecard; plan: ScorecardPlan; mapping: TableMapping } {
  const mapping = guessMapping(tables);
  const data = readScorecardData(mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, { ...DEFAULT_SETTINGS, ...settings });
  if (!card.ok) throw new Error(card.error.message);
  return { card: card.value, plan: buildScorecardPlan(card.value, mapping, language), mapping };
}

const SAMPLE: SourceTable[] = sampleSourceTables({ customers: 80 });
const sample = built(SAMPLE);
const cellAt = (plan: ScorecardPlan, row: number, column: number): PlanCell | undefined =>
  plan.cells.find((c) => c.row === row && c.column === column);
const rowLabelled = (plan: ScorecardPlan, label: string, after = 0): number =>
  plan.cells.find((c) => c.column === 1 && c.value === label && c.row > after)?.row as number;
/** A parameter's cell, found by its label below the parameters' title. */
const param = (plan: ScorecardPlan, label: string): string =>
  `$B$${rowLabelled(plan, label, rowLabelled(plan, LABELS.en.parameters.title))}`;
/** A cell's value as the engine fills it: a constant, a formula's result, or its place in a spill. */
function shown(plan: ScorecardPlan, row: number, column: number): unknown {
  for (const c of plan.cells) {
    const rows = c.spill?.rows ?? 1;
    const columns = c.spill?.columns ?? 1;
    if (row < c.row || row >= c.row + rows || column < c.column || column >= c.column + columns)
      continue;
    if (c.spill !== undefined) return c.spill.results[row - c.row][column - c.column];
    return c.formula === undefined ? c.value : c.result;
  }
  return undefined;
}

describe("the trend", () => {
  const { card, plan } = sample;
  const title = rowLabelled(plan, LABELS.en.trend.title);
  const header = title + 2;

  test("a column per period: the 8 past ones named from their first day, then this one to date", () => {
    const names = card.history.periods.map((p) => periodName("quarter", p.current.start, "en"));
    expect(names).toEqual([
      "Q2 2024",
      "Q3 2024",
      "Q4 2024",
      "Q1 2025",
      "Q2 2025",
      "Q3 2025",
      "Q4 2025",
      "Q1 2026",
    ]);
    expect(Array.from({ length: 9 }, (_, j) => shown(plan, header, 2 + j))).toEqual([
      ...names,
      "Q2 2026 to date",
    ]);
    // The periods' days are formulas of the parameters: as of and the period's length move them.
    const P = LABELS.en.parameters;
    const [asOf, months, start] = [P.asOf, P.period, P.periodStart].map((l) => param(plan, l));
    expect(cellAt(plan, header + 1, 2)?.formula).toBe(`EDATE(${start},-8*${months})`);
    expect(cellAt(plan, header + 2, 2)?.formula).toBe(`EDATE($B$${header + 1},${months})-1`);
    expect(cellAt(plan, header + 1, 10)?.formula).toBe(start);
    expect(cellAt(plan, header + 2, 10)?.formula).toBe(asOf);
    expect(
      card.history.periods.map((p, j) => [
        shown(plan, header + 1, 2 + j),
        shown(plan, header + 2, 2 + j),
      ])
    ).toEqual(card.history.periods.map((p) => [p.current.start, p.current.end]));
  });

  test("every indicator's row holds its history, oldest first, and its value now", () => {
    for (const r of card.indicators) {
      const row = rowLabelled(plan, r.info.words.en, header);
      const past = card.history.points[r.info.id].map((p) => (p.value === null ? "" : p.value));
      const cells = past.map((_, j) => shown(plan, row, 2 + j) ?? "");
      expect([r.info.id, cells]).toEqual([r.info.id, past]);
      expect([r.info.id, shown(plan, row, 10)]).toEqual([r.info.id, r.value ?? ""]);
      // The current column reads the indicator table.
      const valueRow = rowLabelled(plan, r.info.words.en);
      expect(cellAt(plan, row, 10)?.formula).toBe(`IF(ISNUMBER(B${valueRow}),B${valueRow},"")`);
    }
  });

  test("live where its definition is: one formula over the 8 spans, blank before the data begin; a call per span", () => {
    const revenue = cellAt(plan, rowLabelled(plan, "Revenue", header), 2);
    expect(revenue?.formula).toMatch(
      new RegExp(`^IF\\(\\$B\\$${header + 2}:\\$I\\$${header + 2}<\\$B\\$${header + 3},"",LET\\(`)
    );
    expect(revenue?.spill?.columns).toBe(8);
    const activation = rowLabelled(plan, "Activation rate", header);
    for (let j = 0; j < 8; j++)
      expect(cellAt(plan, activation, 2 + j)?.formula).toMatch(
        /^IF\(\$[A-Z]\$\d+<\$B\$\d+,"",LET\(§err,SPEC\.ACTIVATION_RATE\(/
      );
    // The first sale, the engine's data begin.
    expect(shown(plan, header + 3, 2)).toBe(card.history.firstDay);
  });

  test("distinct-customer counts over the past periods are computed at the build (the live sheet's budget), marked", () => {
    for (const label of [
      "Customers buying",
      "Revenue per buying customer",
      "New customers",
      "Repeat customers",
      "Repeat rate (buyers of the prior 365 days)",
      "Customers buying a new line (cross-sell)",
    ]) {
      const row = rowLabelled(plan, label, header);
      expect([label, cellAt(plan, row, 2)?.style, cellAt(plan, row, 2)?.formula]).toEqual([
        label,
        "snapshot",
        undefined,
      ]);
      expect(cellAt(plan, row, 11)?.value).toBe("At the build: past periods");
      // The current period stays live: it reads the indicator table.
      expect(cellAt(plan, row, 10)?.formula).toMatch(/^IF\(ISNUMBER\(B\d+\),B\d+,""\)$/);
    }
    expect(plan.snapshots).toContainEqual({ subject: "history", reason: "past_periods" });
    // Column sums and the add-in's functions stay live over the 8 periods.
    for (const label of ["Revenue", "Leads created", "Lead conversion", "Activation rate"]) {
      const row = rowLabelled(plan, label, header);
      expect([label, cellAt(plan, row, 2)?.formula === undefined]).toEqual([label, false]);
      expect(cellAt(plan, row, 11)).toBeUndefined();
    }
  });

  test("per-customer sums are computed at the build, marked, and said", () => {
    for (const label of [
      "Customers buying more (upsell)",
      "Active customers lapsing within 30 days",
    ]) {
      const row = rowLabelled(plan, label, header);
      expect(cellAt(plan, row, 2)?.style).toBe("snapshot");
      expect(cellAt(plan, row, 2)?.formula).toBeUndefined();
      expect(cellAt(plan, row, 11)?.value).toBe("At the build: per-customer sums");
    }
    expect(plan.snapshots).toContainEqual({ subject: "history", reason: "per_customer" });
    expect(snapshotSummary(plan, "en")).toContain("Trend of the past periods");
  });

  test("nothing is asked of Excel that cannot exist: no expected revenue left in a whole past period", () => {
    const row = rowLabelled(plan, "Expected revenue to period end (model)", header);
    for (let j = 0; j < 8; j++) expect(cellAt(plan, row, 2 + j)).toBeUndefined();
  });

  test("a line chart per stage, from the charts' index rows (each value ÷ its row's average × 100)", () => {
    const charts = plan.charts.filter((c) => c.id.startsWith("trend."));
    expect(charts.map((c) => c.id)).toEqual([
      "trend.overview",
      "trend.information",
      "trend.marketing",
      "trend.sales",
      "trend.service",
    ]);
    for (const chart of charts) {
      expect(chart.kind).toBe("line");
      expect(chart.categories).toEqual({
        firstRow: header,
        lastRow: header,
        firstColumn: 2,
        lastColumn: 10,
      });
      for (const s of chart.series) {
        const d = INDICATORS.find((i) => i.words.en === s.name);
        expect(d?.stage).toBe(chart.id.slice("trend.".length));
        expect(cellAt(plan, s.values.firstRow, 1)?.value).toBe(s.name);
        const values = [
          ...card.history.points[d?.id as keyof typeof card.history.points].map((p) => p.value),
          card.indicators.find((r) => r.info === d)?.value ?? null,
        ];
        const numbers = values.filter((v): v is number => v !== null);
        const mean = numbers.reduce((a, v) => a + v, 0) / numbers.length;
        values.forEach((v, j) =>
          expect(shown(plan, s.values.firstRow, 2 + j)).toBe(v === null ? "" : (v / mean) * 100)
        );
      }
    }
    // Expected revenue has no past (nothing is left of a whole period): no series of one point.
    expect(charts.flatMap((c) => c.series.map((s) => s.name))).not.toContain(
      "Expected revenue to period end (model)"
    );
    // Two abreast, below the rows: no chart covers a cell of the sheet.
    const lowest = Math.max(...plan.cells.map((c) => c.row));
    for (const c of charts) expect(c.anchor.row).toBeGreaterThan(title);
    expect(charts[0].anchor.row).toBe(charts[1].anchor.row);
    expect(charts[0].anchor.column + charts[0].anchor.columns).toBe(charts[1].anchor.column);
    expect(
      plan.cells.some(
        (c) =>
          charts.some(
            (ch) =>
              c.row >= ch.anchor.row &&
              c.row < ch.anchor.row + ch.anchor.rows &&
              c.column >= ch.anchor.column &&
              c.column < ch.anchor.column + ch.anchor.columns
          ) && c.row <= lowest
      )
    ).toBe(false);
  });

  test("periods before the data begin: blank, and the charts start at the first period with data", () => {
    const { card: quarterly, plan: q } = built([SALES, CUSTOMERS, LEADS, MARKET], {
      asOf: isoDateToSerial("2025-03-20"),
      period: "quarter",
    });
    const top = rowLabelled(q, LABELS.en.trend.title) + 2;
    const revenue = rowLabelled(q, "Revenue", top);
    expect(Array.from({ length: 9 }, (_, j) => shown(q, revenue, 2 + j))).toEqual([
      "",
      "",
      "",
      "",
      60,
      100,
      0,
      0,
      quarterly.indicators[0].value,
    ]);
    for (const chart of q.charts.filter((c) => c.id.startsWith("trend.")))
      expect(chart.categories.firstColumn).toBe(6);
  });

  test("a period's name as a formula, from its first day and the period's length, in each language", () => {
    expect(periodNameFormula("$B$9", "$B$5", "es")).toContain('"T"');
    expect(periodNameFormula("$B$9", "$B$5", "en")).toBe(
      'IF($B$5=12,YEAR($B$9)&"",IF($B$5=3,"Q"&(INT((MONTH($B$9)-1)/3)+1)&" "&YEAR($B$9),YEAR($B$9)&"-"&RIGHT("0"&MONTH($B$9),2)))'
    );
    const spanish = built(SAMPLE, {}, "es").plan;
    const top = rowLabelled(spanish, LABELS.es.trend.title) + 2;
    expect(shown(spanish, top, 2)).toBe("T2 2024");
    expect(shown(spanish, top, 10)).toBe("T2 2026 a la fecha");
  });
});

describe("can we trust the customer model?", () => {
  const { card, plan } = sample;
  const title = rowLabelled(plan, LABELS.en.modelCheck.title);
  const check = card.modelCheck.check as ModelCheck;

  test("MODEL_CHECK live on the holdout in an input cell (90 days to as of), its table under the sheet's headers", () => {
    const holdout = cellAt(plan, title + 2, 2);
    expect([holdout?.value, holdout?.style]).toEqual([90, "input"]);
    const asOf = param(plan, LABELS.en.parameters.asOf);
    expect(cellAt(plan, title + 3, 2)?.formula).toBe(`${asOf}-$B$${title + 2}`);
    const first = title + 5;
    const spill = cellAt(plan, first, 2);
    expect(spill?.formula).toBe(
      `LET(§m,SPEC.MODEL_CHECK(Sales[Customer],Sales[Date],Sales[Amount],${asOf}-$B$${title + 2},${asOf}),IF(ISNA(INDEX(§m,1,1)),"",INDEX(§m,SEQUENCE(9)+1,SEQUENCE(1,5)+1)))`
    );
    // The function's own table, without its header row and first column.
    const table = modelCheckTable(check).slice(1);
    expect(spill?.spill?.results).toEqual(table.map((r) => r.slice(1)));
    expect(Array.from({ length: 9 }, (_, i) => cellAt(plan, first + i, 1)?.value)).toEqual([
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      "7+",
      "All",
    ]);
  });

  test("the sentence: expected against actual purchases and the miss, live from the table's all row", () => {
    const sentence = cellAt(plan, title + 1, 1);
    const all = `$B$${title + 13}`;
    expect(sentence?.formula).toContain(`IF(${all}="",`);
    expect(sentence?.formula).toContain("FIXED(");
    expect(sentence?.result).toBe(modelCheckSentence(LABELS.en, "en", check));
    expect(sentence?.result).toMatch(
      /^The model expected [\d,]+ purchases in the last 90 days; customers made [\d,]+: it (under|over)-forecast by \d+%\.$/
    );
  });

  test("the sentence's words, English and Spanish, and a miss beyond 25% said", () => {
    const paper = {
      expectedPurchases: 1653.4,
      actualPurchases: 1882,
      horizonDays: 90,
      missedBadly: false,
    } as ModelCheck;
    expect(modelCheckSentence(LABELS.en, "en", paper)).toBe(
      "The model expected 1,653 purchases in the last 90 days; customers made 1,882: it under-forecast by 12%."
    );
    expect(modelCheckSentence(LABELS.es, "es", paper)).toBe(
      "El modelo esperaba 1.653 compras en los últimos 90 días; los clientes hicieron 1.882: se quedó corto en un 12 %."
    );
    const bad = { ...paper, expectedPurchases: 2600, missedBadly: true } as ModelCheck;
    expect(modelCheckSentence(LABELS.en, "en", bad)).toBe(
      "The model expected 2,600 purchases in the last 90 days; customers made 1,882: it over-forecast by 38%. More than 25% off: read the customers to call with care."
    );
    const none = { ...paper, actualPurchases: 0, missedBadly: true } as ModelCheck;
    expect(modelCheckSentence(LABELS.en, "en", none)).toBe(
      "The model expected 1,653 purchases in the last 90 days; customers made none. More than 25% off: read the customers to call with care."
    );
    expect(modelCheckSentence(LABELS.en, "en", null)).toBe(LABELS.en.reasons.model_not_fitted);
  });

  test("words with placeholders become a formula of text constants and the parts given", () => {
    expect(wordsFormula('Made {actual}: "ok" {pct}%', { actual: "FIXED(A1,0)", pct: "B1" })).toBe(
      '"Made "&(FIXED(A1,0))&": ""ok"" "&(B1)&"%"'
    );
    expect(wordsText("Made {actual} of {x}", { actual: "1,882" })).toBe("Made 1,882 of {x}");
  });

  test("the customers to call say to read the ranking with care, live from the check", () => {
    const careRow = rowLabelled(plan, LABELS.en.modelCheck.title) - 2;
    const care = cellAt(plan, careRow, 1);
    expect(care?.formula).toMatch(new RegExp(`^IF\\(\\$B\\$${title + 13}="","",LET\\(`));
    expect(care?.formula).toContain("ABS(§e-§a)>0.25*§a");
    expect(care?.result).toBe(
      card.modelCheck.readWithCare ? LABELS.en.toCall.readWithCare.replace("{days}", "90") : ""
    );
  });

  test("a column chart of actual against expected purchases per customer, x = 0 … 7+", () => {
    const chart = plan.charts.find((c) => c.id === "model_check");
    const first = title + 5;
    expect(chart).toMatchObject({
      kind: "column",
      categories: { firstRow: first, lastRow: first + 7, firstColumn: 1, lastColumn: 1 },
      series: [
        {
          name: "Actual",
          values: { firstRow: first, lastRow: first + 7, firstColumn: 3, lastColumn: 3 },
        },
        {
          name: "Expected (model)",
          values: { firstRow: first, lastRow: first + 7, firstColumn: 4, lastColumn: 4 },
        },
      ],
    });
    expect(chart?.anchor.row).toBeGreaterThan(first + 8);
  });

  test("models that cannot be fitted: the table blank and the reason said", () => {
    const { plan: small } = built([SALES, CUSTOMERS], { asOf: isoDateToSerial("2025-03-20") });
    const top = rowLabelled(small, LABELS.en.modelCheck.title);
    expect(cellAt(small, top + 1, 1)?.result).toBe(LABELS.en.reasons.model_not_fitted);
    expect(
      cellAt(small, top + 5, 2)
        ?.spill?.results.flat()
        .every((v) => v === "")
    ).toBe(true);
  });

  test("past the 4 MB arguments budget: the engine's table, computed at the build and marked", () => {
    const rows = Array.from({ length: 200000 }, (_, i) => [
      `customer-${i % 5000}`,
      45600 + (i % 300),
      100 + (i % 7),
    ]);
    const { card: big, plan: bigPlan } = built([
      table("Sales", ["Customer", "Date", "Amount"], rows),
    ]);
    const top = rowLabelled(bigPlan, LABELS.en.modelCheck.title);
    expect(bigPlan.cells.some((c) => c.formula?.includes("SPEC.MODEL_CHECK("))).toBe(false);
    expect(bigPlan.snapshots).toContainEqual({
      subject: "model_check",
      reason: "arguments_too_large",
    });
    expect(cellAt(bigPlan, top + 4, 1)?.value).toMatch(
      /^Computed at the build: the function's arguments \(\d+\.\d MB\)/
    );
    const first = top + 6;
    const customers = cellAt(bigPlan, first + 8, 2);
    expect([customers?.value, customers?.style]).toEqual([
      big.modelCheck.check?.rows[8].customers ?? "",
      "snapshot",
    ]);
  });
});
