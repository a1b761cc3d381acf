/**
 * Two `--json` outputs compared as issue 18 asks (point 4): counts exactly, money and ratios to
 * 1e-9 relative, the customer model's figures to 1e-6 (fitted by numerical optimisation on
 * summaries summed in another order).
 */

/** Model figures: 1e-6. */
const MODEL_FIGURE = /customer_model|expected|model_check/;

/**
 * Where two `--json` outputs differ beyond the tolerances, one line per difference (`models`: the
 * model figures' relative tolerance, 1e-6 unless given).
 */
export function differences(a: unknown, b: unknown, path = "", models = 1e-6): string[] {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b)) return a === b ? [] : [`${path}: ${a} ≠ ${b}`];
    const tolerance = MODEL_FIGURE.test(path) ? models : 1e-9;
    const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    return relative <= tolerance ? [] : [`${path}: ${a} ≠ ${b} (relative ${relative})`];
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object")
    return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}.${k}`,
      models
    )
  );
}

/** The figures of a `--json`: all but its data check. */
export const figures = (json: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(json).filter(([k]) => k !== "data"));
