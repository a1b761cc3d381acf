/** The plan's cached values agree with its own formulas' rules, and its layout holds together. */
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { buildScorecardPlan, PlanCell, snapshotSummary } from "../../src/plan/scorecardPlan";
import { table } from "../support/tables";
import { indicatorById } from "../../src/engine/indicatorCatalog";
import { distributorPlan } from "../support/distributorPlan";

const { card, plan } = distributorPlan();
const at = (row: number, column: number): PlanCell | undefined =>
  plan.cells.find((c) => c.row === row && c.column === column);

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
  // The thresholds beside the tier shares, in the parameters (below the indicators).
  const rowOf = (label: string): number =>
    plan.cells.find((c) => c.column === 1 && c.value === label)?.row ?? 0;
  const thresholdA = at(rowOf("Tier A"), 5)?.result;
  const thresholdAB = at(rowOf("Tier B"), 5)?.result;
  expect(at(rowOf("Tier A"), 5)?.formula).toMatch(/^IFERROR\(LARGE\(/);
  const tiers = scores.map((_, i) => at(spill.row + i, spill.column + 1)?.result);
  scores.forEach((s, i) => {
    const expected = !(s === s)
      ? "C"
      : typeof thresholdA === "number" && s >= thresholdA
        ? "A"
        : typeof thresholdAB === "number" && s >= thresholdAB
          ? "B"
          : "C";
    expect(tiers[i]).toBe(expected);
  });
  expect(tiers.filter((t) => t === "A").length).toBe(card.tiers[0].customers);
});

test("every indicator row has its label, and a formula or the reason it has none", () => {
  const labels = plan.cells
    .filter((c) => c.column === 1 && c.style === "label")
    .map((c) => c.value);
  expect(labels).toContain("Revenue");
  expect(labels).toContain("Activation rate");
  for (const r of card.indicators) {
    const row = plan.cells.find(
      (c) =>
        c.column === 1 &&
        c.value !== undefined &&
        c.row > 20 &&
        c.row < 45 &&
        c.value === labelOf(r.info.id)
    )?.row as number;
    const value = at(row, 2);
    expect([r.info.id, value?.formula !== undefined || at(row, 8)?.value !== ""]).toEqual([
      r.info.id,
      true,
    ]);
  }
});

function labelOf(id: string): string | undefined {
  return indicatorById(id)?.words.en;
}

