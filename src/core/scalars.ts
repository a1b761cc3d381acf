import { isBlank, describeCell, readDay, BLANK_DAY, UNREADABLE_DAY } from "./cells";
import { Result, ok, valueError, numError } from "./result";

/** A single-cell argument may arrive as a value or, from a reference, as a 1 × 1 range. */
function single(v: unknown): unknown {
  let x = v;
  while (Array.isArray(x) && x.length === 1) x = x[0];
  return x;
}

export function isOmitted(v: unknown): boolean {
  return isBlank(single(v));
}

/** An optional number argument: omitted takes the default; text that is a number is read as Excel would. */
export function readNumberArg(v: unknown, name: string, fallback: number): Result<number> {
  const x = single(v);
  if (isBlank(x)) return ok(fallback);
  if (typeof x === "number" && Number.isFinite(x)) return ok(x);
  if (typeof x === "string") {
    const n = Number(x.trim());
    if (Number.isFinite(n)) return ok(n);
  }
  return valueError(`${name}: ${describeCell(x)} is not a number`);
}

/** A whole number ≥ min; fractions are truncated, as Excel does with counts. */
export function readWholeArg(
  v: unknown,
  name: string,
  fallback: number,
  min: number
): Result<number> {
  const n = readNumberArg(v, name, fallback);
  if (!n.ok) return n;
  const whole = Math.trunc(n.value);
  if (whole < min)
    return numError(`${name} must be a whole number of at least ${min}; it is ${n.value}`);
  return ok(whole);
}

/** An optional date argument as a whole-day serial, or null when omitted (a serial below 1 counts as omitted). */
export function readDateArg(v: unknown, name: string): Result<number | null> {
  const x = single(v);
  const day = readDay(x);
  if (day === BLANK_DAY) return ok(null);
  if (day === UNREADABLE_DAY)
    return valueError(
      `${name}: ${describeCell(x)} is not a date; use a date or text like 2026-03-31`
    );
  return ok(day);
}

/** An optional choice among words, any case; omitted takes the default. */
export function readChoiceArg<T extends string>(
  v: unknown,
  name: string,
  choices: readonly T[],
  fallback: T
): Result<T> {
  const x = single(v);
  if (isBlank(x)) return ok(fallback);
  const word = typeof x === "string" ? x.trim().toUpperCase() : null;
  const found = choices.find((c) => c === word);
  if (found !== undefined) return ok(found);
  return valueError(`${name}: ${describeCell(x)} is not one of ${choices.join(", ")}`);
}
