/**
 * ACTIVATION_RATE and CONCENTRATION on random tables against a slow, literal reading of
 * SPEC.md §2.2 and §2.3 (maps and sets, no typed arrays), so the fast paths are checked
 * across many shapes: repeated days, returns, both counting paths, a base list.
 */
import { activationRateOfCells, concentrationOfCells } from "../../src/core/sheetFunctions";

function randomGenerator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const key = (id: unknown): string =>
  typeof id === "number" ? String(id) : String(id).trim().toLowerCase();

function literalActivation(
  ids: unknown[],
  days: number[],
  amounts: number[] | null,
  asOf: number | null,
  windowDays: number,
  minPurchases: number,
  minAmount: number,
  base: unknown[] | null
): number | null {
  const D = asOf ?? Math.max(...days);
  const inWindow = (d: number): boolean => D - windowDays < d && d <= D;
  const baseSet = new Set<string>(
    base === null ? ids.filter((_, i) => days[i] <= D).map(key) : base.map(key)
  );
  const purchaseDays = new Map<string, Set<number>>();
  const net = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!inWindow(days[i])) return;
    const k = key(id);
    const a = amounts === null ? 1 : amounts[i];
    net.set(k, (net.get(k) ?? 0) + a);
    if (a > 0) purchaseDays.set(k, (purchaseDays.get(k) ?? new Set<number>()).add(days[i]));
  });
  let active = 0;
  for (const k of baseSet) {
    const daysBought = purchaseDays.get(k)?.size ?? 0;
    const enough =
      amounts === null || (net.get(k) ?? 0) >= minAmount - 1e-9 * Math.max(1, minAmount);
    if (daysBought >= minPurchases && enough) active++;
  }
  return baseSet.size === 0 ? null : active / baseSet.size;
}

test.each(Array.from({ length: 80 }, (_, i) => [i]))(
  "random table %d matches the literal definition",
  (seed) => {
    const rnd = randomGenerator(seed + 1);
    const n = 1 + Math.floor(rnd() * 400);
    const customers = 1 + Math.floor(rnd() * 40);
    const ids: unknown[] = [];
    const days: number[] = [];
    const amounts: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = Math.floor(rnd() * customers);
      ids.push(c % 3 === 0 ? c + 1 : `C${c}`);
      days.push(45000 + Math.floor(rnd() * 200));
      amounts.push(
        rnd() < 0.15 ? -Math.round(rnd() * 50) : rnd() < 0.05 ? 0 : Math.round(rnd() * 100)
      );
    }
    const windowDays = 1 + Math.floor(rnd() * 180);
    // 1 to 4 mostly (the per-customer path), sometimes more than 8 (the bucketed path).
    const minPurchases = rnd() < 0.8 ? 1 + Math.floor(rnd() * 4) : 9 + Math.floor(rnd() * 4);
    const minAmount = rnd() < 0.5 ? 0 : Math.round(rnd() * 200);
    const asOf = rnd() < 0.3 ? null : 45050 + Math.floor(rnd() * 160);
    const withAmounts = rnd() < 0.7;
    const base =
      rnd() < 0.3
        ? Array.from({ length: customers + 3 }, (_, c) => (c % 3 === 0 ? c + 1 : `c${c}`))
        : null;
    const col = (v: unknown[]): unknown[][] => v.map((x) => [x]);

    const expected = literalActivation(
      ids,
      days,
      withAmounts ? amounts : null,
      asOf,
      windowDays,
      minPurchases,
      minAmount,
      base
    );
    const result = activationRateOfCells(
      col(ids),
      col(days),
      withAmounts ? col(amounts) : null,
      asOf,
      windowDays,
      minPurchases,
      minAmount,
      base === null ? null : col(base)
    );
    if (expected === null) {
      expect(result.ok).toBe(false);
    } else {
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value).toBeCloseTo(expected, 12);
    }

    // CONCENTRATION: the literal reading sorts per-customer totals.
    const totals = new Map<string, number>();
    ids.forEach((id, i) => totals.set(key(id), (totals.get(key(id)) ?? 0) + amounts[i]));
    const x = [...totals.values()].filter((t) => t > 0).sort((a, b) => b - a);
    const S = x.reduce((a, b) => a + b, 0);
    const conc = (measure: string, nArg: number | null): number => {
      const r = concentrationOfCells(col(amounts), col(ids), measure, nArg);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    if (x.length === 0) return;
    const k = Math.max(1, Math.ceil((x.length * 20) / 100 - 1e-9));
    expect(conc("TOP_PCT", null)).toBeCloseTo(x.slice(0, k).reduce((a, b) => a + b, 0) / S, 12);
    expect(conc("HHI", null)).toBeCloseTo(
      x.reduce((h, v) => h + ((100 * v) / S) ** 2, 0),
      8
    );
    const asc = [...x].reverse();
    const gini =
      x.length === 1
        ? 0
        : (2 * asc.reduce((g, v, i) => g + (i + 1) * v, 0)) / (x.length * S) -
          (x.length + 1) / x.length;
    expect(conc("GINI", null)).toBeCloseTo(gini, 12);
    let run = 0;
    let pareto = 0;
    while (run < 0.8 * S - 1e-9 * S) run += x[pareto++];
    expect(conc("PARETO", null)).toBe(pareto);
  }
);