test("every formula is well formed: balanced brackets outside strings, no stray JavaScript values", () => {
  const formulas = plan.cells
    .filter((c) => c.formula !== undefined)
    .map((c) => c.formula as string);
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

describe("what no formula can keep live is computed at the build, and says so", () => {
  test("upsell compares each customer's own sums: values with the snapshot look and a note, in both columns", () => {
    for (const label of ["Customers buying more (upsell)", "Upsell revenue"]) {
      const row = plan.cells.find((c) => c.column === 1 && c.value === label)?.row as number;
      const [value, previous, note] = [at(row, 2), at(row, 3), at(row, 8)];
      expect([value?.formula, value?.style, previous?.formula, previous?.style]).toEqual([
        undefined,
        "snapshot",
        undefined,
        "snapshot",
      ]);
      expect(note?.value).toMatch(/^Computed at the build: it compares each customer's own sums/);
    }
    expect(plan.snapshots).toEqual(
      expect.arrayContaining([
        { subject: "sales.upsell_customers", reason: "per_customer" },
        { subject: "customer_value", reason: "per_customer" },
      ])
    );
    // The legend, right below the indicators.
    expect(at(plan.statusRule.lastRow + 1, 1)?.value).toMatch(
      /^Grey italic values were computed when the scorecard was built/
    );
  });

  test("the add-in's calls are live while their arguments fit in what Excel on the web passes (5 MB)", () => {
    const service = plan.cells.filter(
      (c) =>
        c.formula?.includes("SPEC.ACTIVATION_RATE(") || c.formula?.includes("SPEC.CONCENTRATION(")
    );
    // The indicator table's 4 service calls over 2 spans, 3 more, and the trend's 4 over 8 periods.
    expect(service.length).toBe(4 * 2 + 3 + 4 * 8);
    expect(plan.snapshots.some((s) => s.reason === "arguments_too_large")).toBe(false);
  });

  test("past that, the cells hold the engine's values, with the size in the note", () => {
    // 200,000 rows of text ids, dates and amounts: CONCENTRATION's ids and amounts alone are
    // 200,000 × ([["customer-1234"], + [103],) ≈ 4.8 MB, ACTIVATION_RATE's with the dates ≈ 6.2 MB.
    const rows = Array.from({ length: 200000 }, (_, i) => [
      `customer-${i % 5000}`,
      45600 + (i % 300),
      100 + (i % 7),
    ]);
    const big = table("Sales", ["Customer", "Date", "Amount"], rows);
    const bigMapping = guessMapping([big]);
    const bigData = readScorecardData(bigMapping);
    if (!bigData.ok) throw new Error(bigData.error.message);
    const bigCard = buildScorecard(bigData.value, DEFAULT_SETTINGS);
    if (!bigCard.ok) throw new Error(bigCard.error.message);
    const bigPlan = buildScorecardPlan(bigCard.value, bigMapping, "en");
    expect(
      bigPlan.cells.some(
        (c) =>
          c.formula?.includes("SPEC.ACTIVATION_RATE(") || c.formula?.includes("SPEC.CONCENTRATION(")
      )
    ).toBe(false);
    const activationRow = bigPlan.cells.find((c) => c.column === 1 && c.value === "Activation rate")
      ?.row as number;
    const value = bigPlan.cells.find((c) => c.row === activationRow && c.column === 2);
    expect(value?.style).toBe("snapshot");
    expect(value?.value).toBeCloseTo(
      bigCard.value.indicators.find((i) => i.info.id === "svc.activation_rate")?.value as number,
      12
    );
    expect(bigPlan.cells.find((c) => c.row === activationRow && c.column === 8)?.value).toMatch(
      /arguments \(\d\.\d MB\) are more than Excel on the web passes to a custom function \(5 MB\)/
    );
    expect(bigPlan.snapshots.map((s) => s.subject)).toEqual(
      expect.arrayContaining([
        "svc.activation_rate",
        "svc.top20_share",
        "svc.hhi",
        "svc.pareto_customers",
        "tier_activation",
      ])
    );
    expect(snapshotSummary(bigPlan, "en")).toMatch(
      /^Computed at this build, not live on the sheet \(build again to refresh\): .*Upsell revenue.*Activation rate/
    );
    expect(snapshotSummary(bigPlan, "es")).toMatch(
      /^Calculado al crear el cuadro, no en vivo en la hoja/
    );
  });
});

describe("no formula costs rows × customers (SPEC.md §3)", () => {
  const formulas = plan.cells
    .filter((c) => c.formula !== undefined)
    .map((c) => c.formula as string);
  const tableColumn = /[A-Za-z_]+\[\[?[^\]]+\]?\]/;

  test("no SUMIFS or COUNTIFS over the analyst's table columns (a sum per customer)", () => {
    for (const f of formulas) {
      for (const m of f.matchAll(/(SUMIFS|COUNTIFS|COUNTIF|SUMIF)\(([^,]*)/g))
        expect([f, m[1], tableColumn.test(m[2])]).toEqual([f, m[1], false]);
    }
  });

  test("every lookup into a list is a binary search in a sorted one, or into a short constant list", () => {
    for (const f of formulas) {
      for (const m of f.matchAll(/(XLOOKUP|XMATCH|MATCH|VLOOKUP|HLOOKUP|LOOKUP)\(/g)) {
        const rest = f.slice(m.index + m[0].length);
        // The second argument, after the first comma outside parentheses and strings.
        let depth = 0;
        let quoted = false;
        let comma = -1;
        for (let i = 0; i < rest.length && comma < 0; i++) {
          if (rest[i] === '"') quoted = !quoted;
          else if (!quoted && rest[i] === "(") depth++;
          else if (!quoted && rest[i] === ")") depth--;
          else if (!quoted && depth === 0 && rest[i] === ",") comma = i;
        }
        const constantList = /^\{"[^}]*\},0\)/.test(rest.slice(comma + 1));
        const binary =
          (m[1] === "XLOOKUP" && /,"",0,2\)/.test(rest)) ||
          (m[1] === "XMATCH" && /^[^,()]*,0,2\)/.test(rest.slice(comma + 1)));
        expect([f.slice(m.index, m.index + 60), constantList || binary]).toEqual([
          f.slice(m.index, m.index + 60),
          true,
        ]);
      }
    }
  });

  test("distinct customers are counted with one UNIQUE per set, never looked up one by one", () => {
    const distinctCounts = formulas.filter((f) => f.includes("ROWS(UNIQUE("));
    expect(distinctCounts.length).toBeGreaterThanOrEqual(5);
    for (const f of formulas) expect(f).not.toMatch(/COUNTIF\([^)]*UNIQUE/);
  });
});
